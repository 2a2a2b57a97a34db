import { describe, expect, it } from 'vitest';
import { MAX_MESSAGES_PER_SECOND, MAX_STRIKES } from '../../server/rooms/wire';
import { GameClient } from '../support/gameClient';
import { useTestServer } from '../support/testServer';

// Regressions found by the fuzz test (test/integration/fuzz.test.ts), one focused case each.

const live = useTestServer('hostile-');


async function newMatch(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${live.server.port}/api/matches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seats: 2, bots: [], planningSeconds: 0, seed: 'hostile' }),
  });
  return ((await res.json()) as { matchId: string }).matchId;
}

async function spectator(): Promise<GameClient> {
  return GameClient.join(live.server.port, await newMatch(), { spectate: true });
}

describe('hostile input regressions', () => {
  it('counts unknown message types against the rate limit and drops a client that floods with them', async () => {
    const c = await spectator();
    const closed = new Promise<number>((resolve) => c.room.onLeave((code: number) => resolve(code)));
    for (let n = 0; n < 200; n++) c.raw(`nope-${n}`, {});
    expect(await closed).toBe(4008);
    const codes = c.unmatched.map((r) => (r.ok ? 'ack' : r.code));
    expect(codes.slice(0, MAX_MESSAGES_PER_SECOND)).toEqual(Array(MAX_MESSAGES_PER_SECOND).fill('UNKNOWN_MESSAGE'));
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBe(MAX_STRIKES + 1);
  });

  it('a seat dropped for flooding waits before its token joins again, longer each time, and keeps its sheet meanwhile', async () => {
    const matchId = await newMatch();
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    await bo.until(() => bo.state.status === 'planning');
    expect(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 123 } } })).toMatchObject({ ok: true });
    const host = live.server.registry.loaded().find((h) => h.matchId === matchId)!;
    const flood = async (c: GameClient) => {
      const closed = new Promise<number>((resolve) => c.room.onLeave((code: number) => resolve(code)));
      for (let n = 0; n < 200; n++) c.raw(`nope-${n}`, {});
      return closed;
    };
    expect(await flood(ada)).toBe(4008);
    const token = ada.token!;
    await expect(GameClient.join(live.server.port, matchId, { token })).rejects.toThrow(/FLOOD_COOLDOWN: .* 2 s/);
    // No bot took the seat over: the sheet Ada left is still hers.
    expect(host.isAutopilot(0)).toBe(false);
    expect(host.current.players[0]!.orders).toEqual({ chipRnD: 123 });
    await new Promise((r) => setTimeout(r, 2_100));
    const back = await GameClient.join(live.server.port, matchId, { token });
    expect(back.seat).toBe(0);
    expect(await flood(back)).toBe(4008);
    await expect(GameClient.join(live.server.port, matchId, { token })).rejects.toThrow(/FLOOD_COOLDOWN: .* 4 s/);
    await bo.leave();
  });

  it('an unlock queued behind the last lock keeps planning open (the server does not end it on a stale premise)', async () => {
    const matchId = await newMatch();
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    await bo.until(() => bo.state.status === 'planning');
    expect(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: 1 } })).toMatchObject({ ok: true });
    // Sent back to back: the unlock is queued before the lock's follow-up (ending planning) runs.
    const [lock, unlock] = await Promise.all([
      bo.command({ type: 'LockOrders', data: { seat: 1, quarter: 1 } }),
      bo.command({ type: 'UnlockOrders', data: { seat: 1, quarter: 1 } }),
    ]);
    expect([lock, unlock]).toMatchObject([{ ok: true }, { ok: true }]);
    const events = await (await fetch(`http://127.0.0.1:${live.server.port}/api/matches/${matchId}/events`)).text();
    expect(events).not.toContain('"PlanningEnded"');
    expect(await bo.command({ type: 'SubmitOrders', data: { seat: 1, quarter: 1, orders: { chipRnD: 10 } } })).toMatchObject({ ok: true });
    await Promise.all([ada.leave(), bo.leave()]);
  });
});
