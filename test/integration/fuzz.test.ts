import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Protocol } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../shared/replay/fold';
import { PUBLIC, viewHash } from '../../shared/views/visibility';
import { rssMiB } from '../../server/cli/procSampler';
import { MAX_STRIKES } from '../../server/rooms/wire';
import { GameClient } from '../support/gameClient';
import { HostileMessages } from '../support/hostileMessages';
import { ServerProcess } from '../support/serverProcess';
import { storedLog } from '../support/storedLog';

// Transport-level refusals, which get no reply by design and are counted on their own:
//  - a frame over the 64 KiB WebSocket limit (the 1 MiB strings): `ws` closes the link (1009);
//  - a flood: once a client has been refused more than MAX_STRIKES times in a row the room drops
//    it (4008), and what it sent after that is never read.
// Every other message reaches the room, which answers it exactly once: `ack` or `rejected`.

const MATCHES = 24;
const SPECTATORS_PER_MATCH = 2;
const BURSTS = 38;
const BURST = 18;
const BURST_GAP_MS = 1050;
const FLOODERS = 6;
const FLOOD = 300;
const OVERSIZE = 4;
/** What the server may grow by while it answers the fuzz (it holds no per-message state). */
const RSS_GROWTH_BOUND_MIB = 200;
const PLAYER_EVENTS = new Set(['OrdersSubmitted', 'OrdersLocked', 'OrdersUnlocked', 'ChatSaid']);

const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
let server: ServerProcess;
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function createMatch(seed: string): Promise<string> {
  const res = await server.api('/api/matches', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // No timer and no bots: after the start only acknowledged commands (and the quarter they complete) change a match.
    body: JSON.stringify({ seats: 4, bots: [], planningSeconds: 0, seed }),
  });
  return ((await res.json()) as { matchId: string }).matchId;
}

async function summary(matchId: string): Promise<{ version: number; viewHash: string }> {
  return (await (await server.api(`/api/matches/${matchId}`)).json()) as { version: number; viewHash: string };
}

/** The SDK's WebSocket under a room, to send frames the SDK would never make. */
const socketOf = (c: GameClient) => (c.room.connection as unknown as { transport: { ws: { send(data: Uint8Array): void } } }).transport.ws;

/** The close code the link ends with; -1 if it is still open after 30 s. */
function closeCode(c: GameClient): Promise<number> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(-1), 30_000);
    c.room.onLeave((code: number) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

interface Fuzzer {
  client: GameClient;
  matchId: string;
  gen: HostileMessages;
  sent: number;
  tracked: string[];
}

describe('hostile input', () => {
  let matches: string[];
  let fuzzers: Fuzzer[];
  const before = new Map<string, { version: number; viewHash: string }>();

  beforeAll(async () => {
    server = await ServerProcess.start(dir);
    matches = await Promise.all(Array.from({ length: MATCHES }, (_, i) => createMatch(`fuzz-${i}`)));
    fuzzers = [];
    for (const [m, matchId] of matches.entries()) {
      for (let k = 0; k < 4 + SPECTATORS_PER_MATCH; k++) {
        const client = await GameClient.join(server.port, matchId, k < 4 ? { name: `F${k}` } : { spectate: true });
        fuzzers.push({ client, matchId, gen: new HostileMessages(`fuzz|${m}|${k}`, `t${m}.${k}.`), sent: 0, tracked: [] });
      }
      const first = fuzzers[fuzzers.length - 1]!.client;
      await first.until(() => first.state.status === 'planning');
      before.set(matchId, await summary(matchId));
    }
  }, 120_000);

  it('answers every message once, changes state only on acks, stays up and bounded', async () => {
    const startRss = rssMiB(server.child.pid!);

    // Steady hostile traffic: bursts under the rate limit, each one's replies awaited before the next.
    await Promise.all(
      fuzzers.map(async (f) => {
        for (let b = 0; b < BURSTS; b++) {
          const burst: unknown[] = [];
          for (let i = 0; i < BURST; i++) {
            const large = 17 * 1024 + ((f.sent * 7919) % (40 * 1024));
            const msg = f.gen.next({ seat: f.client.seat, quarter: f.client.state.quarter }, large);
            burst.push(msg);
            f.client.raw(msg.type as string, msg.payload);
            f.sent += 1;
            if (msg.trackedId) f.tracked.push(msg.trackedId);
          }
          try {
            await f.client.until(() => f.client.unmatched.length === f.sent, 45_000);
          } catch {
            const answered = f.client.unmatched.length - (f.sent - BURST);
            const health = await Promise.race([server.api('/api/health').then((r) => r.text()), new Promise((r) => setTimeout(() => r('no answer in 3 s'), 3000))]);
            const shown = JSON.stringify(burst, (_k, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 100 ? `<${v.length} chars>` : v));
            throw new Error(`${answered} of ${BURST} answered (seat ${f.client.seat} of ${f.matchId}; health: ${health}) for burst: ${shown}`);
          }
          // Counted from the last reply, so the room has read the whole burst in an earlier rate window.
          await new Promise((r) => setTimeout(r, BURST_GAP_MS));
        }
      }),
    );

    // Floods: far beyond the limit, until the room drops the client.
    const flooders = await Promise.all(Array.from({ length: FLOODERS }, (_, i) => GameClient.join(server.port, matches[i]!, { spectate: true })));
    const floods = await Promise.all(
      flooders.map(async (c, i) => {
        const closed = closeCode(c);
        // Unknown message types only, commands only, or both in turn.
        const unknownType = (n: number) => (i % 3 === 0 ? true : i % 3 === 1 ? false : n % 2 === 0);
        for (let n = 0; n < FLOOD; n++) c.raw(unknownType(n) ? `nope-${n}` : 'command', { id: `flood-${n}`, command: { type: 'LockOrders' } });
        return { code: await closed, replies: c.unmatched };
      }),
    );

    // Refused below the room, without a reply: a frame over the 64 KiB limit (ws closes with
    // 1009), and a room-data frame whose body is not MessagePack (Colyseus closes with 4002).
    const belowTheRoom = async (matchId: string, send: (c: GameClient) => void) => {
      const c = await GameClient.join(server.port, matchId, { spectate: true });
      const closed = closeCode(c);
      c.raw('command', { id: 'before', command: { type: 'LockOrders', data: { seat: 0, quarter: 1 } } });
      await c.until(() => c.unmatched.length === 1);
      send(c);
      return { code: await closed, replies: c.unmatched };
    };
    const oversized = await Promise.all(
      Array.from({ length: OVERSIZE }, (_, i) =>
        belowTheRoom(matches[i]!, (c) => c.raw('command', { id: 'huge', command: { type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { note: 'x'.repeat(1024 * 1024) } } } })),
      ),
    );
    const undecodable = await Promise.all(
      Array.from({ length: OVERSIZE }, (_, i) => belowTheRoom(matches[i]!, (c) => socketOf(c).send(new Uint8Array([Protocol.ROOM_DATA, 0xa1, 0x78, 0xc1, i])))),
    );

    const totalSent = fuzzers.reduce((n, f) => n + f.sent, 0) + FLOODERS * FLOOD + OVERSIZE * 4;
    expect(totalSent).toBeGreaterThanOrEqual(100_000);

    // 1. Exactly one reply per message: tracked ids echoed once each, the rest answered with id null.
    const acked = new Map<string, number[]>();
    for (const f of fuzzers) {
      const replies = f.client.unmatched;
      expect(replies).toHaveLength(f.sent);
      const echoed = replies.filter((r) => typeof r.id === 'string' && r.id.startsWith('t')).map((r) => r.id as string);
      expect(echoed.sort()).toEqual([...f.tracked].sort());
      expect(replies.filter((r) => r.id === null)).toHaveLength(f.sent - f.tracked.length);
      // Paced under the limit, so every one of them reached the room's checks.
      expect(replies.filter((r) => !r.ok && r.code === 'RATE_LIMITED')).toEqual([]);
      const seqs = acked.get(f.matchId) ?? [];
      for (const r of replies) if (r.ok) seqs.push(r.seq);
      acked.set(f.matchId, seqs);
    }
    // Flooders: one refusal per message read, then dropped with 4008; never an ack.
    for (const { code, replies } of floods) {
      expect(code).toBe(4008);
      expect(replies.length).toBeGreaterThanOrEqual(20 + MAX_STRIKES + 1);
      expect(replies.length).toBeLessThanOrEqual(FLOOD);
      expect(replies.every((r) => !r.ok)).toBe(true);
      expect(replies.filter((r) => !r.ok && r.code === 'RATE_LIMITED').length).toBeGreaterThan(MAX_STRIKES);
    }
    for (const [expected, closes] of [[1009, oversized], [4002, undecodable]] as const) {
      for (const { code, replies } of closes) {
        expect(code).toBe(expected);
        expect(replies.map((r) => r.id)).toEqual(['before']);
      }
    }

    // 2. The state changed only through acknowledged commands and the quarters they completed.
    let totalAcks = 0;
    for (const matchId of matches) {
      const log = storedLog(dir, matchId);
      const now = await summary(matchId);
      const was = before.get(matchId)!;
      const seqs = new Set(acked.get(matchId) ?? []);
      totalAcks += seqs.size;
      expect(now.version).toBe(log.length);
      // While live the server hands out a hash of what the public sees, not of the whole state.
      expect(now.viewHash).toBe(viewHash(fold(log), PUBLIC));
      const after = log.filter((e) => e.seq > was.version);
      expect(new Set(after.filter((e) => PLAYER_EVENTS.has(e.type)).map((e) => e.seq))).toEqual(seqs);
      // Anything else is a quarter resolving, which only a lock (acknowledged above) can start
      // (a chat line may be stored between the lock and the resolution it started).
      for (const [i, e] of after.entries()) {
        if (PLAYER_EVENTS.has(e.type) || (i > 0 && !PLAYER_EVENTS.has(after[i - 1]!.type))) continue;
        expect(e.type).toBe('PlanningEnded');
        expect(after.slice(0, i).filter((p) => p.type !== 'ChatSaid').at(-1)?.type).toBe('OrdersLocked');
      }
      if (seqs.size === 0) expect(now).toMatchObject(was);
    }
    expect(totalAcks).toBeGreaterThan(0);

    // 3. Alive, healthy, and its memory bounded.
    expect(server.child.exitCode).toBeNull();
    expect(await (await server.api('/api/health')).json()).toMatchObject({ ok: true });
    const endRss = rssMiB(server.child.pid!);
    const codes = new Map<string, number>();
    for (const r of [...fuzzers.flatMap((f) => f.client.unmatched), ...floods.flatMap((f) => f.replies)]) codes.set(r.ok ? 'ack' : r.code, (codes.get(r.ok ? 'ack' : r.code) ?? 0) + 1);
    const byCode = [...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(`fuzz: ${totalSent} messages on ${fuzzers.length + FLOODERS + 2 * OVERSIZE} connections; replies: ${byCode}; server rss ${startRss.toFixed(0)} → ${endRss.toFixed(0)} MiB`);
    expect(endRss).toBeLessThan(startRss + RSS_GROWTH_BOUND_MIB);
  }, 240_000);
});
