import { describe, expect, it } from 'vitest';
import { verifyLog, type EventEnvelope } from '../../shared/replay/envelope';
import { GameClient } from '../support/gameClient';
import { useTestServer } from '../support/testServer';

const live = useTestServer('server-');
const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${live.server.port}${path}`, init);
const post = (body: unknown) => api('/api/matches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });


describe('HTTP API', () => {
  it('reports how long work waited on the event loop', async () => {
    // The server shares this test's event loop: hold it for 300 ms and the health figure shows it.
    // (The monitor measures from its first tick on, which a server that has just started may not have had yet.)
    await new Promise((r) => setTimeout(r, 50));
    const until = Date.now() + 300;
    while (Date.now() < until);
    await new Promise((r) => setTimeout(r, 30));
    const d = ((await (await api('/api/health')).json()) as { eventLoopDelayMs: { p50: number; p99: number; max: number } | null }).eventLoopDelayMs;
    expect(d).not.toBeNull();
    expect(d!.max).toBeGreaterThanOrEqual(250);
    expect(d!.p99).toBeGreaterThanOrEqual(d!.p50);
    expect(d!.max).toBeGreaterThanOrEqual(d!.p99);
  });

  it('reports health, creates matches, lists and describes them', async () => {
    expect(await (await api('/api/health')).json()).toMatchObject({ ok: true, store: 'sqlite', matchesOpen: 0 });
    const res = await post({ seats: 3, bots: [{ strategy: 'robots', difficulty: 'easy' }], planningSeconds: 60, seed: 'api' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { matchId: string; joinCode: string; facilitatorKey?: string };
    expect(created.joinCode).toMatch(/^[A-Z]{5}$/);
    expect(created.facilitatorKey).toBeUndefined();
    const summary = await (await api(`/api/matches/${created.matchId}`)).json();
    expect(summary).toMatchObject({ matchId: created.matchId, status: 'waiting', quarter: 0, openSeats: 2 });
    expect(summary.seats[2]).toEqual({ name: 'Bot 1 (robots)', bot: true, strategy: 'robots' });
    expect((await (await api(`/api/matches/${created.joinCode}`)).json()).matchId).toBe(created.matchId);
    const waiting = (await (await api('/api/matches?status=waiting')).json()) as Array<{ matchId: string }>;
    expect(waiting.map((m) => m.matchId)).toContain(created.matchId);
    const classroom = (await (await post({ seats: 2, classroom: true, quarters: 8 })).json()) as { facilitatorKey: string; matchId: string };
    expect(classroom.facilitatorKey.length).toBeGreaterThan(20);
    expect((await (await api(`/api/matches/${classroom.matchId}`)).json()).quarters).toBe(8);
  });

  it('refuses bad input with 400 and {error, message}, unknown ids with 404', async () => {
    for (const body of [{ seats: 9 }, { seats: 2, bots: [{ strategy: 'chess', difficulty: 'easy' }] }, { seats: 2, winLoops: 4 }, { seats: 1.5 }, { seats: 2, extra: 1 }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'BAD_REQUEST', message: expect.any(String) });
    }
    const tooMany = await post({ seats: 1, bots: [{ strategy: 'robots', difficulty: 'easy' }, { strategy: 'robots', difficulty: 'easy' }] });
    expect(await tooMany.json()).toMatchObject({ error: 'TOO_MANY_BOTS' });
    const badJson = await api('/api/matches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"seats":' });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error).toBe('BAD_JSON');
    expect((await api('/api/matches/nope')).status).toBe(404);
    expect((await api('/api/matches/nope/events')).status).toBe(404);
    expect((await api('/api/matches?status=sleeping')).status).toBe(400);
  });

  it('sends a sheet’s patch to its own seat only; a lock reaches everyone', async () => {
    const { matchId } = (await (await post({ seats: 2, planningSeconds: 0, seed: 'quiet-patches' })).json()) as { matchId: string };
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    await bo.until(() => bo.state.status === 'planning');
    let boPatches = 0;
    bo.room.onStateChange(() => boPatches++);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
    await settle();
    const before = boPatches;
    expect(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 123 } } })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.players[0]?.own?.orders?.chipRnD === 123);
    await settle();
    expect(boPatches).toBe(before);
    expect(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: 1 } })).toMatchObject({ ok: true });
    await bo.until(() => bo.state.players[0]?.locked === true);
    expect(boPatches).toBeGreaterThan(before);
    await ada.leave();
    await bo.leave();
  });

  it('takes a whole-number seed as its decimal string: the same match as the string seed', async () => {
    const bots = ['robotaxi', 'satellites'].map((strategy) => ({ strategy, difficulty: 'normal' }));
    const created = await Promise.all(
      [42, '42'].map(async (seed) => {
        const res = await post({ seats: 2, bots, planningSeconds: 0, seed, quarters: 3 });
        expect(res.status).toBe(201);
        return ((await res.json()) as { matchId: string }).matchId;
      }),
    );
    const finished = async (id: string) => {
      for (let i = 0; i < 200; i++) {
        const summary = (await (await api(`/api/matches/${id}`)).json()) as { status: string };
        if (summary.status === 'finished') return summary;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${id} did not finish`);
    };
    await Promise.all(created.map(finished));
    // The same play quarter by quarter (the state hashes differ only because the match ids do).
    const [numeric, text] = await Promise.all(created.map(async (id) => (await api(`/api/matches/${id}/export?format=csv`)).text()));
    expect(numeric!.trim().split('\n')).toHaveLength(1 + 3 * 2);
    expect(numeric).toBe(text);
    const log = (await (await api(`/api/matches/${created[0]}/events`)).text()).split('\n', 1)[0]!;
    expect(JSON.parse(log)).toMatchObject({ type: 'MatchCreated', data: { seed: '42' } });
    for (const seed of [4.5, 2 ** 60, -0.5]) expect((await post({ seats: 1, seed })).status).toBe(400);
  });

  it('plays a match of bots out at once; its events and exports read from the log', async () => {
    const bots = ['robotaxi', 'robots', 'satellites', 'vertical'].map((strategy) => ({ strategy, difficulty: 'normal' }));
    const { matchId } = (await (await post({ seats: 4, bots, planningSeconds: 0, seed: 'spectacle', quarters: 6 })).json()) as { matchId: string };
    for (let i = 0; i < 200 && (await (await api(`/api/matches/${matchId}`)).json()).status !== 'finished'; i++) await new Promise((r) => setTimeout(r, 25));
    const summary = await (await api(`/api/matches/${matchId}`)).json();
    expect(summary).toMatchObject({ status: 'finished', quarter: 6, winner: expect.any(Number) });
    const ndjson = await (await api(`/api/matches/${matchId}/events`)).text();
    const log = ndjson.trim().split('\n').map((l) => JSON.parse(l) as EventEnvelope);
    expect(verifyLog(log)).toEqual({ ok: true, count: log.length });
    const csv = await (await api(`/api/matches/${matchId}/export?format=csv`)).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^quarter,label,seat,name,cash_usd/);
    expect(lines).toHaveLength(1 + 6 * 4);
    const exported = await (await api(`/api/matches/${matchId}/export?format=json`)).json();
    expect(exported).toMatchObject({ format: 'closed-loop-match/1', redacted: false, match: { matchId } });
    expect(exported.events).toHaveLength(log.length);
  });
});

describe('match room over WebSockets', () => {
  it('two people and two bots play to the end; neither ever sees the other’s orders before resolution', async () => {
    const bots = [
      { strategy: 'robots', difficulty: 'normal' },
      { strategy: 'satellites', difficulty: 'normal' },
    ];
    const { matchId } = (await (await post({ seats: 4, bots, planningSeconds: 0, seed: 'two-humans', quarters: 4 })).json()) as { matchId: string };
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    expect([ada.seat, bo.seat]).toEqual([0, 1]);
    expect(ada.token).toBeTruthy();
    const leaks: string[] = [];
    for (const [me, other] of [
      [ada, 1],
      [bo, 0],
    ] as const) {
      me.room.onStateChange((s) => {
        const row = s.players.at(other);
        if (row && s.status !== 'ended' && (row.own?.orders || row.own?.books || row.own?.report)) leaks.push(`${me.seat} saw ${other}: ${JSON.stringify(row.toJSON())}`);
        if (row && s.status !== 'ended' && row.own?.cash) leaks.push(`${me.seat} saw cash of ${other}`);
      });
    }
    await ada.until(() => ada.state.status === 'planning');
    let quarter = 0;
    while (ada.state.status !== 'ended') {
      await ada.until(() => ada.state.status === 'ended' || ada.state.quarter > quarter);
      if (ada.state.status !== 'planning') break;
      quarter = ada.state.quarter;
      const sheetA = { chipRnD: 300 + quarter, aiTraining: 400, ridePriceUsd: 11 };
      const sheetB = { robotRnD: 200 + quarter, launches: 1 };
      expect(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter, orders: sheetA } })).toMatchObject({ ok: true });
      expect(await bo.command({ type: 'SubmitOrders', data: { seat: 1, quarter, orders: sheetB } })).toMatchObject({ ok: true });
      await ada.until(() => ada.state.players[0]?.own?.orders?.chipRnD === sheetA.chipRnD);
      expect(ada.state.players[0].own?.cash).toBeGreaterThan(0);
      expect(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter } })).toMatchObject({ ok: true });
      expect(await bo.command({ type: 'LockOrders', data: { seat: 1, quarter } })).toMatchObject({ ok: true });
    }
    expect(leaks).toEqual([]);
    expect(ada.state.quarter).toBe(4);
    // After the match, every book is open.
    await bo.until(() => bo.state.players[0]?.own?.orders?.chipRnD !== undefined);
    await ada.leave();
    await bo.leave();
  });

  it('refuses every class of bad input with a code and changes nothing', async () => {
    const { matchId } = (await (await post({ seats: 2, bots: [{ strategy: 'robots', difficulty: 'easy' }], planningSeconds: 0, seed: 'hostile' })).json()) as { matchId: string };
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    // The bot has played its quarter (sheet and lock): from here on only Ada could move the log.
    await ada.until(() => ada.state.status === 'planning' && ada.state.players[1]?.locked === true);
    const stored = async () => (await live.server.registry.store.getMatch(matchId))!.version;
    const seq = await stored();
    const expectRefused = async (command: unknown, code: string) => {
      const reply = await ada.command(command);
      expect(reply, JSON.stringify(command)).toMatchObject({ ok: false, code });
    };
    await expectRefused({ type: 'SubmitOrders', data: { seat: 1, quarter: 1, orders: {} } }, 'SEAT_NOT_YOURS');
    await expectRefused({ type: 'SubmitOrders', data: { seat: 0, quarter: 3, orders: {} } }, 'STALE_QUARTER');
    await expectRefused({ type: 'StartMatch', data: {} }, 'WRONG_PHASE');
    await expectRefused({ type: 'EndPlanning', data: { quarter: 1 } }, 'NOT_ALLOWED');
    await expectRefused({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: -5 } } }, 'NEGATIVE_AMOUNT');
    await expectRefused({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 1e308 } } }, 'AMOUNT_TOO_LARGE');
    await expectRefused({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: NaN } } }, 'NOT_FINITE');
    await expectRefused({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { buyCars: 1.5 } } }, 'NOT_INTEGER');
    await expectRefused({ type: 'Teleport', data: {} }, 'MALFORMED_COMMAND');
    await expectRefused({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { note: 'x'.repeat(20_000) } } }, 'TOO_LARGE');
    ada.raw('dance', { id: 'x' });
    await ada.until(() => ada.unmatched.some((r) => !r.ok && r.code === 'UNKNOWN_MESSAGE'));
    expect(await stored()).toBe(seq);
    // A flood: more than 20 messages in a second are refused with RATE_LIMITED.
    const flood = await Promise.all(Array.from({ length: 30 }, () => ada.command({ type: 'UnlockOrders', data: { seat: 0, quarter: 1 } })));
    expect(flood.filter((r) => !r.ok && r.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(9);
    expect(flood.filter((r) => !r.ok && r.code === 'NOT_LOCKED').length).toBeGreaterThanOrEqual(1);
    expect(await stored()).toBe(seq);
    await ada.leave();
  });

  it('a seat token reclaims the seat after leaving; a wrong token is refused; spectators are read-only', async () => {
    const { matchId } = (await (await post({ seats: 2, bots: [], planningSeconds: 600, seed: 'tokens' })).json()) as { matchId: string };
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    const token = ada.token!;
    await bo.until(() => bo.state.status === 'planning');
    await ada.leave();
    // While Ada is away a bot plays her seat (it locks); Bo has not locked, so the quarter waits.
    await bo.until(() => bo.state.players[0].autopilot === true && bo.state.players[0].locked === true);
    const back = await GameClient.join(live.server.port, matchId, { token });
    expect(back.seat).toBe(0);
    expect(back.token).toBeNull();
    await bo.until(() => bo.state.players[0].autopilot === false && bo.state.players[0].connected === true);
    expect(await back.command({ type: 'UnlockOrders', data: { seat: 0, quarter: 1 } })).toMatchObject({ ok: true });
    expect(await back.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { aiTraining: 10 } } })).toMatchObject({ ok: true });
    await expect(GameClient.join(live.server.port, matchId, { token: 'stolen-token' })).rejects.toThrow(/INVALID_SEAT_TOKEN/);
    const watcher = await GameClient.join(live.server.port, matchId, { spectate: true });
    expect(watcher.role).toBe('spectator');
    expect(await watcher.command({ type: 'LockOrders', data: { seat: 0, quarter: 1 } })).toMatchObject({ ok: false, code: 'READ_ONLY' });
    await watcher.until(() => watcher.state.players.length === 2);
    expect(watcher.state.players[0].own?.cash ?? 0).toBe(0);
    expect(watcher.state.players[0]?.own?.orders).toBeUndefined();
    await back.leave();
    await bo.leave();
    await watcher.leave();
  });

  it('a facilitator with the key starts, pauses, times, shocks and advances a classroom match; a wrong key is refused', async () => {
    const res = await post({ seats: 2, bots: [{ strategy: 'balanced', difficulty: 'normal' }], planningSeconds: 0, classroom: true, seed: 'class' });
    const { matchId, facilitatorKey } = (await res.json()) as { matchId: string; facilitatorKey: string };
    await expect(GameClient.join(live.server.port, matchId, { facilitatorKey: 'wrong' })).rejects.toThrow(/INVALID_FACILITATOR_KEY/);
    const teacher = await GameClient.join(live.server.port, matchId, { facilitatorKey });
    expect(teacher.role).toBe('facilitator');
    const student = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    await teacher.until(() => teacher.state.players[0]?.name === 'Ada');
    // A classroom match waits for its facilitator, and students cannot run it.
    expect(teacher.state.status).toBe('lobby');
    expect(await student.command({ type: 'PauseMatch', data: {} })).toMatchObject({ ok: false });
    expect(await teacher.command({ type: 'StartMatch', data: {} })).toMatchObject({ ok: true });
    await teacher.until(() => teacher.state.status === 'planning');
    expect(await teacher.command({ type: 'PauseMatch', data: {} })).toMatchObject({ ok: true });
    await student.until(() => student.state.paused === true);
    expect(await student.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: {} } })).toMatchObject({ ok: false, code: 'MATCH_PAUSED' });
    expect(await teacher.command({ type: 'ResumeMatch', data: {} })).toMatchObject({ ok: true });
    expect(await teacher.command({ type: 'SetPlanningTimer', data: { seconds: 300 } })).toMatchObject({ ok: true });
    await student.until(() => student.state.planningSeconds === 300 && student.state.deadline > Date.now());
    expect(await teacher.command({ type: 'InjectShock', data: { cardId: 'foundry-fire' } })).toMatchObject({ ok: true });
    expect(await teacher.command({ type: 'EndPlanning', data: { quarter: 1 } })).toMatchObject({ ok: true });
    await student.until(() => student.state.quarter === 2);
    expect(student.state.news.at(-1)).toContain('Fire at a chip foundry');
    // Two seats: half the four-seat supply of 20,000 chips, less 30%.
    expect(student.state.report.foundry?.supply).toBe(7_000);
    expect(await teacher.command({ type: 'ReplaceSeat', data: { seat: 0, bot: { strategy: 'robots', difficulty: 'easy' } } })).toMatchObject({ ok: true });
    await student.until(() => student.state.players[0].kind === 'bot');
    await teacher.leave();
    await student.leave();
  });

  it('a dropped link keeps the seat for the grace window and the SDK reconnects into it', async () => {
    const { matchId } = (await (await post({ seats: 2, bots: [], planningSeconds: 600, seed: 'drop' })).json()) as { matchId: string };
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    await ada.until(() => ada.state.status === 'planning');
    // The SDK skips reconnecting rooms younger than minUptime (5 s by default).
    ada.room.reconnection.minUptime = 0;
    let reconnected = false;
    ada.room.onReconnect(() => (reconnected = true));
    // Cut the socket as a network would (not a goodbye).
    ada.room.connection.close(4010, 'network lost');
    await bo.until(() => bo.state.players[0].connected === false);
    expect(bo.state.players[0].autopilot).toBe(false);
    await ada.until(() => reconnected, 15_000);
    await bo.until(() => bo.state.players[0].connected === true);
    expect(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { aiTraining: 5 } } })).toMatchObject({ ok: true });
    expect(bo.state.players[0].autopilot).toBe(false);
    await ada.leave();
    await bo.leave();
  });
});
