import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../shared/replay/envelope';
import { fold, stateHash } from '../../shared/replay/fold';
import { LoadClient } from '../../server/cli/loadClient';
import { ServerProcess } from '../support/serverProcess';
import { storedLog } from '../support/storedLog';

const MATCHES = 50;
const PLAYERS = 2;
const QUARTERS = 8;
/** SIGKILL once this many commands have been acknowledged: every match is mid-play, most two quarters in. */
const KILL_AFTER_ACKS = MATCHES * PLAYERS * 2 * 2;
/** Think time per quarter, as people take: bots that answered at once would make this a throughput test. */
const THINK_MS = 2000;
const EVENT_OF: Record<string, string> = { SubmitOrders: 'OrdersSubmitted', LockOrders: 'OrdersLocked' };

const dir = mkdtempSync(join(tmpdir(), 'crash-load-'));
let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function waitFor(check: () => boolean, what: string, timeoutMs = 180_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Joins a few at a time (the matches already joined are playing meanwhile). A join whose seat
 * reservation ran out before its socket got through is tried again, as a browser would.
 */
async function inBatches(joins: Array<() => Promise<LoadClient>>, size = 10): Promise<LoadClient[]> {
  const retried = async (join: () => Promise<LoadClient>, tries = 3): Promise<LoadClient> => {
    try {
      return await join();
    } catch (e) {
      if (tries <= 1 || !String(e).includes('seat reservation expired')) throw e;
      return retried(join, tries - 1);
    }
  };
  const out: LoadClient[] = [];
  for (let i = 0; i < joins.length; i += size) out.push(...(await Promise.all(joins.slice(i, i + size).map((j) => retried(j)))));
  return out;
}

describe('crash under load', () => {
  it('SIGKILL while 50 matches are played over WebSockets: all resume and finish, no acknowledged command is lost', async () => {
    server = await ServerProcess.start(dir);
    const port = server.port;
    const url = `ws://127.0.0.1:${port}`;
    const matchIds: string[] = [];
    for (let i = 0; i < MATCHES; i++) {
      const res = await server.api('/api/matches', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seats: PLAYERS, bots: [], planningSeconds: 0, quarters: QUARTERS, seed: `crash-load-${i}` }),
      });
      matchIds.push(((await res.json()) as { matchId: string }).matchId);
    }
    // A match starts when its last seat is taken: every match's last seat is taken after all the others.
    const seat = (k: number) => matchIds.map((id) => () => LoadClient.join(url, id, { name: `P${k}` }, THINK_MS));
    const first = await inBatches(Array.from({ length: PLAYERS - 1 }, (_, k) => seat(k)).flat());
    const before = [...first, ...(await inBatches(seat(PLAYERS - 1)))];
    const acks = () => before.reduce((n, c) => n + c.record.acked.length, 0);
    await waitFor(() => acks() >= KILL_AFTER_ACKS, `${KILL_AFTER_ACKS} acks`);

    await server.kill();
    const ackedBeforeKill = acks();
    expect(before.filter((c) => c.record.finished)).toEqual([]);

    const restarting = Date.now();
    server = await ServerProcess.start(dir, port);
    const restartMs = Date.now() - restarting;
    const after = await inBatches(before.map((c) => () => LoadClient.join(url, c.record.matchId, { token: c.token }, THINK_MS)));
    await Promise.all(after.map((c) => c.whenDone()));

    for (const c of after) {
      expect(c.record.dropped).toBeNull();
      expect(c.record.finished).toBe(true);
    }
    expect([...before, ...after].flatMap((c) => c.record.refusals)).toEqual([]);
    let ackedTotal = 0;
    for (const matchId of matchIds) {
      const log = storedLog(dir, matchId);
      expect(verifyLog(log)).toEqual({ ok: true, count: log.length });
      const state = fold(log);
      expect(state.status).toBe('ended');
      const summary = (await (await server.api(`/api/matches/${matchId}`)).json()) as { stateHash: string; version: number; status: string };
      expect(summary).toMatchObject({ status: 'finished', version: log.length, stateHash: stateHash(state) });
      // Every acknowledged command, from before and after the kill, is in the log as its event.
      for (const c of [...before, ...after].filter((x) => x.record.matchId === matchId)) {
        for (const a of c.record.acked) {
          ackedTotal += 1;
          const e = log[a.seq - 1]!;
          expect(e.seq).toBe(a.seq);
          expect(e.type).toBe(EVENT_OF[a.type]);
          expect(e.data).toMatchObject({ seat: a.seat, quarter: a.quarter });
        }
      }
    }
    // Whole matches were sent to 200 clients: the state never outgrew the schema encoder's buffer.
    expect(server.output.join('')).not.toContain('BUFFER_SIZE');
    expect(ackedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(ackedTotal).toBeGreaterThan(ackedBeforeKill);
    console.log(`crash under load: ${MATCHES} matches, ${ackedBeforeKill} acks before SIGKILL, ${ackedTotal} in all, all found in the logs; restart to ready ${restartMs} ms`);
    await Promise.all(after.map((c) => c.leave()));
  }, 400_000);
});
