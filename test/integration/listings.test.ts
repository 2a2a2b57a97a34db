import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { jsonLogger, NO_LIMITS } from '../../server/config';
import { startServer, type RunningServer } from '../../server/index';
import { GameClient } from '../support/gameClient';

// Lists and a finished match's summary come from the listing stored beside each match, written by
// its host when what it shows changes: a list reads rows and folds no log, also after a restart.

const bot = { strategy: 'balanced', difficulty: 'normal' } as const;
const start = (dir: string) => startServer({ port: 0, dataDir: dir, logLevel: 'error', limits: NO_LIMITS }, jsonLogger('error', () => undefined));

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 500 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
}

/** Counts the logs the server reads from its store. */
function countReads(server: RunningServer): { reads: number } {
  const counter = { reads: 0 };
  const store = server.registry.store;
  const read = store.read.bind(store);
  store.read = (matchId, fromSeq) => {
    counter.reads += 1;
    return read(matchId, fromSeq);
  };
  return counter;
}

describe('stored listings', () => {
  it('answer lists and finished summaries without reading a log, show a delayed match as spectators see it, and are written for older files once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'listings-'));
    let server = await start(dir);
    const get = async <T>(path: string) => (await (await fetch(`http://127.0.0.1:${server.port}${path}`)).json()) as T;
    const post = async (body: unknown) =>
      (await (await fetch(`http://127.0.0.1:${server.port}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { matchId: string };
    try {
      const finished: string[] = [];
      for (const seed of ['list-1', 'list-2', 'list-3']) {
        const { matchId } = await post({ seats: 2, bots: [bot, bot], planningSeconds: 0, quarters: 3, seed });
        await until(async () => (await get<{ status: string }>(`/api/matches/${matchId}`)).status === 'finished');
        finished.push(matchId);
      }
      // A live match two quarters on, whose spectators lag one quarter behind.
      const delayed = await post({ seats: 2, bots: [bot], planningSeconds: 0, quarters: 8, spectatorDelay: 1, seed: 'list-delay' });
      const ada = await GameClient.join(server.port, delayed.matchId, { name: 'Ada' });
      for (const quarter of [1, 2]) {
        await ada.until(() => ada.state.status === 'planning' && ada.state.quarter === quarter);
        expect(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter } })).toMatchObject({ ok: true });
      }
      await ada.until(() => ada.state.quarter === 3);
      const waiting = await post({ seats: 3, bots: [bot], planningSeconds: 0, seed: 'list-wait' });

      const before = await get<Array<Record<string, unknown>>>('/api/matches?status=finished');
      const summaries = await Promise.all(finished.map((id) => get<Record<string, unknown>>(`/api/matches/${id}`)));
      const live = await get<Array<{ matchId: string; quarter: number }>>('/api/matches?status=live');
      const anonymous = await get<{ quarter: number }>(`/api/matches/${delayed.matchId}`);
      expect(live.find((m) => m.matchId === delayed.matchId)!.quarter).toBe(anonymous.quarter);
      expect(anonymous.quarter).toBeLessThan(3);
      expect((await get<Array<{ matchId: string; openSeats: number }>>('/api/matches?status=waiting')).find((m) => m.matchId === waiting.matchId)).toMatchObject({ openSeats: 2, status: 'waiting' });
      // Ada stays connected as the server stops: a goodbye would hand her seat to a bot, which would play the match out.
      await server.close();

      server = await start(dir);
      const counted = countReads(server);
      const after = await get<Array<Record<string, unknown>>>('/api/matches?status=finished');
      expect(after).toEqual(before);
      expect(after.map((m) => m.matchId)).toEqual([...finished].reverse());
      for (const [i, id] of finished.entries()) {
        const summary = await get<Record<string, unknown>>(`/api/matches/${id}`);
        expect(summary).toEqual(summaries[i]);
        expect(summary).toMatchObject({ status: 'finished', stateHash: expect.stringMatching(/^[0-9a-f]{64}$/), version: expect.any(Number) });
      }
      await get('/api/matches');
      await get('/api/matches?status=waiting');
      expect(counted.reads).toBe(0);
      await server.close();

      // A file from before listings were stored: the first list writes them, the next reads them.
      const db = new Database(join(dir, 'closed-loop.sqlite'));
      db.exec('UPDATE matches SET listing = NULL');
      db.close();
      server = await start(dir);
      const recount = countReads(server);
      expect(await get('/api/matches?status=finished')).toEqual(before);
      expect(recount.reads).toBe(3);
      expect(await get('/api/matches?status=finished')).toEqual(before);
      expect(recount.reads).toBe(3);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
