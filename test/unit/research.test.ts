import { describe, expect, it } from 'vitest';
import { capabilityAfter } from '../../shared/rules/steps/research';
import { given } from '../support/given';
import { endPlanning, historyOf, newTestMatch, submit } from '../support/newTestMatch';

describe('shared technology layer', () => {
  it('AI capability follows A += (100 − A)(1 − e^(−training·μ·(1+D)/20,000))', () => {
    const m = newTestMatch({ players: 1 });
    submit(m, 0, { aiTraining: 2000 });
    given(historyOf(m))
      .when({ type: 'EndPlanning', data: { quarter: 1 } })
      .thenIncludes([
        {
          type: 'AiTrained',
          data: { seat: 0, amount: 2_000_000_000, multiplier: 1, dataBonus: 0, capabilityBefore: 30, capability: 36.66138073748283 },
        },
      ]);
    // 30 + 70·(1 − e^(−0.1)) = 36.6613807…
    expect(36.66138073748283).toBeCloseTo(30 + 70 * (1 - Math.exp(-0.1)), 12);
    expect(capabilityAfter(50, 10000, 1.6, 0.5, 20000)).toBeCloseTo(50 + 50 * (1 - Math.exp(-1.2)), 12);
    expect(capabilityAfter(42, 0, 2.2, 1, 20000)).toBe(42);
  });

  it('chip R&D tapes out AI5 at 2,500 cumulative, effective the next quarter', () => {
    const m = newTestMatch({ players: 1 });
    submit(m, 0, { chipRnD: 1500 });
    endPlanning(m);
    expect(m.state.players[0]!.tech.chipRnDTotalM).toBe(1500);
    submit(m, 0, { chipRnD: 1000, aiTraining: 1000 });
    const q2 = endPlanning(m);
    expect(q2.filter((e) => e.type === 'ChipTapedOut')).toEqual([
      { type: 'ChipTapedOut', data: { seat: 0, generation: 1, fromQuarter: 3 } },
    ]);
    // Still AI4 while the quarter of the tape-out resolves.
    expect(q2.find((e) => e.type === 'AiTrained')!.data).toMatchObject({ multiplier: 1 });
    expect(m.state.players[0]!.tech.chipGeneration).toBe(0);
    submit(m, 0, { aiTraining: 1000 });
    const q3 = endPlanning(m);
    expect(q3[0]!.type).toBe('PlanningEnded');
    expect(q3.filter((e) => e.type === 'ChipGenerationActivated')).toEqual([
      { type: 'ChipGenerationActivated', data: { seat: 0, generation: 1 } },
    ]);
    expect(q3.find((e) => e.type === 'AiTrained')!.data).toMatchObject({ multiplier: 1.6 });
    expect(m.state.players[0]!.tech.chipGeneration).toBe(1);
  });

  it('one huge budget tapes out straight to AI6', () => {
    const m = newTestMatch({ players: 1 });
    submit(m, 0, { chipRnD: 8000 });
    const events = endPlanning(m);
    expect(events.filter((e) => e.type === 'ChipTapedOut').map((e) => e.data)).toEqual([
      { seat: 0, generation: 2, fromQuarter: 2 },
    ]);
  });
});

describe('income, interest and emergency loans', () => {
  it('carries a sheet into the next quarter only while it is affordable', () => {
    const m = newTestMatch({ players: 1 });
    submit(m, 0, { chipRnD: 15000, ridePriceUsd: 14 });
    const q1 = endPlanning(m);
    expect(q1.filter((e) => e.type === 'EmergencyLoanTaken')).toEqual([]);
    expect(m.state.players[0]!.cash).toBe(2_500_000_000);
    // 15,000 is no longer on hand, so only the prices carry over.
    expect(m.state.players[0]!.orders).toEqual({ ridePriceUsd: 14 });
  });

  it('covers an overdraft at resolution with an emergency loan', () => {
    const m = newTestMatch({ players: 1 });
    // A sheet recorded earlier that now costs more than cash plus income (e.g. a standing sheet).
    const history = [
      ...historyOf(m),
      { type: 'OrdersSubmitted', data: { seat: 0, quarter: 1, orders: { aiTraining: 18_500 } } } as const,
    ];
    given(history)
      .when({ type: 'EndPlanning', data: { quarter: 1 } })
      .thenIncludes([{ type: 'EmergencyLoanTaken', data: { seat: 0, amount: 1_000_000_000 } }]);
  });

  it('charges 8% interest on the debt, then repays it from cash', () => {
    const m = newTestMatch({ players: 1 });
    const history = [...historyOf(m), { type: 'EmergencyLoanTaken', data: { seat: 0, amount: 20_000_000_000 } } as const];
    given(history)
      .when({ type: 'EndPlanning', data: { quarter: 1 } })
      .thenIncludes([
        { type: 'InterestCharged', data: { seat: 0, amount: 1_600_000_000 } },
        // 15,000 + 20,000 loan + 2,500 income − 1,600 interest = 35,900 on hand: all 20,000 repaid.
        { type: 'DebtRepaid', data: { seat: 0, amount: 20_000_000_000 } },
      ]);
  });
});
