import { Client, type Room } from '@colyseus/sdk';
import { describe, expect, it } from 'vitest';
import type { Orders } from '../../shared/domain/orders';
import { hashEvent, verifyLog, type EventEnvelope } from '../../shared/replay/envelope';
import { GameClient } from '../support/gameClient';
import { useTestServer } from '../support/testServer';

// Every door of a live match, walked as an opponent, a spectator and a stranger would: no value
// that shared/views/visibility hides may come out of any HTTP answer or decoded room state.

const live = useTestServer('doors-');
const base = () => `http://127.0.0.1:${live.server.port}`;

/** A sealed sheet of values found nowhere else in a match. */
const SHEET: Orders = {
  chipRnD: 1234.56,
  aiTraining: 987.65,
  fsdRnD: 321.09,
  foundryBid: { chips: 4321, maxPriceUsd: 1987 },
  robotPriceUsd: 54321,
  subscriptionPriceUsd: 19.87,
  spectrumBids: { 'europe-l': 3333.33 },
};
const SHEET_VALUES = [1234.56, 987.65, 321.09, 4321, 1987, 54321, 19.87, 3333.33, 1_234_560_000, 987_650_000, 321_090_000, 3_333_330_000];
/**
 * After the quarter resolves the volume sold is public; a lone foundry bidder who does not use up
 * the supply pays the reserve, so its maximum price stays sealed.
 */
const STILL_SEALED = SHEET_VALUES.filter((v) => v !== 4321);
const SHOCK = 'regulator-pause';
/** The seed tells every future draw (shocks, launches): it stays secret while live. */
const SEED = 'doors-1';

/** Every value in a JSON answer or room state, JSON inside strings included; the public scenario left out. */
function leaves(x: unknown, out: unknown[] = []): unknown[] {
  if (typeof x === 'string' && /^[[{]/.test(x)) {
    try {
      return leaves(JSON.parse(x), out);
    } catch {
      out.push(x);
      return out;
    }
  }
  if (Array.isArray(x)) for (const v of x) leaves(v, out);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) (k === 'scenario' || k === 'scenarioJson' ? undefined : leaves(v, out));
  else out.push(x);
  return out;
}

const csvLeaves = (csv: string) => csv.trim().split('\n').flatMap((l) => l.split(',')).map((c) => (c !== '' && Number.isFinite(Number(c)) ? Number(c) : c));
const ndjson = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

interface Seen {
  door: string;
  values: unknown[];
  text: string;
}

async function httpDoors(matchId: string, joinCode: string, who: string, headers: Record<string, string>): Promise<Seen[]> {
  const get = async (path: string) => {
    const res = await fetch(`${base()}${path}`, { headers });
    expect(res.status, `${who} ${path}`).toBe(200);
    return res.text();
  };
  const seen: Seen[] = [];
  for (const path of [`/api/matches/${matchId}`, `/api/matches/${joinCode}`, '/api/matches', '/api/matches?status=live', '/api/matches?status=waiting', `/api/matches/${matchId}/export?format=json`]) {
    const text = await get(path);
    seen.push({ door: `${who} GET ${path}`, values: leaves(JSON.parse(text)), text });
  }
  const events = await get(`/api/matches/${matchId}/events`);
  seen.push({ door: `${who} GET events`, values: ndjson(events).flatMap((e) => leaves(e)), text: events });
  const csv = await get(`/api/matches/${matchId}/export?format=csv`);
  seen.push({ door: `${who} GET csv`, values: csvLeaves(csv), text: csv });
  return seen;
}

const roomDoor = (door: string, room: Room): Seen => {
  const json = (room.state as { toJSON(): unknown }).toJSON();
  return { door, values: leaves(json), text: JSON.stringify(json) };
};

function expectHidden(seen: readonly Seen[], hidden: readonly unknown[]): void {
  for (const s of seen) {
    const leaked = hidden.filter((h) => s.values.includes(h));
    expect(leaked, `${s.door} shows ${JSON.stringify(leaked)}`).toEqual([]);
  }
}

const hexes = (seen: readonly Seen[]) => new Set(seen.flatMap((s) => s.text.match(/[0-9a-f]{64}/g) ?? []));

describe('hidden information at every door', () => {
  it('a live match shows no sheet, bid, book, queued shock, held quarter or delayed quarter to the public, another seat or a spectator; all of it once over', async () => {
    const created = (await (
      await fetch(`${base()}/api/matches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seats: 2, classroom: true, stagedReveal: true, spectatorDelay: 1, planningSeconds: 0, quarters: 3, seed: SEED }),
      })
    ).json()) as { matchId: string; joinCode: string; facilitatorKey: string };
    const { matchId, joinCode, facilitatorKey } = created;
    const host = () => live.server.registry.loaded().find((h) => h.matchId === matchId)!;
    const teacher = await GameClient.join(live.server.port, matchId, { facilitatorKey });
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    const watch = await new Client(`ws://127.0.0.1:${live.server.port}`).joinOrCreate('watch', { matchId });
    expect(await teacher.command({ type: 'StartMatch', data: {} })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.status === 'planning' && ada.state.quarter === 1);

    const walk = async () => {
      await new Promise((r) => setTimeout(r, 150));
      return [
        ...(await httpDoors(matchId, joinCode, 'stranger', {})),
        ...(await httpDoors(matchId, joinCode, 'Bo', { 'x-seat-token': bo.token! })),
        ...(await httpDoors(matchId, joinCode, 'forger', { 'x-seat-token': 'forged-token', 'x-facilitator-key': 'not-the-key' })),
        roomDoor('Bo room', bo.room),
        roomDoor('watch room', watch),
      ];
    };
    const books = (seats: number[]) => seats.flatMap((s) => [host().current.players[s]!.cash, host().current.players[s]!.debt]).filter((v) => v !== 0 && v !== 15_000_000_000);
    const valuations = () => host().current.players.map((p) => p.valuation);
    const liveHexes = new Set<string>();

    // Quarter 1, planning: Ada's sealed sheet is in, and the facilitator has queued a shock.
    expect(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: SHEET } })).toMatchObject({ ok: true });
    expect(await teacher.command({ type: 'InjectShock', data: { cardId: SHOCK, cityId: 'berlin' } })).toMatchObject({ ok: true });
    let seen = await walk();
    expectHidden(seen, [...SHEET_VALUES, SHOCK, SEED]);
    for (const h of hexes(seen)) liveHexes.add(h);
    // The policy opens what it should: Ada reads her own sheet, the facilitator the queued shock.
    const own = await (await fetch(`${base()}/api/matches/${matchId}/events`, { headers: { 'x-seat-token': ada.token! } })).text();
    expect(ndjson(own).find((e) => e.type === 'OrdersSubmitted')).toMatchObject({ data: { orders: SHEET } });
    const facilitators = await (await fetch(`${base()}/api/matches/${matchId}/events`, { headers: { 'x-facilitator-key': facilitatorKey } })).text();
    expect(ndjson(facilitators).find((e) => e.type === 'ShockInjected')).toMatchObject({ data: { cardId: SHOCK, cityId: 'berlin' } });
    // ...and Ada's sheet and the seed they chose, but not the generator, which tells every future draw.
    expect(ndjson(facilitators).find((e) => e.type === 'OrdersSubmitted')).toMatchObject({ data: { orders: SHEET } });
    expect(ndjson(facilitators)[0]).toMatchObject({ type: 'MatchCreated', data: { seed: SEED, rng: { redacted: true } } });
    expect(ndjson(facilitators).some((e) => 'hash' in e || 'prevHash' in e)).toBe(false);
    expect(((await (await fetch(`${base()}/api/matches`)).json()) as Array<{ matchId: string }>).map((m) => m.matchId)).not.toContain(matchId);

    // Quarter 1 resolved and held for the facilitator's reveal.
    for (const [p, seat] of [[ada, 0], [bo, 1]] as const) expect(await p.command({ type: 'LockOrders', data: { seat, quarter: 1 } })).toMatchObject({ ok: true });
    await teacher.until(() => teacher.state.resultsHeld === 1);
    const q1Valuations = valuations();
    seen = await walk();
    expectHidden(seen, [...STILL_SEALED, SHOCK, SEED, ...books([0, 1]), ...q1Valuations]);
    for (const h of hexes(seen)) liveHexes.add(h);

    // Released: the players see quarter 1; the public, one quarter behind, does not yet.
    expect(await teacher.command({ type: 'RevealResults', data: { quarter: 1 } })).toMatchObject({ ok: true });
    await bo.until(() => bo.state.quarter === 2 && bo.state.status === 'planning');
    const strangerSeen = await httpDoors(matchId, joinCode, 'stranger', {});
    expectHidden([...strangerSeen, roomDoor('watch room', watch)], [...STILL_SEALED, SHOCK, SEED, ...books([0, 1]), ...q1Valuations]);
    const boSeen = [...(await httpDoors(matchId, joinCode, 'Bo', { 'x-seat-token': bo.token! })), roomDoor('Bo room', bo.room)];
    expectHidden(boSeen, [...STILL_SEALED, SEED, ...books([0])]);
    expect(boSeen.find((s) => s.door === 'Bo room')!.values).toEqual(expect.arrayContaining(q1Valuations));
    const summary = JSON.parse(strangerSeen[0]!.text) as { quarter: number; stateHash?: string; joinCode: string };
    expect(summary).toMatchObject({ quarter: 1, joinCode: '' });
    expect(summary.stateHash).toBeUndefined();
    expect((summary as { viewHash?: string }).viewHash).toMatch(/^[0-9a-f]{64}$/);
    for (const h of hexes([...strangerSeen, ...boSeen])) liveHexes.add(h);

    // Quarter 2 resolved and released: now the public sees quarter 1, not quarter 2.
    for (const [p, seat] of [[ada, 0], [bo, 1]] as const) expect(await p.command({ type: 'LockOrders', data: { seat, quarter: 2 } })).toMatchObject({ ok: true });
    await teacher.until(() => teacher.state.resultsHeld === 2);
    const q2Valuations = valuations();
    expect(await teacher.command({ type: 'RevealResults', data: { quarter: 2 } })).toMatchObject({ ok: true });
    await bo.until(() => bo.state.quarter === 3 && bo.state.status === 'planning');
    const q3Books = books([0, 1]);
    seen = await walk();
    expectHidden(seen.filter((s) => !s.door.startsWith('Bo')), [...STILL_SEALED, SEED, ...q3Books, ...q2Valuations]);
    expect(seen.find((s) => s.door === 'stranger GET events')!.values).toEqual(expect.arrayContaining(q1Valuations));
    for (const h of hexes(seen)) liveHexes.add(h);

    // Brute force: knowing all of Ada's quarter-1 sheet but its spectrum bid, no candidate among
    // 100,000 reproduces any digest published while the match was live.
    const stored = await live.server.registry.store.read(matchId);
    const line = stored.find((e) => e.type === 'OrdersSubmitted' && e.data.seat === 0)!;
    const withBid = (bid: number): Omit<EventEnvelope, 'hash'> => ({ ...line, data: { ...(line.data as object), orders: { ...SHEET, spectrumBids: { 'europe-l': bid } } } as never });
    expect(hashEvent(withBid(3333.33))).toBe(line.hash);
    let found = 0;
    for (let c = 0; c < 100_000; c++) if (liveHexes.has(hashEvent(withBid(3000 + c / 100)))) found++;
    expect(found).toBe(0);
    expect(liveHexes.has(line.hash)).toBe(false);

    // Over: every book is open, and the whole chain is there to check.
    for (const [p, seat] of [[ada, 0], [bo, 1]] as const) expect(await p.command({ type: 'LockOrders', data: { seat, quarter: 3 } })).toMatchObject({ ok: true });
    await teacher.until(() => teacher.state.resultsHeld === 3);
    expect(await teacher.command({ type: 'RevealResults', data: { quarter: 3 } })).toMatchObject({ ok: true });
    await bo.until(() => bo.state.status === 'ended');
    const after = await httpDoors(matchId, joinCode, 'stranger', {});
    const events = after.find((s) => s.door === 'stranger GET events')!;
    expect(events.values).toEqual(expect.arrayContaining([1234.56, 3333.33, SHOCK, SEED]));
    const log = ndjson(events.text) as unknown as EventEnvelope[];
    expect(verifyLog(log)).toEqual({ ok: true, count: log.length });
    expect((JSON.parse(after[0]!.text) as { stateHash?: string }).stateHash).toMatch(/^[0-9a-f]{64}$/);
    for (const c of [teacher, ada, bo]) await c.leave();
    await watch.leave();
  }, 60_000);
});
