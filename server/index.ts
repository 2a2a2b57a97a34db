import './wsGlobal';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { type Logger, type ServerConfig, jsonLogger } from './config';
import { mountApi } from './http/api';
import { systemClock } from './match/clock';
import { MatchRegistry } from './match/MatchRegistry';
import { MatchRoom } from './rooms/MatchRoom';
import { setRoomContext } from './rooms/roomContext';
import { SqliteEventStore } from './store/SqliteEventStore';

export interface RunningServer {
  port: number;
  registry: MatchRegistry;
  close(): Promise<void>;
}

const CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

/** WebSocket frames up to 64 KiB reach the room, which refuses anything over 16 KiB in words. */
const MAX_FRAME_BYTES = 64 * 1024;

/**
 * One port for everything: the Colyseus endpoint, the JSON API and the client. Every unfinished
 * match in the store is brought back as a live room before the server reports ready.
 */
export async function startServer(config: ServerConfig, log: Logger = jsonLogger(config.logLevel)): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  const store = new SqliteEventStore(join(config.dataDir, 'closed-loop.sqlite'));
  const registry = new MatchRegistry(store, systemClock);
  setRoomContext({ registry, log });
  const openRoom = async (matchId: string) => {
    await matchMaker.createRoom('match', { matchId });
  };
  const transport = new WebSocketTransport({ maxPayload: MAX_FRAME_BYTES });
  const gameServer = new Server({
    transport,
    greet: false,
    gracefullyShutdown: false,
    express: (app) => mountApi(app, { registry, log, openRoom, clientDir: CLIENT_DIR }),
  });
  gameServer.define('match', MatchRoom);
  await gameServer.listen(config.port);
  const port = (transport.server!.address() as AddressInfo).port;

  const recovered = await registry.recoverAll();
  for (const host of recovered) await openRoom(host.matchId);
  log.info('server ready', { port, dataDir: config.dataDir, store: store.kind, recovered: recovered.length });

  let closing: Promise<void> | null = null;
  return {
    port,
    registry,
    close() {
      closing ??= (async () => {
        log.info('shutting down', { matches: registry.loaded().length });
        await gameServer.gracefullyShutdown(false);
        await registry.close();
        await store.close();
        setRoomContext(null);
        log.info('shut down');
      })();
      return closing;
    },
  };
}
