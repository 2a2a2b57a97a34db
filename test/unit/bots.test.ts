import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { botOrders } from '../../shared/bots/botTurn';
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
