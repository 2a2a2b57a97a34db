import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLogger, NO_LIMITS } from '../../server/config';
import { startServer, type RunningServer } from '../../server/index';
import { GameClient } from '../support/gameClient';

// A restart brings back every unfinished match, however many: recovery reads the store page by
// page (two at a time here), so none is left without a room.

const start = (dir: string) => startServer({ port: 0, dataDir: dir, logLevel: 'error', limits: NO_LIMITS, recoveryPageSize: 2, lobbyIdleSeconds: 1 }, jsonLogger('error', () => undefined));
const post = (server: RunningServer, body: unknown) =>
  fetch(`http://127.0.0.1:${server.port}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    (r) => r.json() as Promise<{ matchId: string }>,
  );

describe('recovery after a restart', () => {
  it('brings back more unfinished matches than a page holds: every waiting one takes a new player, every live one its player back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recovery-'));
    let server = await start(dir);
    try {
      const waiting = await Promise.all(Array.from({ length: 5 }, (_, i) => post(server, { seats: 2, planningSeconds: 0, seed: `wait-${i}` })));
      const live: Array<{ matchId: string; token: string }> = [];
      for (let i = 0; i < 3; i++) {
        const { matchId } = await post(server, { seats: 1, planningSeconds: 0, seed: `live-${i}` });
        const c = await GameClient.join(server.port, matchId, { name: `P${i}` });
        await c.until(() => c.state.status === 'planning');
        // Still connected when the server stops: a goodbye would hand the seat to a bot, which would play the match out.
        live.push({ matchId, token: c.token! });
      }
      await server.close();
      server = await start(dir);
      // Live matches are hosted at once (bots and timers run without clients); waiting ones only when someone comes.
      expect(server.registry.loaded().map((h) => h.matchId).sort()).toEqual(live.map((l) => l.matchId).sort());
      const listed = (await fetch(`http://127.0.0.1:${server.port}/api/matches?status=waiting`).then((r) => r.json())) as Array<{ matchId: string }>;
      expect(listed.map((m) => m.matchId).sort()).toEqual(waiting.map((w) => w.matchId).sort());
      for (const { matchId } of waiting) {
        const c = await GameClient.join(server.port, matchId, { name: 'Newcomer' });
        expect(c.seat).toBe(0);
        expect(server.registry.loaded().map((h) => h.matchId)).toContain(matchId);
        await c.leave();
      }
      // Its lobby empty again, a waiting match's room closes and its host is let go; the next join brings both back.
      const first = waiting[0]!.matchId;
      for (let i = 0; i < 100 && server.registry.loaded().some((h) => h.matchId === first); i++) await new Promise((r) => setTimeout(r, 50));
      expect(server.registry.loaded().map((h) => h.matchId)).not.toContain(first);
      const again = await GameClient.join(server.port, first, { name: 'Second' });
      expect(again.seat).toBe(1);
      expect(again.state.players.map((p: { name: string }) => p.name)).toEqual(['Newcomer', 'Second']);
      await again.leave();
      for (const { matchId, token } of live) {
        const c = await GameClient.join(server.port, matchId, { token });
        expect(c.seat).toBe(0);
        await c.until(() => c.state.status === 'planning');
        await c.leave();
      }
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('waiting matches that nobody starts', () => {
  it('expire after the configured time with a stored event: the summary says expired, a join is refused, lists leave them out; also across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'expiry-'));
    const startWith = (waitingExpirySeconds: number) => startServer({ port: 0, dataDir: dir, logLevel: 'error', limits: NO_LIMITS, waitingExpirySeconds }, jsonLogger('error', () => undefined));
    let server = await startWith(1);
    try {
      const api = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`).then((r) => r.json() as Promise<Record<string, unknown>>);
      const lonely = await post(server, { seats: 2, planningSeconds: 0, seed: 'lonely' });
      const started = await post(server, { seats: 1, planningSeconds: 600, seed: 'started' });
      const player = await GameClient.join(server.port, started.matchId, { name: 'Ada' });
      await player.until(() => player.state.status === 'planning');
      expect(await api(`/api/matches/${lonely.matchId}`)).toMatchObject({ status: 'waiting' });
      const waited = Date.now();
      for (let i = 0; i < 100 && (await api(`/api/matches/${lonely.matchId}`)).status !== 'expired'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(Date.now() - waited).toBeLessThan(4_000);
      expect(await api(`/api/matches/${lonely.matchId}`)).toMatchObject({ status: 'expired' });
      await expect(GameClient.join(server.port, lonely.matchId, { name: 'Late' })).rejects.toThrow(/MATCH_EXPIRED/);
      const listed = (await fetch(`http://127.0.0.1:${server.port}/api/matches`).then((r) => r.json())) as Array<{ matchId: string }>;
      expect(listed.map((m) => m.matchId)).not.toContain(lonely.matchId);
      expect(listed.map((m) => m.matchId)).toContain(started.matchId);
      const log = (await fetch(`http://127.0.0.1:${server.port}/api/matches/${lonely.matchId}/events`).then((r) => r.text())).trim().split('\n');
      expect(JSON.parse(log.at(-1)!)).toMatchObject({ type: 'MatchExpired' });
      // A match that started is not touched by the timer.
      expect(player.state.status).toBe('planning');
      await player.leave();

      // One created now and left waiting through a restart expires on time all the same.
      await server.close();
      server = await startWith(2);
      const later = await post(server, { seats: 2, planningSeconds: 0, seed: 'later' });
      await server.close();
      server = await startWith(2);
      expect(server.registry.loaded().map((h) => h.matchId)).not.toContain(lonely.matchId);
      for (let i = 0; i < 100 && (await api(`/api/matches/${later.matchId}`)).status !== 'expired'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await api(`/api/matches/${later.matchId}`)).toMatchObject({ status: 'expired' });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
