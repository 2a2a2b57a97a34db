import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../shared/domain/events';
import { LocalMatch } from '../../shared/sim/LocalMatch';
import { fact } from '../support/facts';
import { asPlayer, historyOf, newTestMatch } from '../support/newTestMatch';
import { loopStrength, splitShared } from '../../shared/rules/steps/loops';
import { valuationOf } from '../../shared/rules/valuation';

/**
 * A satellite operator with two licensed regions, a full constellation and phones already
 * adopting: the milestone holds from quarter 1 (coverage 0.7 ≥ 0.6 in 2 regions, P ≥ 0.25).
 */
function satelliteOperator(): LocalMatch {
  const history: GameEvent[] = [
    ...historyOf(newTestMatch({ players: 2, seed: 'loops' })),
    fact.license(0, 'north-america-s'),
    fact.license(0, 'europe-l'),
    fact.satellites(0, 420),
    fact.adoption(0, 0.3),
  ];
  return LocalMatch.fromEvents('loops', history);
}

function play(m: LocalMatch, orders: Record<string, number> = {}): GameEvent[] {
  m.exec({ type: 'SubmitOrders', data: { seat: 0, quarter: m.state.quarter, orders } }, asPlayer(0));
  return m.exec({ type: 'EndPlanning', data: { quarter: m.state.quarter } });
}

const progress = (events: GameEvent[]) =>
  events
    .filter((e) => (e.type === 'LoopProgressed' || e.type === 'LoopClosed') && e.data.seat === 0)
    .map((e) => [e.type, e.data]);

describe('closing the loop', () => {
  it('closes after exactly three consecutive qualifying quarters, and stays closed', () => {
    const m = satelliteOperator();
    expect(progress(play(m))).toEqual([['LoopProgressed', { quarter: 1, seat: 0, line: 'satellites', qualifying: true, streak: 1 }]]);
    expect(progress(play(m))).toEqual([['LoopProgressed', { quarter: 2, seat: 0, line: 'satellites', qualifying: true, streak: 2 }]]);
    expect(progress(play(m))).toEqual([
      ['LoopProgressed', { quarter: 3, seat: 0, line: 'satellites', qualifying: true, streak: 3 }],
      ['LoopClosed', { quarter: 3, seat: 0, line: 'satellites' }],
    ]);
    expect(m.state.players[0]!.loops.satellites.closedQuarter).toBe(3);
    // Overspending afterwards no longer matters: a closed loop never reopens.
    expect(progress(play(m, { phonePartnerships: 9000 }))).toEqual([]);
    expect(m.state.players[0]!.loops.satellites.closedQuarter).toBe(3);
  });

  it('a quarter that spends more than the line earns breaks the streak, which restarts', () => {
    const m = satelliteOperator();
    play(m);
    const broken = play(m, { phonePartnerships: 9000 });
    const flow = broken.find((e) => e.type === 'LineCashFlowsReported' && e.data.seat === 0)!.data as {
      lines: { satellites: { strength: number; milestone: boolean } };
    };
    expect(flow.lines.satellites.milestone).toBe(true);
    expect(flow.lines.satellites.strength).toBeLessThan(1);
    expect(progress(broken)).toEqual([['LoopProgressed', { quarter: 2, seat: 0, line: 'satellites', qualifying: false, streak: 0 }]]);
    expect(progress(play(m))[0]![1]).toMatchObject({ streak: 1 });
    expect(progress(play(m))[0]![1]).toMatchObject({ streak: 2 });
    expect(progress(play(m)).map((p) => p[0])).toEqual(['LoopProgressed', 'LoopClosed']);
    expect(m.state.players[0]!.loops.satellites.closedQuarter).toBe(5);
  });

  it('a closed loop is worth 12× annualised revenue instead of 4×', () => {
    const m = satelliteOperator();
    play(m);
    play(m);
    const q3 = play(m);
    const p = m.state.players[0]!;
    const revenue = p.flows.revenue.satellites;
    expect(revenue).toBeGreaterThan(0);
    const assessed = (q3.find((e) => e.type === 'ValuationAssessed')!.data as { valuations: number[] }).valuations[0]!;
    expect(assessed).toBe(valuationOf(p, m.state.scenario));
    const stillOpen = { ...p, loops: { ...p.loops, satellites: { ...p.loops.satellites, closedQuarter: null } } };
    expect(valuationOf(p, m.state.scenario) - valuationOf(stillOpen, m.state.scenario)).toBe(revenue * 4 * (12 - 4));
  });

  it('splits shared-layer spend by the chips each line used, half each when none', () => {
    const flows = (shared: number, robotaxi: number, robots: number) =>
      ({ flows: { spend: { shared }, chipsUsed: { robotaxi, robots } } }) as never;
    expect(splitShared(flows(1000, 300, 100))).toEqual({ robotaxi: 750, robots: 250, satellites: 0 });
    expect(splitShared(flows(1001, 0, 0))).toEqual({ robotaxi: 501, robots: 500, satellites: 0 });
    expect(loopStrength(150, 100)).toBe(1.5);
    expect(loopStrength(5, 0)).toBe(99);
    expect(loopStrength(0, 0)).toBe(0);
  });
});

describe('the milestone checklist players read', () => {
  it('lists each condition with what the player has and needs, the same rule the engine applies', async () => {
    const { milestoneChecks, milestones } = await import('../../shared/rules/lines/milestones');
    const { DEFAULT_SCENARIO: sc } = await import('../../shared/scenario/loadScenario');
    const m = newTestMatch({ players: 2, seed: 'checklist' });
    const p = m.state.players[0]!;
    const mid = {
      ...p,
      tech: { ...p.tech, autonomy: 91, dexterity: 79.5, phoneAdoption: 0.3 },
      robotaxi: { ...p.robotaxi, permits: ['austin', 'phoenix'] },
      robots: { ...p.robots, plants: 1, deployed: 5200 },
      flows: { ...p.flows, actuatorsMade: 400_000, actuatorsUsed: 400_000 },
    };
    const checks = milestoneChecks(mid, sc);
    expect(checks.robotaxi).toEqual([
      { key: 'autonomy', have: 91, need: 90, ok: true },
      { key: 'cities', have: 2, need: 2, ok: true },
    ]);
    expect(checks.robots).toEqual([
      { key: 'dexterity', have: 79.5, need: 80, ok: false },
      { key: 'actuatorSupply', have: 500_000, need: 400_000, ok: true },
      { key: 'deployed', have: 5200, need: 5000, ok: true },
    ]);
    expect(checks.satellites).toEqual([
      { key: 'regions', have: 0, need: 2, ok: false },
      { key: 'adoption', have: 0.3, need: 0.25, ok: true },
    ]);
    expect(milestones(mid, sc)).toEqual({ robotaxi: true, robots: false, satellites: false });
    // Without a plant of its own, robots' actuators are not its own supply.
    expect(milestoneChecks({ ...mid, robots: { ...mid.robots, plants: 0 } }, sc).robots[1]!.ok).toBe(false);
    // Robots built from the player's own stock count: the plant made nothing this quarter, but it
    // could have made them all.
    expect(milestoneChecks({ ...mid, flows: { ...mid.flows, actuatorsMade: 0 } }, sc).robots[1]!.ok).toBe(true);
    // More actuators used than one plant makes (500,000 a quarter): not covered.
    expect(milestoneChecks({ ...mid, flows: { ...mid.flows, actuatorsUsed: 600_000 } }, sc).robots[1]).toEqual({
      key: 'actuatorSupply',
      have: 500_000,
      need: 600_000,
      ok: false,
    });
  });
});
