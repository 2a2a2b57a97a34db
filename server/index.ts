import './wsGlobal';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { matchOver } from '../shared/rules/reveal';
import { DEFAULT_LIMITS, DEFAULT_QUICK_MATCH, type Logger, type ServerConfig, jsonLogger } from './config';
import { mountApi } from './http/api';
import { CreationGate } from './http/creationGate';
import { gateJoins } from './http/joinGate';
import { Tarpit } from './limits/Tarpit';
import { TokenBuckets } from './limits/TokenBuckets';
import { systemClock } from './match/clock';
import { MatchRegistry } from './match/MatchRegistry';
import { MatchRoom } from './rooms/MatchRoom';
import { WatchRoom } from './rooms/WatchRoom';
import { setRoomContext } from './rooms/roomContext';
import { openRatingStore, openStore, openUserStore } from './store/openStore';
import { QuickMatchRoom } from './rooms/QuickMatchRoom';
import { Ratings } from './ratings/Ratings';
import { mountRankedRoutes } from './http/rankedRoutes';
import { mountAccounts, useJwtSecret } from './auth/accounts';
import { redisMatchmaking } from './redisMatchmaking';
import { frameworkLogger, REPEAT_WINDOW_MS } from './frameworkLog';

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
  const owner = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const store = await openStore(config, owner);
  const users = await openUserStore(config);
  const ratings = new Ratings(store, users, await openRatingStore(config));
  await useJwtSecret(users, config.jwtSecret);
  const leaseMs = (config.leaseSeconds ?? 15) * 1000;
  const registry = new MatchRegistry(store, systemClock, {
    owner,
    leaseMs,
    waitingExpiryMs: (config.waitingExpirySeconds ?? 24 * 3600) * 1000,
    lobbyIdleMs: (config.lobbyIdleSeconds ?? 60) * 1000,
    finishedUnloadMs: (config.finishedUnloadSeconds ?? 60) * 1000,
    ...(config.recoveryPageSize ? { recoveryPageSize: config.recoveryPageSize } : {}),
  });
  const limits = { ...DEFAULT_LIMITS, ...config.limits };
  const creations = new CreationGate(limits);
  registry.onStatus((matchId, status) => creations.open.follow(matchId, status));
  // A ranked match is rated as it ends (once: a reload of the finished match changes nothing).
  registry.onStatus((matchId, status) => {
    if (status !== 'finished' || !registry.loaded().some((h) => h.matchId === matchId && h.current.settings.ranked)) return;
    ratings.rate(matchId).catch((e: unknown) => log.warn('rating failed', { matchId, error: String(e) }));
  });
  // A match's room lives in the process that holds the match (never placed elsewhere by Colyseus),
  // and there is one: asking again while it exists or is being made changes nothing.
  const opening = new Map<string, Promise<void>>();
  const openRoom = (matchId: string): Promise<void> => {
    if (matchMaker.getLocalRoomById(matchId)) return Promise.resolve();
    let made = opening.get(matchId);
    if (!made) {
      made = matchMaker.handleCreateRoom('match', { matchId }).then(() => undefined);
      opening.set(matchId, made);
      void made.finally(() => opening.delete(matchId)).catch(() => undefined);
    }
    return made;
  };
  setRoomContext({ registry, log, users, ratings, openRoom, openMatches: creations.open, quickMatch: { ...DEFAULT_QUICK_MATCH, ...config.quickMatch } });
  const transport = new WebSocketTransport({ maxPayload: MAX_FRAME_BYTES });
  const framework = frameworkLogger(log);
  const frameworkSweep = setInterval(() => framework.sweep(), REPEAT_WINDOW_MS);
  frameworkSweep.unref();
  const gameServer = new Server({
    transport,
    logger: framework,
    greet: false,
    gracefullyShutdown: false,
    ...(config.redisUrl ? await redisMatchmaking(config.redisUrl) : {}),
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    selectProcessIdToCreateRoom: (_roomName, options) => processHosting(registry, options),
    express: (app) => {
      app.post(['/auth/anonymous', '/auth/register', '/auth/login'], creations.takeAccountToken);
      mountAccounts(app, users);
      mountRankedRoutes(app, ratings);
      mountApi(app, { registry, log, openRoom, creations, trustProxyHops: limits.trustProxyHops, clientDir: CLIENT_DIR });
    },
  });
  // Clients join with joinOrCreate('match', {matchId}): a stored match without a room (one waiting
  // since before a restart, or whose empty lobby closed) gets it on its first join.
  gameServer.define('match', MatchRoom).filterBy(['matchId']);
  // Spectators share one watch room per match, created when the first one arrives.
  gameServer.define('watch', WatchRoom).filterBy(['matchId']);
  // One queue for quick match (Colyseus' QueueRoom): players wait there for a ranked match.
  gameServer.define('queue', QuickMatchRoom);
  await gameServer.listen(config.port);
  gateJoins(transport.server!, new TokenBuckets(limits.joinPerMinute, limits.joinBurst), limits.trustProxyHops, new Tarpit(limits.refusalDelayMs));
  const port = (transport.server!.address() as AddressInfo).port;

  const recovered = await registry.recoverAll();
  for (const host of recovered) await openRoom(host.matchId);
  // Ranked matches that ended while no process could rate them (it stopped in between).
  const rated = await ratings.rateMissing();
  const expirySweep = startExpirySweep(registry, config.waitingExpirySeconds ?? 24 * 3600, log);
  const sweeper = store.leases ? startSweeper(registry, openRoom, leaseMs / 3, log, config.redisUrl !== undefined) : null;
  log.info('server ready', {
    port,
    owner,
    store: store.kind,
    ...(store.kind === 'sqlite' ? { dataDir: config.dataDir } : {}),
    matchmaking: config.redisUrl ? 'redis' : 'local',
    recovered: recovered.length,
    ...(rated > 0 ? { rated } : {}),
    limits,
  });

  let closing: Promise<void> | null = null;
  return {
    port,
    registry,
    close() {
      closing ??= (async () => {
        log.info('shutting down', { matches: registry.loaded().length });
        if (sweeper) clearInterval(sweeper);
        if (expirySweep) clearInterval(expirySweep);
        // Hosts first: from here on a command is refused (MATCH_CLOSED) and no bot or timer acts, so
        // rooms closing their clients below cannot set a match moving again.
        await gameServer.gracefullyShutdown(false);
        await registry.close();
        await store.close();
        await users.close();
        await ratings.store.close();
        clearInterval(frameworkSweep);
        framework.flush();
        setRoomContext(null);
        log.info('shut down');
      })();
      return closing;
    },
  };
}

/**
 * Where Colyseus creates a room that a client asked for (a match's watch room): in the process
 * hosting that match, whose live host it follows; else here.
 */
async function processHosting(registry: MatchRegistry, options: { matchId?: unknown }): Promise<string> {
  const record = typeof options.matchId === 'string' && options.matchId.length <= 64 ? await registry.find(options.matchId) : null;
  const listing = record ? await matchMaker.driver.findOne({ roomId: record.matchId }) : undefined;
  return listing?.processId ?? matchMaker.processId;
}

/**
 * Waiting matches that nobody hosts expire here once their wait is over (a hosted one has its own
 * timer): at start, then every quarter of the wait (at most every 10 minutes).
 */
function startExpirySweep(registry: MatchRegistry, expirySeconds: number, log: Logger) {
  if (expirySeconds <= 0) return null;
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const expired = await registry.expireWaiting();
      if (expired.length > 0) log.info('waiting matches expired', { count: expired.length });
    } catch (e) {
      log.warn('expiry sweep failed', { error: String(e) });
    } finally {
      running = false;
    }
  };
  void sweep();
  const timer = setInterval(sweep, Math.min(Math.max(expirySeconds * 250, 250), 10 * 60_000));
  timer.unref();
  return timer;
}

/**
 * Lease keeping for a shared store, a few times per lease: renew, step aside where the lease was
 * lost, take over matches whose process died. Every unfinished match held here gets its room (one
 * first opened by a watch room has none yet). With Redis, each room also re-states its listing,
 * in case a process that lost the match removed it on the way out.
 */
function startSweeper(registry: MatchRegistry, openRoom: (matchId: string) => Promise<void>, everyMs: number, log: Logger, relist: boolean) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const adopted = await registry.sweep();
      for (const host of registry.loaded()) {
        const room = matchMaker.getLocalRoomById(host.matchId);
        if (!room && !matchOver(host.current)) await openRoom(host.matchId);
        else if (room && relist) await room.setMetadata(room.metadata);
      }
      for (const host of adopted) log.info('match taken over', { matchId: host.matchId, version: host.version });
    } catch (e) {
      log.warn('lease sweep failed', { error: String(e) });
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return timer;
}
