import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLogger, NO_LIMITS } from '../../server/config';
import { startServer, type RunningServer } from '../../server/index';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { GameClient } from '../support/gameClient';
import { useTestServer } from '../support/testServer';

const live = useTestServer('classroom-');
const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${live.server.port}${path}`, init);
const postJson = (path: string, body: unknown) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const ndjson = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as EventEnvelope);


async function classroom(body: Record<string, unknown>) {
  const res = await postJson('/api/matches', { seats: 2, classroom: true, planningSeconds: 0, quarters: 4, ...body });
  expect(res.status).toBe(201);
  return (await res.json()) as { matchId: string; joinCode: string; facilitatorKey: string };
}

describe('staged reveal', () => {
  it('withholds a resolved quarter from students (room and API) until the facilitator releases it', async () => {
    const { matchId, facilitatorKey } = await classroom({ seed: 'staged', stagedReveal: true });
    const teacher = await GameClient.join(live.server.port, matchId, { facilitatorKey });
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    expect(await teacher.command({ type: 'StartMatch', data: {} })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.quarter === 1 && ada.state.status === 'planning');
    expect(ada.state.stagedReveal).toBe(true);
    const valuationBefore = ada.state.players[0].valuation;
    expect(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: 1 } })).toMatchObject({ ok: true });
    expect(await bo.command({ type: 'LockOrders', data: { seat: 1, quarter: 1 } })).toMatchObject({ ok: true });
    // Quarter 1 resolves, but students still see quarter 1 without its results.
    await teacher.until(() => teacher.state.resultsHeld === 1);
    await ada.until(() => ada.state.resultsHeld === 1);
    expect(ada.state.quarter).toBe(1);
    expect(ada.state.report.quarter).toBe(0);
    expect(ada.state.players[0].own?.report).toBeUndefined();
    expect(ada.state.players[0].valuation).toBe(valuationBefore);
    expect(bo.state.quarter).toBe(1);
    // Nor can the API be used to peek: the events, the export and the summary stop before it.
    const studentLog = ndjson(await (await api(`/api/matches/${matchId}/events`)).text());
    expect(studentLog.some((e) => e.type === 'QuarterResolved')).toBe(false);
    expect((await (await api(`/api/matches/${matchId}/export?format=csv`)).text()).trim().split('\n')).toHaveLength(1);
    expect((await (await api(`/api/matches/${matchId}`)).json()).quarter).toBe(1);
    const teacherLog = ndjson(await (await api(`/api/matches/${matchId}/events`, { headers: { 'x-facilitator-key': facilitatorKey } })).text());
    expect(teacherLog.filter((e) => e.type === 'QuarterResolved')).toHaveLength(1);
    expect(ndjson(await (await api(`/api/matches/${matchId}/events`, { headers: { 'x-facilitator-key': 'wrong' } })).text())).toEqual(studentLog);
    // Planning waits; students cannot release it themselves.
    expect(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 2, orders: {} } })).toMatchObject({ ok: false, code: 'RESULTS_HELD' });
    expect(await ada.command({ type: 'RevealResults', data: { quarter: 1 } })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    // The facilitator's pause still reaches everyone while results are held.
    expect(await teacher.command({ type: 'PauseMatch', data: {} })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.paused === true);
    expect(await teacher.command({ type: 'ResumeMatch', data: {} })).toMatchObject({ ok: true });
    expect(await teacher.command({ type: 'RevealResults', data: { quarter: 1 } })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.quarter === 2 && ada.state.report.quarter > 0);
    expect(ada.state.resultsHeld).toBe(0);
    expect(ada.state.report.quarter).toBe(1);
    expect(ada.state.players[0].own?.report?.toJSON()).toMatchObject({ quarter: 1, seat: 0 });
    expect(ndjson(await (await api(`/api/matches/${matchId}/events`)).text()).some((e) => e.type === 'ResultsRevealed')).toBe(true);
    expect(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: 2 } })).toMatchObject({ ok: true });
    await Promise.all([teacher.leave(), ada.leave(), bo.leave()]);
  });
});

describe('staged reveal of the last quarter', () => {
  it('keeps the match live until the facilitator releases the final results', async () => {
    const { matchId, facilitatorKey } = await classroom({ seats: 1, quarters: 1, seed: 'final', stagedReveal: true });
    const teacher = await GameClient.join(live.server.port, matchId, { facilitatorKey });
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    expect(await teacher.command({ type: 'StartMatch', data: {} })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.status === 'planning');
    expect(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: 1 } })).toMatchObject({ ok: true });
    await teacher.until(() => teacher.state.resultsHeld === 1);
    // The match has ended in the engine, but not for the students, the store or the API.
    expect(ada.state.status).toBe('planning');
    expect(ada.state.winner).toBeUndefined();
    expect((await (await api(`/api/matches/${matchId}`)).json()).status).toBe('live');
    expect(await teacher.command({ type: 'RevealResults', data: { quarter: 1 } })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.status === 'ended' && ada.state.winner === 0);
    expect((await (await api(`/api/matches/${matchId}`)).json()).status).toBe('finished');
    await Promise.all([teacher.leave(), ada.leave()]);
  });
});

describe('facilitator controls', () => {
  it('refuses every control from a student, and moving students from anyone but the facilitator', async () => {
    const { matchId, facilitatorKey } = await classroom({ seed: 'refuse' });
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const controls = [
      { type: 'StartMatch', data: {} },
      { type: 'SetStagedReveal', data: { on: true } },
      { type: 'SetPlanningTimer', data: { seconds: 30 } },
      { type: 'ReplaceSeat', data: { seat: 1, bot: { strategy: 'balanced', difficulty: 'easy' } } },
    ];
    for (const c of controls) expect(await ada.command(c)).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    const teacher = await GameClient.join(live.server.port, matchId, { facilitatorKey });
    expect(await teacher.command({ type: 'StartMatch', data: {} })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.status === 'planning');
    for (const c of [
      { type: 'PauseMatch', data: {} },
      { type: 'EndPlanning', data: { quarter: 1 } },
      { type: 'InjectShock', data: { cardId: 'foundry-fire' } },
    ])
      expect(await ada.command(c)).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    ada.raw('moveMember', { id: 'm1', memberId: ada.room.sessionId, seat: 0 });
    await ada.until(() => ada.unmatched.length > 0);
    expect(ada.unmatched[0]).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(ada.state.status).toBe('planning');
    await Promise.all([teacher.leave(), ada.leave()]);
  });
});

describe('teams', () => {
  it('students beyond the seats join teams; members share the sheet; the facilitator moves them', async () => {
    const { matchId, facilitatorKey } = await classroom({ seed: 'teams' });
    const teacher = await GameClient.join(live.server.port, matchId, { facilitatorKey });
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    // Both seats are taken: the next students join the team with the fewest members.
    const cy = await GameClient.join(live.server.port, matchId, { name: 'Cy' });
    const di = await GameClient.join(live.server.port, matchId, { name: 'Di' });
    expect([ada.seat, bo.seat, cy.seat, di.seat]).toEqual([0, 1, 0, 1]);
    // Each student holds a credential of their own; the team shares the seat, not the token.
    expect(new Set([ada.token, bo.token, cy.token, di.token]).size).toBe(4);
    await expect(GameClient.join(live.server.port, matchId, { name: 'Ed', team: 5 })).rejects.toThrow(/NOT_A_TEAM/);
    // A friends' match has no teams: nobody can join another player's seat by asking.
    const friends = (await (await postJson('/api/matches', { seats: 2, planningSeconds: 0, seed: 'friends' })).json()) as { matchId: string };
    await GameClient.join(live.server.port, friends.matchId, { name: 'Host' }).then((c) => c.leave());
    await expect(GameClient.join(live.server.port, friends.matchId, { name: 'Sneaky', team: 0 })).rejects.toThrow(/NOT_A_TEAM/);
    await teacher.until(() => teacher.state.members.length === 4);
    expect(teacher.state.members.map((m) => `${m.seat}:${m.name}`)).toEqual(['0:Ada', '0:Cy', '1:Bo', '1:Di']);
    expect(await teacher.command({ type: 'StartMatch', data: {} })).toMatchObject({ ok: true });
    await cy.until(() => cy.state.status === 'planning');
    // Any member edits the team's orders; the last submit wins and every member sees it.
    expect(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 100 } } })).toMatchObject({ ok: true });
    expect(await cy.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 250 } } })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.players[0]?.own?.orders?.chipRnD === 250);
    expect(cy.state.players[0]?.own?.orders?.chipRnD).toBe(250);
    // Another team's sheet stays private.
    expect(bo.state.players[0]?.own?.orders).toBeUndefined();
    // The facilitator moves Cy into seat 1's team: Cy now plays seat 1 and sees its sheet, not seat 0's.
    const moved = new Promise<void>((resolve) => teacher.room.onMessage('ack', (m: { id: string }) => m.id === 'mv' && resolve()));
    teacher.raw('moveMember', { id: 'mv', memberId: cy.room.sessionId, seat: 1 });
    await moved;
    await cy.until(() => cy.seat === 1);
    expect(cy.token).not.toBe(bo.token);
    expect(await cy.command({ type: 'SubmitOrders', data: { seat: 1, quarter: 1, orders: { aiTraining: 300 } } })).toMatchObject({ ok: true });
    expect(await cy.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: {} } })).toMatchObject({ ok: false, code: 'SEAT_NOT_YOURS' });
    await bo.until(() => bo.state.players[1]?.own?.orders?.aiTraining === 300);
    await teacher.until(() => teacher.state.members.filter((m) => m.seat === 1).length === 3);
    // Handing Ada's seat to a bot retires its team: Ada now watches, and her token only watches too.
    expect(await teacher.command({ type: 'ReplaceSeat', data: { seat: 0, bot: { strategy: 'balanced', difficulty: 'easy' } } })).toMatchObject({ ok: true });
    await ada.until(() => ada.role === 'spectator');
    expect(ada.seat).toBeNull();
    expect(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: {} } })).toMatchObject({ ok: false, code: 'READ_ONLY' });
    const adaAgain = await GameClient.join(live.server.port, matchId, { token: ada.token!, name: 'Ada' });
    expect(adaAgain.role).toBe('spectator');
    await adaAgain.leave();
    // Moving a student onto a bot's seat is refused.
    teacher.raw('moveMember', { id: 'bad', memberId: di.room.sessionId, seat: 0 });
    await teacher.until(() => teacher.unmatched.some((r) => !r.ok && r.code === 'NOT_A_TEAM'));
    // A member's token brings them back into the same team.
    await di.leave();
    const back = await GameClient.join(live.server.port, matchId, { token: di.token!, name: 'Di' });
    expect(back.seat).toBe(1);
    await Promise.all([teacher.leave(), ada.leave(), bo.leave(), cy.leave(), back.leave()]);
  });
});

describe('a class belongs to its class', () => {
  it('the facilitator closes joining (tokens still work), revokes one student’s credential, and a moved student’s old token goes with the move', async () => {
    const { matchId, facilitatorKey } = await classroom({ seed: 'door' });
    const port = live.server.port;
    const teacher = await GameClient.join(port, matchId, { facilitatorKey });
    const ada = await GameClient.join(port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(port, matchId, { name: 'Bo' });
    const cy = await GameClient.join(port, matchId, { name: 'Cy' });
    expect(await teacher.command({ type: 'SetJoining', data: { open: false } })).toMatchObject({ ok: true });
    await teacher.until(() => teacher.state.joiningClosed === true);
    await expect(GameClient.join(port, matchId, { name: 'Stranger' })).rejects.toThrow(/JOINING_CLOSED/);
    await expect(GameClient.join(port, matchId, { name: 'Stranger', team: 0 })).rejects.toThrow(/JOINING_CLOSED/);
    expect(await ada.command({ type: 'SetJoining', data: { open: true } })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    // Those already in come back with their own tokens; spectators may still watch.
    await ada.leave();
    const adaBack = await GameClient.join(port, matchId, { token: ada.token! });
    expect(adaBack.seat).toBe(0);
    const watcher = await GameClient.join(port, matchId, { spectate: true });
    expect(watcher.role).toBe('spectator');

    // Revoked: Cy is sent away, Cy's token no longer opens anything, Ada's (same seat) still does.
    const cyGone = new Promise<number>((resolve) => cy.room.onLeave((code: number) => resolve(code)));
    const revoked = new Promise<void>((resolve) => teacher.room.onMessage('ack', (m: { id: string }) => m.id === 'rv' && resolve()));
    adaBack.raw('revokeMember', { id: 'nope', memberId: bo.room.sessionId });
    await adaBack.until(() => adaBack.unmatched.some((r) => !r.ok && r.code === 'NOT_ALLOWED'));
    teacher.raw('revokeMember', { id: 'rv', memberId: cy.room.sessionId });
    await revoked;
    expect(await cyGone).toBe(4012);
    await expect(GameClient.join(port, matchId, { token: cy.token! })).rejects.toThrow(/INVALID_SEAT_TOKEN/);
    await adaBack.leave();
    expect((await GameClient.join(port, matchId, { token: ada.token! }).then(async (c) => [c.seat, await c.leave()]))[0]).toBe(0);

    // Reopened: a newcomer joins a team; moved to the other team, the token they had stops working.
    expect(await teacher.command({ type: 'SetJoining', data: { open: true } })).toMatchObject({ ok: true });
    const di = await GameClient.join(port, matchId, { name: 'Di' });
    const firstToken = di.token!;
    const moved = new Promise<void>((resolve) => teacher.room.onMessage('ack', (m: { id: string }) => m.id === 'mv' && resolve()));
    teacher.raw('moveMember', { id: 'mv', memberId: di.room.sessionId, seat: di.seat === 0 ? 1 : 0 });
    await moved;
    await di.until(() => di.token !== firstToken);
    await expect(GameClient.join(port, matchId, { token: firstToken })).rejects.toThrow(/INVALID_SEAT_TOKEN/);
    await Promise.all([teacher.leave(), bo.leave(), watcher.leave(), di.leave()]);
  });
});

describe('class sessions', () => {
  it('creates N classroom matches with one seed and one facilitator key, each with its own code', async () => {
    const res = await postJson('/api/sessions', { matches: 3, seats: 2, quarters: 4, seed: 'class-7b' });
    expect(res.status).toBe(201);
    const session = (await res.json()) as { facilitatorKey: string; seed: string; matches: Array<{ matchId: string; joinCode: string }> };
    expect(session.seed).toBe('class-7b');
    expect(session.matches).toHaveLength(3);
    expect(new Set(session.matches.map((m) => m.joinCode)).size).toBe(3);
    for (const m of session.matches) {
      // While live the seed is the facilitator's: their key reads it, the public does not.
      const log = ndjson(await (await api(`/api/matches/${m.matchId}/events`, { headers: { 'x-facilitator-key': session.facilitatorKey } })).text());
      expect(log[0]).toMatchObject({ type: 'MatchCreated', data: { seed: 'class-7b' } });
      expect(ndjson(await (await api(`/api/matches/${m.matchId}/events`)).text())[0]).toMatchObject({ data: { seed: { redacted: true } } });
      const teacher = await GameClient.join(live.server.port, m.matchId, { facilitatorKey: session.facilitatorKey });
      expect(teacher.role).toBe('facilitator');
      await teacher.leave();
    }
    const numeric = (await (await postJson('/api/sessions', { matches: 1, seats: 2, quarters: 4, seed: 7 })).json()) as { seed: string };
    expect(numeric.seed).toBe('7');
    const bad = await postJson('/api/sessions', { matches: 0, seats: 2 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('BAD_REQUEST');
  });
});

describe('after a restart', () => {
  it('a held quarter stays held, team tokens still hold their seat (also after a new member got a new one), and the release then reaches the students', async () => {
    const own = mkdtempSync(join(tmpdir(), 'classroom-restart-'));
    let first: RunningServer | null = await startServer({ port: 0, dataDir: own, logLevel: 'error', limits: NO_LIMITS }, jsonLogger('error', () => undefined));
    const created = (await (
      await fetch(`http://127.0.0.1:${first.port}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seats: 1, classroom: true, planningSeconds: 0, quarters: 4, seed: 'restart', stagedReveal: true }) })
    ).json()) as { matchId: string; facilitatorKey: string };
    const { matchId, facilitatorKey } = created;
    let teacher = await GameClient.join(first.port, matchId, { facilitatorKey });
    const ada = await GameClient.join(first.port, matchId, { name: 'Ada' });
    const cy = await GameClient.join(first.port, matchId, { name: 'Cy' });
    expect(cy.seat).toBe(0);
    expect(cy.token).not.toBe(ada.token);
    expect(await teacher.command({ type: 'StartMatch', data: {} })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.status === 'planning');
    expect(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: 1 } })).toMatchObject({ ok: true });
    await teacher.until(() => teacher.state.resultsHeld === 1);
    await Promise.all([teacher.leave(), ada.leave(), cy.leave()]);
    await first.close();
    first = null;

    const second = await startServer({ port: 0, dataDir: own, logLevel: 'error', limits: NO_LIMITS }, jsonLogger('error', () => undefined));
    try {
      const back = await GameClient.join(second.port, matchId, { token: cy.token!, name: 'Cy' });
      expect(back.seat).toBe(0);
      await back.until(() => back.state.resultsHeld === 1);
      expect(back.state.quarter).toBe(1);
      expect(back.state.report.quarter).toBe(0);
      teacher = await GameClient.join(second.port, matchId, { facilitatorKey });
      expect(await teacher.command({ type: 'RevealResults', data: { quarter: 1 } })).toMatchObject({ ok: true });
      await back.until(() => back.state.quarter === 2 && back.state.report.quarter > 0);
      expect(back.state.report.quarter).toBe(1);
      expect(back.state.members.toJSON()).toEqual([{ id: back.room.sessionId, name: 'Cy', seat: 0 }]);
      // A student joining the team now gets a new token (the server kept only the old one's hash)...
      const dee = await GameClient.join(second.port, matchId, { name: 'Dee' });
      expect(dee.seat).toBe(0);
      expect(dee.token).not.toBe(ada.token);
      // ...and Ada, away all along, still comes back into her team with the token she had.
      const adaBack = await GameClient.join(second.port, matchId, { token: ada.token!, name: 'Ada' });
      expect(adaBack.seat).toBe(0);
      await adaBack.until(() => adaBack.state.members.length === 3);
      expect(adaBack.state.members.map((m) => `${m.name}:${m.seat}`).sort()).toEqual(['Ada:0', 'Cy:0', 'Dee:0']);
      await Promise.all([teacher.leave(), back.leave(), dee.leave(), adaBack.leave()]);
    } finally {
      await second.close();
      rmSync(own, { recursive: true, force: true });
    }
  });
});

