import { describe, expect, it } from 'vitest';
import { RuleError } from '../../shared/domain/errors';
import { DEFAULT_SCENARIO } from '../../shared/scenario/loadScenario';
import { defaultScenario } from '../../shared/scenario/defaultScenario';
import { validateScenario } from '../../shared/scenario/validateScenario';
import { quarterLabel } from '../../shared/rules/calendar';
import { bidsPerQuarter, permitCap } from '../../shared/rules/ordersRules';
import { given } from '../support/given';

function expectInvalid(input: unknown): RuleError {
  try {
    validateScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleError);
    expect((e as RuleError).code).toBe('INVALID_SCENARIO');
    return e as RuleError;
  }
  throw new Error('the scenario was accepted');
}

describe('scenario as data', () => {
  it('holds the start numbers of GAME.md', () => {
    const s = DEFAULT_SCENARIO;
    expect(s.quarters).toBe(20);
    expect(quarterLabel(s, 1)).toBe('Q4 2025');
    expect(quarterLabel(s, 20)).toBe('Q3 2030');
    expect(quarterLabel(s, s.satellites.adoptionStartQuarter)).toBe('Q3 2026');
    expect(s.startingCashM).toBe(15000);
    expect(s.legacyIncomeM).toBe(2500);
    expect(s.start).toEqual({ chipGeneration: 0, capability: 30, autonomy: 50, dexterity: 10, phoneAdoption: 0 });
    expect(s.chips.generations.map((g) => [g.id, g.tapeOutAtM, g.multiplier, g.computeCostUsd])).toEqual([
      ['AI4', 0, 1.0, 4000],
      ['AI5', 2500, 1.6, 2500],
      ['AI6', 8000, 2.2, 1500],
    ]);
    expect(s.robotaxi.cities.map((c) => [c.name, c.demandQ1 / 1e6, c.minAutonomy, c.permitSlots])).toEqual([
      ['Austin', 24, 75, 2],
      ['Phoenix', 28, 70, 2],
      ['Dubai', 20, 72, 2],
      ['San Francisco', 48, 85, 2],
      ['Berlin', 32, 88, 2],
      ['Shanghai', 96, 90, 2],
    ]);
    expect(s.robots.hands * s.robots.handActuators + s.robots.bodyActuators).toBe(80);
    const licenses = s.satellites.licenses;
    expect(licenses).toHaveLength(10);
    expect([1, 5, 9].map((q) => licenses.filter((l) => l.auctionQuarter === q).length)).toEqual([4, 3, 3]);
    expect(licenses.find((l) => l.id === 'north-america-s')!.reserveM).toBe(1700);
    expect(s.shocks.deck.map((c) => c.id)).toEqual([
      'foundry-fire',
      'rare-earth-controls',
      'regulator-pause',
      'launch-failure',
      'ai-breakthrough',
      'phone-maker-delay',
      'surprise-spectrum-sale',
    ]);
  });

  it('refuses an invalid custom scenario, naming every bad field', () => {
    const bad = structuredClone(defaultScenario) as unknown as Record<string, any>;
    bad.quarters = 0;
    bad.startingCashM = -5;
    bad.robotaxi.cities[2].minAutonomy = 140;
    bad.satellites.licenses[0].region = 'atlantis';
    bad.extra = true;
    const err = expectInvalid(bad);
    expect(err.details!.fields).toEqual(
      expect.arrayContaining(['quarters', 'startingCashM', 'robotaxi.cities.2.minAutonomy']),
    );
    expect(err.message).toContain('quarters');
    expect(err.message).toContain('startingCashM');
    expect(err.message).toContain('robotaxi.cities.2.minAutonomy');
    expect(err.message).toContain('extra');
  });

  it('checks relations between tables once the fields are well formed', () => {
    const bad = structuredClone(defaultScenario);
    bad.satellites.licenses[0]!.region = 'atlantis';
    bad.satellites.licenses[1]!.auctionQuarter = 99;
    bad.robotaxi.cities[1]!.id = 'austin';
    const err = expectInvalid(bad);
    expect(err.details!.fields).toEqual([
      'robotaxi.cities.1.id',
      'satellites.licenses.0.region',
      'satellites.licenses.1.auctionQuarter',
    ]);
  });

  it('a scenario written before the caps (a match created then) is valid and plays without them', () => {
    const old = structuredClone(defaultScenario) as unknown as Record<string, any>;
    old.foundry = { supplyQ1: 60000, growthPerQuarter: 0.15, reserveUsd: 800 };
    delete old.robotaxi.maxPermitsPerPlayer;
    delete old.satellites.maxBidsPerQuarter;
    const sc = validateScenario(old);
    expect(permitCap(sc, 4)).toBe(Infinity);
    expect(bidsPerQuarter(sc)).toBe(Infinity);
    const m = given([]).when({ type: 'CreateMatch', data: { matchId: 'old', seed: 's', seats: 2, winLoops: 2, planningSeconds: 0, scenario: old } }).events();
    expect(m).toHaveLength(1);
    // A list price below the reserve is refused.
    const bad = structuredClone(defaultScenario);
    bad.foundry.ceilingUsd = 700;
    expect(expectInvalid(bad).message).toContain('the ceiling is below the reserve');
  });

  it('a CreateMatch with a bad scenario is refused and produces no events', () => {
    given([])
      .when({
        type: 'CreateMatch',
        data: { matchId: 'm', seed: 's', seats: 2, winLoops: 2, planningSeconds: 0, scenario: { id: 'x' } },
      })
      .thenRejects('INVALID_SCENARIO');
  });
});
