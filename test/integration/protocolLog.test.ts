import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Protocol } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLogger, NO_LIMITS } from '../../server/config';
import { startServer, type RunningServer } from '../../server/index';
import { GameClient } from '../support/gameClient';

// A client's broken frames are its own mistake: the log gets one JSON line about them (and a
// count of the repeats), never a stack trace per frame.

let server: RunningServer;
let dir: string;
const lines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'protocol-log-'));
  server = await startServer({ port: 0, dataDir: dir, logLevel: 'debug', limits: NO_LIMITS }, jsonLogger('debug', (l) => void lines.push(l)));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const socketOf = (c: GameClient) => (c.room.connection as unknown as { transport: { ws: { send(data: Uint8Array): void } } }).transport.ws;
const closed = (c: GameClient) => new Promise<number>((resolve) => c.room.onLeave((code: number) => resolve(code)));

/** A room-data frame for "command" whose body is MessagePack nested `depth` arrays deep. */
function deepFrame(depth: number): Uint8Array {
  const type = [...'command'].map((ch) => ch.charCodeAt(0));
  return new Uint8Array([Protocol.ROOM_DATA, 0xa0 | type.length, ...type, ...new Array<number>(depth).fill(0x91), 0xc0]);
}

describe('client protocol errors in the log', () => {
  it('many undecodable and over-deep frames make a few JSON lines at warn, none with a stack', async () => {
    const created = (await (await fetch(`http://127.0.0.1:${server.port}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seats: 2, planningSeconds: 0, seed: 'frames' }) })).json()) as { matchId: string };
    const before = lines.length;
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const c = await GameClient.join(server.port, created.matchId, { spectate: true });
      const done = closed(c);
      const ws = socketOf(c);
      for (let k = 0; k < 20; k++) ws.send(i % 2 === 0 ? new Uint8Array([Protocol.ROOM_DATA, 0xa1, 0x78, 0xc1, k]) : deepFrame(50_000));
      codes.push(await done);
    }
    expect(new Set(codes)).toEqual(new Set([4002]));
    const written = lines.slice(before).map((l) => JSON.parse(l) as { level: string; msg: string; message?: string; cause?: string });
    const framework = written.filter((l) => l.msg.startsWith('framework'));
    expect(framework.length).toBeGreaterThan(0);
    expect(framework.length).toBeLessThanOrEqual(4);
    for (const l of framework) expect(l).toMatchObject({ level: 'warn', cause: 'client input' });
    expect(lines.slice(before).some((l) => /\n\s+at /.test(l) || l.includes('\\n    at '))).toBe(false);
    expect(written.filter((l) => l.level === 'error')).toEqual([]);
  }, 60_000);
});
