import { Client } from '@colyseus/sdk';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { fold, stateAt, stateHash } from '../../shared/replay/fold';
import { checkMatchFile, type MatchFile } from '../../shared/replay/matchFile';
import { MatchState } from '../../shared/wire/state';
import { GameClient } from '../support/gameClient';
import { useTestServer } from '../support/testServer';

const live = useTestServer('replay-server-');
const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${live.server.port}${path}`, init);
const post = (path: string, body: unknown) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const bot = { strategy: 'balanced', difficulty: 'normal' } as const;

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

async function finishedBotMatch(seed: string): Promise<string> {
  const created = (await (await post('/api/matches', { seats: 2, bots: [bot, { strategy: 'robots', difficulty: 'hard' }], planningSeconds: 0, quarters: 8, seed })).json()) as { matchId: string };
  await until(async () => ((await (await api(`/api/matches/${created.matchId}`)).json()) as { status: string }).status === 'finished');
  return created.matchId;
}

async function eventsOf(matchId: string): Promise<EventEnvelope[]> {
  const text = await (await api(`/api/matches/${matchId}/events`)).text();
  return text.trim().split('\n').map((line) => JSON.parse(line) as EventEnvelope);
}


describe('match export for the replay viewer', () => {
  it('is self-contained (log, hash chain, scenario, final state hash) and checks out; a tampered copy is refused naming the seq', async () => {
    const matchId = await finishedBotMatch('export-1');
    const file = (await (await api(`/api/matches/${matchId}/export?format=json`)).json()) as MatchFile;
    const summary = (await (await api(`/api/matches/${matchId}`)).json()) as { stateHash: string };
    expect(file.format).toBe('closed-loop-match/1');
    expect(file.redacted).toBe(false);
    expect(file.finalStateHash).toBe(summary.stateHash);
    expect(file.scenario.quarters).toBe(8);
    const checked = checkMatchFile(JSON.parse(JSON.stringify(file)));
    expect(checked).toMatchObject({ ok: true, finalStateHash: summary.stateHash });

    const tampered = structuredClone(file);
    const target = tampered.events.find((e) => e.type === 'ValuationAssessed')!;
    (target.data as { valuations: number[] }).valuations[0]! += 1_000_000;
    expect(checkMatchFile(tampered)).toMatchObject({ ok: false, code: 'HASH_CHAIN_BROKEN', seq: target.seq });
    const claimed = { ...structuredClone(file), finalStateHash: '0'.repeat(64) };
    expect(checkMatchFile(claimed)).toMatchObject({ ok: false, code: 'FINAL_HASH_MISMATCH', actual: summary.stateHash });
    expect(checkMatchFile({ hello: 1 })).toMatchObject({ ok: false, code: 'NOT_A_MATCH_FILE' });
  });
});

describe('what-if fork endpoint', () => {
  it('forks a finished match at quarter 5: its log starts with the state hash of quarter 5, replays alone, and a new player plays on from quarter 6', async () => {
    const sourceId = await finishedBotMatch('fork-1');
    const sourceLog = await eventsOf(sourceId);
    const res = await post(`/api/matches/${sourceId}/fork`, { quarter: 5, seats: [{ kind: 'open' }, { kind: 'bot', bot }] });
    expect(res.status).toBe(201);
    const forked = (await res.json()) as { matchId: string; joinCode: string; sourceStateHash: string; quarter: number };
    const q5 = stateHash(stateAt(sourceLog, 5));
    expect(forked).toMatchObject({ sourceMatchId: sourceId, quarter: 5, sourceStateHash: q5 });

    const forkLog = await eventsOf(forked.matchId);
    expect(forkLog[0]!.type).toBe('MatchForked');
    expect(stateHash(fold(forkLog.slice(0, 1)))).toBe(q5);
    expect(((await (await api(`/api/matches/${forked.matchId}`)).json()) as { status: string; openSeats: number })).toMatchObject({ status: 'waiting', openSeats: 1 });

    const player = await GameClient.join(live.server.port, forked.matchId, { name: 'Ada' });
    expect(player.seat).toBe(0);
    await player.until(() => player.state.status === 'planning');
    expect(player.state.quarter).toBe(6);
    expect(player.state.players[0]?.own?.books?.robots.plants).toBe(stateAt(sourceLog, 5).players[0]!.robots.plants);
    await player.leave();

    // The one asking can take a seat at once and comes back with its token.
    const taken = (await (await post(`/api/matches/${sourceId}/fork`, { quarter: 5, seats: [{ kind: 'bot', bot }, { kind: 'open' }], player: { seat: 1, name: 'Bo' } })).json()) as { matchId: string; seat: number; token: string };
    expect(taken.seat).toBe(1);
    const bo = await GameClient.join(live.server.port, taken.matchId, { token: taken.token });
    expect(bo.seat).toBe(1);
    await bo.until(() => bo.state.status === 'planning' && bo.state.quarter === 6);
    await bo.leave();
  });

  it('refuses an unknown match, a live match, a missing quarter, a wrong seat count and a malformed body, clearly', async () => {
    const sourceId = await finishedBotMatch('fork-2');
    const seats = [{ kind: 'bot', bot }, { kind: 'bot', bot }];
    const before = ((await (await api('/api/matches')).json()) as unknown[]).length;
    const cases: Array<[string, unknown, string]> = [
      ['nope', { quarter: 1, seats }, 'MATCH_NOT_FOUND'],
      [sourceId, { quarter: 42, seats }, 'NO_SUCH_QUARTER'],
      [sourceId, { quarter: 2, seats: seats.slice(1) }, 'FORK_SEATS'],
      [sourceId, { quarter: 2, seats: [{ kind: 'human' }, { kind: 'open' }] }, 'BAD_REQUEST'],
      [sourceId, { quarter: 2 }, 'BAD_REQUEST'],
      [sourceId, { quarter: 2, seats, player: { seat: 0, name: 'Ada' } }, 'SEAT_TAKEN'],
    ];
    for (const [id, body, code] of cases) {
      const res = await post(`/api/matches/${id}/fork`, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: code, message: expect.any(String) });
    }
    // Refused forks store nothing.
    expect(((await (await api('/api/matches')).json()) as unknown[]).length).toBe(before);
    const live = (await (await post('/api/matches', { seats: 2, bots: [bot], planningSeconds: 0 })).json()) as { matchId: string };
    expect(await (await post(`/api/matches/${live.matchId}/fork`, { quarter: 0, seats })).json()).toMatchObject({ error: 'MATCH_NOT_FINISHED' });
  });
});

describe('spectators with a delay', () => {
  it('see only the public state of N quarters ago, from the server; never a player’s orders', async () => {
    const created = (await (await post('/api/matches', { seats: 2, bots: [bot], planningSeconds: 0, quarters: 8, spectatorDelay: 1, seed: 'delay-1' })).json()) as { matchId: string };
    const player = await GameClient.join(live.server.port, created.matchId, { name: 'Ada' });
    await player.until(() => player.state.status === 'planning');
    const sdk = new Client(`ws://127.0.0.1:${live.server.port}`);
    await expect(sdk.joinOrCreate('match', { matchId: created.matchId, spectate: true })).rejects.toThrow(/SPECTATOR_DELAYED/);

    const watch = await sdk.joinOrCreate<MatchState>('watch', { matchId: created.matchId }, MatchState);
    const host = live.server.registry.loaded().find((h) => h.matchId === created.matchId)!;
    const seen: Array<{ shown: number; live: number; orders: unknown[]; report: number }> = [];
    const infos: Array<{ delay: number; shownQuarter: number; liveQuarter: number }> = [];
    watch.onMessage('watch', (m: { delay: number; shownQuarter: number; liveQuarter: number }) => infos.push(m));
    watch.onStateChange((s) => {
      seen.push({ shown: s.quarter, live: host.current.quarter, orders: s.players.map((p) => p.own?.orders ?? p.own?.books ?? p.own?.report), report: s.report.quarter });
    });
    await until(() => seen.length > 0);

    for (let q = 1; q <= 3; q++) {
      const orders = { chipRnD: 500 + q, aiTraining: 300 };
      expect(await player.command({ type: 'SubmitOrders', data: { seat: 0, quarter: q, orders } })).toMatchObject({ ok: true });
      expect(await player.command({ type: 'LockOrders', data: { seat: 0, quarter: q } })).toMatchObject({ ok: true });
      await player.until(() => player.state.quarter === q + 1);
    }
    await until(() => watch.state.quarter === 3);
    // After quarter 3 resolved, a one-quarter delay shows the opening of quarter 3 with quarter 2's results.
    expect(watch.state.report.quarter).toBe(2);
    const log = await live.server.registry.store.read(created.matchId);
    expect(watch.state.players.map((p) => p.valuation)).toEqual(stateAt(log, 2).players.map((p) => p.valuation));
    expect(infos[infos.length - 1]).toEqual({ delay: 1, shownQuarter: 3, liveQuarter: 4 });
    for (const s of seen) {
      expect(s.shown).toBeLessThanOrEqual(Math.max(1, s.live - 1));
      expect(s.orders.filter((o) => o !== undefined)).toEqual([]);
      if (s.report) expect(s.report).toBeLessThanOrEqual(s.live - 2);
    }
    expect(player.state.players[0]?.own?.orders?.chipRnD).toBe(503);
    await watch.leave();
    await player.leave();
  });

  it('a delay set by the facilitator moves spectators of the live room to the watch room', async () => {
    const created = (await (await post('/api/matches', { seats: 2, classroom: true, planningSeconds: 0 })).json()) as { matchId: string; facilitatorKey: string };
    const spectator = await GameClient.join(live.server.port, created.matchId, { spectate: true });
    const left = new Promise<number>((resolve) => spectator.room.onLeave((code: number) => resolve(code)));
    const facilitator = await GameClient.join(live.server.port, created.matchId, { facilitatorKey: created.facilitatorKey });
    expect(await facilitator.command({ type: 'SetSpectatorDelay', data: { quarters: 2 } })).toMatchObject({ ok: true });
    expect(await left).toBe(4011);
    expect(await facilitator.command({ type: 'SetSpectatorDelay', data: { quarters: -1 } })).toMatchObject({ ok: false, code: 'INVALID_SETTINGS' });
    await facilitator.leave();
  });

  it('under a staged reveal, spectators see a resolved quarter only once the facilitator releases it', async () => {
    const created = (await (await post('/api/matches', { seats: 2, bots: [bot, bot], classroom: true, stagedReveal: true, planningSeconds: 0, quarters: 6, seed: 'held-1' })).json()) as { matchId: string; facilitatorKey: string };
    const teacher = await GameClient.join(live.server.port, created.matchId, { facilitatorKey: created.facilitatorKey });
    const watch = await new Client(`ws://127.0.0.1:${live.server.port}`).joinOrCreate<MatchState>('watch', { matchId: created.matchId }, MatchState);
    const reports: string[] = [];
    watch.onStateChange((s) => reports.push(`${s.quarter}:${s.report.quarter || ''}`));
    expect(await teacher.command({ type: 'StartMatch', data: {} })).toMatchObject({ ok: true });
    await teacher.until(() => teacher.state.resultsHeld === 1);
    // A pause while results are held reaches spectators too: once they see it, any earlier leak would show.
    expect(await teacher.command({ type: 'PauseMatch', data: {} })).toMatchObject({ ok: true });
    await until(() => watch.state.paused);
    expect(watch.state.quarter).toBe(1);
    expect(watch.state.report.quarter).toBe(0);
    expect(await teacher.command({ type: 'ResumeMatch', data: {} })).toMatchObject({ ok: true });
    expect(reports.every((r) => r.endsWith(':'))).toBe(true);
    expect(await teacher.command({ type: 'RevealResults', data: { quarter: 1 } })).toMatchObject({ ok: true });
    await until(() => watch.state.quarter === 2);
    expect(watch.state.report.quarter).toBe(1);
    await watch.leave();
    await teacher.leave();
  });
});
