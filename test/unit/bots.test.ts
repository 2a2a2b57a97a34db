import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { botOrders } from '../../shared/bots/botTurn';
import { racingWeights, STRATEGY_PLANS } from '../../shared/bots/strategies';
import { BOT_DIFFICULTIES, BOT_STRATEGIES, type BotSpec } from '../../shared/domain/ids';
import type { GameState } from '../../shared/domain/state';
import { runBotMatch } from '../../shared/sim/runBotMatch';
import { viewFor } from '../../shared/views/viewFor';
import { endPlanning, newTestMatch, submit } from '../support/newTestMatch';

const specArb = fc.record({ strategy: fc.constantFrom(...BOT_STRATEGIES), difficulty: fc.constantFrom(...BOT_DIFFICULTIES) });

describe('bots', () => {
  it('every strategy at every difficulty sends only legal orders (zero refusals over whole matches)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), fc.array(specArb, { minLength: 1, maxLength: 8 }), (seed, bots) => {
        const result = runBotMatch({ seed: `legal-${seed}`, bots });
        expect(result.rejections).toEqual([]);
        expect(result.ranking).toHaveLength(bots.length);
      }),
      { numRuns: 25, seed: 41 },
    );
  });

  it('plays every strategy against every other without refusals', () => {
    const bots: BotSpec[] = BOT_STRATEGIES.map((strategy, i) => ({ strategy, difficulty: BOT_DIFFICULTIES[i % 3]! }));
    expect(runBotMatch({ seed: 'all-strategies', bots }).rejections).toEqual([]);
  });

  it('are deterministic: the same seed gives the same match, another seed another', () => {
    const bots: BotSpec[] = [
      { strategy: 'robotaxi', difficulty: 'hard' },
      { strategy: 'satellites', difficulty: 'easy' },
      { strategy: 'random', difficulty: 'normal' },
    ];
    const a = runBotMatch({ seed: 'det', bots });
    expect(runBotMatch({ seed: 'det', bots }).stateHash).toBe(a.stateHash);
    expect(runBotMatch({ seed: 'det-2', bots }).stateHash).not.toBe(a.stateHash);
  });

  it('read only what their seat may see: rivals’ hidden orders do not change a bot’s sheet', () => {
    const m = newTestMatch({ players: 3, seed: 'peek' });
    endPlanning(m);
    submit(m, 1, { aiTraining: 10, spectrumBids: {} });
    const withSecret = m.state;
    const other = structuredClone(withSecret) as GameState;
    other.players[1]!.orders = { aiTraining: 4000, chipRnD: 3000 };
    other.players[2]!.orders = { buyCars: 99 };
    for (const strategy of BOT_STRATEGIES) {
      const spec: BotSpec = { strategy, difficulty: 'hard' };
      const seat0 = (s: GameState) => botOrders(viewFor(s, { role: 'player', seat: 0 }), spec, 'peek');
      expect(seat0(other)).toEqual(seat0(withSecret));
    }
  });

  it('a robots bot builds its supply chain and a satellites bot bids for spectrum in quarter 1', () => {
    const m = newTestMatch({ players: 2, seed: 'plans' });
    const view = viewFor(m.state, { role: 'player', seat: 0 });
    const robots = botOrders(view, { strategy: 'robots', difficulty: 'hard' }, 'plans');
    const r = m.state.scenario.robots;
    expect(robots.buildRobotLines).toBeGreaterThanOrEqual(1);
    // Every line is started with the plants that can feed it (80 actuators per robot).
    expect(robots.buildActuatorPlants! * r.plantCapacityPerQuarter).toBeGreaterThanOrEqual(robots.buildRobotLines! * r.lineCapacityPerQuarter * 80);
    expect(robots.robotRnD).toBeGreaterThan(0);
    const satellites = botOrders(view, { strategy: 'satellites', difficulty: 'hard' }, 'plans');
    expect(Object.keys(satellites.spectrumBids ?? {}).length).toBeGreaterThan(0);
    expect(satellites.launches).toBeGreaterThan(0);
  });
});

describe('racing weights: a lead line, then a second', () => {
  const none = () => false;
  const flat = () => 0;
  it('a lead strategy plays its first shares, then its second once the lead is closing; a one-loop match is a sprint', () => {
    const plan = STRATEGY_PLANS.robotaxi;
    expect(racingWeights(plan, none, flat, 0, 2)).toEqual(plan.first);
    expect(racingWeights(plan, (l) => l === 'robotaxi', flat, 0, 2)).toEqual(plan.then);
    // One loop wins: the second line's share goes to the lead from the start.
    expect(racingWeights(plan, none, flat, 0, 1)).toMatchObject({ shared: 0.25, robotaxi: 0.75, robots: 0, satellites: 0 });
  });

  it('balanced keeps a third of a finished line’s share and gives the rest to the racing line nearest its milestone', () => {
    const plan = STRATEGY_PLANS.balanced;
    const w = racingWeights(plan, (l) => l === 'robotaxi', (l) => (l === 'satellites' ? 0.8 : 0.5), 0, 2);
    expect(w.robotaxi).toBeCloseTo(plan.first.robotaxi / 3, 12);
    expect(w.robots).toBe(plan.first.robots);
    expect(w.satellites).toBeCloseTo(plan.first.satellites + (plan.first.robotaxi * 2) / 3, 12);
    expect(w.shared + w.robotaxi + w.robots + w.satellites).toBeCloseTo(1, 12);
  });

  it('vertical moves its money from the shared layer to its lines once its chips are taped out', () => {
    const plan = STRATEGY_PLANS.vertical;
    expect(racingWeights(plan, none, flat, 7999, 2)).toEqual(plan.first);
    expect(racingWeights(plan, none, flat, 8000, 2)).toEqual(plan.taped);
  });

  it('in a three-loop match, a lead strategy whose two lines are closed turns to the third', () => {
    const plan = STRATEGY_PLANS.robots;
    const w = racingWeights(plan, (l) => l !== 'satellites', flat, 0, 3);
    expect(w.satellites).toBeCloseTo((plan.then.robotaxi * 2) / 3, 12);
    expect(w.robots).toBe(plan.then.robots);
  });
});
