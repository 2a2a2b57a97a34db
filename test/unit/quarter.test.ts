import { describe, expect, it } from 'vitest';
import type { PlayerState } from '../../shared/domain/state';
import { verifyLog } from '../../shared/replay/envelope';
import { fold, stateHash } from '../../shared/replay/fold';
import { decide, decideNext } from '../../shared/rules/decide';
import { evolveAll } from '../../shared/rules/evolve';
import { LINES } from '../../shared/scenario/types';
import { cashIdentityHolds } from '../support/invariants';
import { asPlayer, endPlanning, newTestMatch, submit } from '../support/newTestMatch';


describe('a quarter of a two-seat match, through commands only', () => {
  it('is created, played, locked, resolved, and its log verifies and replays', () => {
    const m = newTestMatch({ players: 2, seed: 'two-seat' });
    submit(m, 0, { chipRnD: 1000, aiTraining: 1500, foundryBid: { chips: 4_000, maxPriceUsd: 1000 } });
    submit(m, 1, { aiTraining: 2500, foundryBid: { chips: 10_000, maxPriceUsd: 900 } });
    m.exec({ type: 'LockOrders', data: { seat: 0, quarter: 1 } }, asPlayer(0));
    m.exec({ type: 'LockOrders', data: { seat: 1, quarter: 1 } }, asPlayer(1));
    expect(m.state.players.every((p) => p.locked)).toBe(true);

    const events = endPlanning(m);
    expect(events.map((e) => e.type)).toEqual([
      'PlanningEnded',
      'LegacyIncomePaid',
      'LegacyIncomePaid',
      'ChipResearchFunded',
      'AiTrained',
      'AutonomyImproved',
      'DexterityImproved',
      'AiTrained',
      'AutonomyImproved',
      'DexterityImproved',
      'FoundryAuctionCleared',
      // Quarter 1 puts four licenses up for auction; nobody bid, so each is re-offered later.
      'SpectrumAuctionCleared',
      'SpectrumAuctionCleared',
      'SpectrumAuctionCleared',
      'SpectrumAuctionCleared',
      'LineCashFlowsReported',
      'LineCashFlowsReported',
      'ValuationAssessed',
      'QuarterResolved',
      'PlanningOpened',
    ]);
    const [p0, p1] = m.state.players as [PlayerState, PlayerState];
    expect(m.state.quarter).toBe(2);
    expect(p0.locked || p1.locked).toBe(false);
    // Two seats share 10,000 chips; 14,000 were asked for, so seat 1's $900 is the lowest filled
    // bid and both pay it. 15,000 + 2,500 − 1,000 − 1,500 − 4,000 chips × $900 = 14,996.4 $M.
    expect(p0.cash).toBe(14_996_400_000);
    expect(p0.chips).toBe(4_000);
    expect(p1.chips).toBe(6_000);
    expect(p1.cash).toBe(15_000_000_000 + 2_500_000_000 - 2_500_000_000 - 5_400_000);
    expect(p0.flows.spend.shared).toBe(2_503_600_000);
    expect(m.state.players.every(cashIdentityHolds)).toBe(true);
    // No revenue yet: cash plus 0.7 × the chips at the foundry reserve.
    expect(p0.valuation).toBe(p0.cash + 0.7 * 4_000 * 800);

    expect(verifyLog(m.log)).toEqual({ ok: true, count: m.log.length });
    expect(stateHash(fold(m.log))).toBe(stateHash(m.state));
  });

  it('keeps the cash identity every quarter of a whole match', () => {
    const m = newTestMatch({ players: 3, seed: 'identity' });
    for (let q = 1; q <= 20; q++) {
      m.state.players.forEach((p) => {
        if (p.cash >= 3_000_000_000) submit(m, p.seat, { chipRnD: 300 * (p.seat + 1), aiTraining: 500, foundryBid: { chips: 25_000, maxPriceUsd: 900 + q } });
      });
      endPlanning(m);
      for (const p of m.state.players) {
        expect(cashIdentityHolds(p)).toBe(true);
        for (const line of LINES) expect(p.flows.revenue[line]).toBeGreaterThanOrEqual(0);
      }
    }
    expect(m.state.status).toBe('ended');
    expect(m.state.result!.reason).toBe('valuation');
  });
});

describe('decideNext: the host applies a resolved quarter once', () => {
  it('returns the resolution’s own working state, equal to folding its events onto the state before, and leaves that state untouched', () => {
    const m = newTestMatch({ players: 2, seed: 'apply-once' });
    submit(m, 0, { chipRnD: 900, foundryBid: { chips: 30_000, maxPriceUsd: 800 } });
    submit(m, 1, { aiTraining: 2000 });
    const before = m.state;
    const hashBefore = stateHash(before);
    const { events, next } = decideNext(before, { type: 'EndPlanning', data: { quarter: 1 } }, { actor: { role: 'system' } });
    expect(events.map((e) => e.type)).toContain('QuarterResolved');
    expect(events).toEqual(decide(before, { type: 'EndPlanning', data: { quarter: 1 } }, { actor: { role: 'system' } }));
    expect(stateHash(next)).toBe(stateHash(evolveAll(before, events)));
    expect(next.quarter).toBe(2);
    expect(stateHash(before)).toBe(hashBefore);
    // Any other command is decided and then applied as before.
    const locked = decideNext(next, { type: 'LockOrders', data: { seat: 0, quarter: 2 } }, { actor: { role: 'player', seat: 0 } });
    expect(locked.events).toEqual([{ type: 'OrdersLocked', data: { seat: 0, quarter: 2 } }]);
    expect(locked.next.players[0]!.locked).toBe(true);
    expect(next.players[0]!.locked).toBe(false);
    expect(() => decideNext(next, { type: 'EndPlanning', data: { quarter: 1 } }, { actor: { role: 'system' } })).toThrow(/quarter/i);
  });
});
