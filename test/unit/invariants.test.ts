import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../shared/domain/errors';
import type { Orders } from '../../shared/domain/orders';
import type { GameState } from '../../shared/domain/state';
import { verifyLog } from '../../shared/replay/envelope';
import { fold, stateHash } from '../../shared/replay/fold';
import { permitCap } from '../../shared/rules/ordersRules';
import { LINES } from '../../shared/scenario/types';
import type { LocalMatch } from '../../shared/sim/LocalMatch';
import { viewFor } from '../../shared/views/viewFor';
import { ordersArb } from '../support/arbitraries';
import { cashIdentityHolds } from '../support/invariants';
import { asPlayer, endPlanning, newTestMatch } from '../support/newTestMatch';
import { SCRIPTS, clean } from '../support/scriptedPlayers';

function checkInvariants(state: GameState, closedBefore: Map<string, number>): void {
  const sc = state.scenario;
  for (const p of state.players) {
    expect(cashIdentityHolds(p)).toBe(true);
    expect(p.cash).toBeGreaterThanOrEqual(0);
    for (const n of [p.chips, p.robotaxi.cars, p.robotaxi.carsOnOrder, p.robots.actuators, p.robots.inventory, p.robots.deployed, p.satellites.satellites])
      expect(n).toBeGreaterThanOrEqual(0);
    for (const line of LINES) {
      const key = `${p.seat}/${line}`;
      if (closedBefore.has(key)) expect(p.loops[line].closedQuarter).toBe(closedBefore.get(key));
      if (p.loops[line].closedQuarter !== null) closedBefore.set(key, p.loops[line].closedQuarter!);
    }
  }
  for (const license of sc.satellites.licenses) {
    const holders = state.players.filter((p) => p.satellites.licenses.includes(license.id)).map((p) => p.seat);
    expect(holders.length).toBeLessThanOrEqual(1);
    expect(state.licenses[license.id]!.holder).toBe(holders[0] ?? null);
  }
  for (const city of sc.robotaxi.cities) {
    expect(state.permits[city.id]!.length).toBeLessThanOrEqual(city.permitSlots);
    expect(new Set(state.permits[city.id]).size).toBe(state.permits[city.id]!.length);
  }
  for (const p of state.players) {
    // The caps: permits held, and licenses won in one quarter (no seat can bid for more).
    expect(p.robotaxi.permits.length).toBeLessThanOrEqual(permitCap(sc, state.players.length));
    const key = `licenses/${p.seat}`;
    expect(p.satellites.licenses.length - (closedBefore.get(key) ?? 0)).toBeLessThanOrEqual(sc.satellites.maxBidsPerQuarter!);
    closedBefore.set(key, p.satellites.licenses.length);
  }
  // The foundry never sells below its reserve nor above its list price.
  const price = state.foundry?.clearingPriceUsd;
  if (price !== null && price !== undefined) {
    expect(price).toBeGreaterThanOrEqual(sc.foundry.reserveUsd);
    expect(price).toBeLessThanOrEqual(sc.foundry.ceilingUsd!);
  }
}

/** Every seat submits a generated sheet each quarter (refusals are part of the game); the clock ends planning. */
function playRandom(seed: string, sheets: Orders[][]): LocalMatch {
  const m = newTestMatch({ players: 4, seed });
  const closed = new Map<string, number>();
  for (let q = 0; m.state.status === 'planning'; q++) {
    for (const p of m.state.players) {
      try {
        m.exec({ type: 'SubmitOrders', data: { seat: p.seat, quarter: m.state.quarter, orders: sheets[q % sheets.length]![p.seat]! } }, asPlayer(p.seat));
      } catch (e) {
        if (!(e instanceof RuleError)) throw e;
      }
      const other = viewFor(m.state, { role: 'player', seat: (p.seat + 1) % 4 });
      expect(JSON.stringify(other.players)).not.toContain('"orders"');
      expect(other.me!.orders).toEqual(m.state.players[(p.seat + 1) % 4]!.orders);
    }
    endPlanning(m);
    checkInvariants(m.state, closed);
  }
  return m;
}

const sheetsArb = fc.array(fc.array(ordersArb, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 });

describe('invariants over random full matches', () => {
  it('cash identity, no negative stock, one holder per license, permits within slots and the cap, at most the bid cap of licenses won a quarter, the foundry price within reserve and list price, loops never reopen', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), sheetsArb, (seed, sheets) => {
        const m = playRandom(`inv-${seed}`, sheets);
        expect(m.state.status).toBe('ended');
        expect(verifyLog(m.log).ok).toBe(true);
        expect(stateHash(fold(m.log))).toBe(stateHash(m.state));
      }),
      { numRuns: 12, seed: 31 },
    );
  });

  it('the same seed and sheets replay to the same log', () => {
    fc.assert(
      fc.property(sheetsArb, (sheets) => {
        const a = playRandom('same', sheets);
        const b = playRandom('same', structuredClone(sheets));
        expect(b.log[b.log.length - 1]!.hash).toBe(a.log[a.log.length - 1]!.hash);
      }),
      { numRuns: 4, seed: 32 },
    );
  });
});

describe('a whole match', () => {
  it('4 scripted seats play 20 quarters to a winner', () => {
    const m = newTestMatch({ players: 4, seed: 'whole-match' });
    const closed = new Map<string, number>();
    while (m.state.status === 'planning') {
      for (const p of m.state.players)
        m.exec({ type: 'SubmitOrders', data: { seat: p.seat, quarter: m.state.quarter, orders: clean(SCRIPTS[p.seat]!(m.state, p)) } }, asPlayer(p.seat));
      endPlanning(m);
      checkInvariants(m.state, closed);
    }
    const result = m.state.result!;
    expect(result.ranking).toHaveLength(4);
    expect(new Set(result.ranking).size).toBe(4);
    expect(result.ranking[0]).toBe(result.winner);
    expect(m.log.slice(-2).map((e) => e.type)).toEqual(['MatchEnded', 'QuarterResolved']);
    // Every line of the scripted players earned money at some point.
    const revenueByLine = new Set(m.log.filter((e) => e.type === 'LineCashFlowsReported').flatMap((e) => LINES.filter((l) => (e.data as { lines: Record<string, { revenue: number }> }).lines[l]!.revenue > 0)));
    expect([...revenueByLine].sort()).toEqual(['robotaxi', 'robots', 'satellites']);
    expect(closed.size).toBeGreaterThan(0);
  });
});
