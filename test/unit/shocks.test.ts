import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../shared/domain/events';
import { DEFAULT_SCENARIO } from '../../shared/scenario/loadScenario';
import { LocalMatch } from '../../shared/sim/LocalMatch';
import { given } from '../support/given';
import { fact } from '../support/facts';
import { asPlayer, endPlanning, historyOf, newTestMatch } from '../support/newTestMatch';

const facilitator = { role: 'facilitator' } as const;
const noRandomShocks = { ...DEFAULT_SCENARIO, shocks: { ...DEFAULT_SCENARIO.shocks, enabled: false } };
const base = () => historyOf(newTestMatch({ players: 2, seed: 'shocks', scenario: noRandomShocks }));
const inject = (cardId: string, cityId?: string) => ({ type: 'InjectShock', data: cityId ? { cardId, cityId } : { cardId } }) as const;

function afterInjecting(cardId: string, extra: GameEvent[] = [], cityId?: string): { m: LocalMatch; events: GameEvent[] } {
  const m = LocalMatch.fromEvents('shocks', [...base(), ...extra]);
  m.exec(inject(cardId, cityId), facilitator);
  return { m, events: endPlanning(m) };
}
const only = (events: GameEvent[], type: GameEvent['type']) => events.filter((e) => e.type === type).map((e) => e.data);

describe('injecting shocks', () => {
  it('a facilitator queues a card from the deck; players and unknown cards are refused', () => {
    given(base()).when(inject('foundry-fire'), facilitator).then([{ type: 'ShockInjected', data: { quarter: 1, cardId: 'foundry-fire' } }]);
    given(base()).when(inject('foundry-fire'), asPlayer(0)).thenRejects('NOT_ALLOWED');
    given(base()).when(inject('alien-invasion'), facilitator).thenRejects('UNKNOWN_SHOCK');
    given(base()).when(inject('regulator-pause', 'atlantis'), facilitator).thenRejects('UNKNOWN_CITY');
    given(base()).when(inject('foundry-fire', 'austin'), facilitator).thenRejects('MALFORMED_COMMAND');
  });

  it('strikes when the quarter resolves, makes the news, and leaves the queue', () => {
    const { m, events } = afterInjecting('ai-breakthrough');
    expect(only(events, 'ShockDrawn')).toEqual([
      {
        quarter: 1,
        cardId: 'ai-breakthrough',
        headline: 'AI breakthrough: every lab gains 5 capability points',
        effect: { kind: 'aiBreakthrough', capabilityGain: 5 },
        untilQuarter: 1,
        injected: true,
        // The result is recorded in the event: evolve writes it down and knows no ceiling.
        capabilities: [35, 35],
      },
    ]);
    expect(m.state.players.map((p) => p.tech.capability)).toEqual([35, 35]);
    expect(m.state.shocks.injected).toEqual([]);
    expect(m.state.news).toEqual([{ quarter: 1, cardId: 'ai-breakthrough', headline: 'AI breakthrough: every lab gains 5 capability points', injected: true }]);
  });
});

describe('shock effects', () => {
  it('foundry fire: chip supply −30% this quarter only', () => {
    const { m, events } = afterInjecting('foundry-fire');
    // Two seats: half the four-seat supply of 20,000 chips, less 30%.
    expect((only(events, 'FoundryAuctionCleared')[0] as { supply: number }).supply).toBe(7_000);
    const next = endPlanning(m);
    expect((only(next, 'FoundryAuctionCleared')[0] as { supply: number }).supply).toBe(11_000);
    expect(only(next, 'ShockExpired')).toEqual([{ quarter: 2, cardId: 'foundry-fire' }]);
  });

  it('rare-earth controls: actuator cost +40% for two quarters', () => {
    const plant = [...fact.plants(0, 'actuatorPlant', 1), fact.orders(0, 1, { actuatorSell: { qty: 1000, priceUsd: 900 } })];
    const { m, events } = afterInjecting('rare-earth-controls', plant);
    const costs = [only(events, 'ActuatorsProduced')];
    for (let q = 2; q <= 3; q++) {
      m.exec({ type: 'SubmitOrders', data: { seat: 0, quarter: q, orders: { actuatorSell: { qty: 1000 * q, priceUsd: 900 } } } }, asPlayer(0));
      costs.push(only(endPlanning(m), 'ActuatorsProduced'));
    }
    expect(costs.map((c) => Math.round((c[0] as { unitCostUsd: number }).unitCostUsd * 1e6) / 1e6)).toEqual([490, 490, 350]);
  });

  it('regulator pause: the city gives no rides and its cars serve the operator’s other cities', () => {
    const fleet = [fact.chips([[0, 1000]]), ...fact.cars(0, 1000), fact.permit(0, 'austin'), fact.permit(0, 'phoenix')];
    const { events } = afterInjecting('regulator-pause', fleet, 'austin');
    const rides = only(events, 'RidesServed')[0] as { cities: Array<{ cityId: string; paused: boolean; operators: Array<{ cars: number }> }> };
    const austin = rides.cities.find((c) => c.cityId === 'austin')!;
    const phoenix = rides.cities.find((c) => c.cityId === 'phoenix')!;
    expect(austin).toMatchObject({ paused: true, operators: [] });
    expect(phoenix.operators[0]!.cars).toBe(1000);
    expect((only(events, 'ShockDrawn')[0] as { headline: string }).headline).toContain('(Austin)');
  });

  it('launch failure: each operator loses one of this quarter’s launches (paid, satellites lost)', () => {
    const { events } = afterInjecting('launch-failure', [fact.orders(0, 1, { launches: 3 })]);
    expect(only(events, 'SatellitesLaunched')).toEqual([{ seat: 0, launches: 3, failed: 1, satellites: 40, cost: 360_000_000 }]);
  });

  it('phone maker delay: adoption stalls this quarter', () => {
    const m = LocalMatch.fromEvents('shocks', [...base(), fact.quarter(4, 2)]);
    m.exec(inject('phone-maker-delay'), facilitator);
    const events = endPlanning(m);
    expect(only(events, 'PhoneAdoptionGrew').map((d) => (d as { stalled: boolean; after: number }).after)).toEqual([0, 0]);
    const next = endPlanning(m);
    expect((only(next, 'PhoneAdoptionGrew')[0] as { after: number }).after).toBeGreaterThan(0);
  });

  it('surprise spectrum sale: a waiting license is auctioned next quarter', () => {
    const { m, events } = afterInjecting('surprise-spectrum-sale');
    const drawn = only(events, 'ShockDrawn')[0] as { licenseId: string; offeredIn: number };
    const licenseId = drawn.licenseId;
    expect(drawn.offeredIn).toBe(2);
    expect(DEFAULT_SCENARIO.satellites.licenses.find((l) => l.id === licenseId)!.auctionQuarter).toBeGreaterThan(2);
    expect(m.state.licenses[licenseId]!.auctionQuarter).toBe(2);
    const reserve = DEFAULT_SCENARIO.satellites.licenses.find((l) => l.id === licenseId)!.reserveM;
    m.exec({ type: 'SubmitOrders', data: { seat: 1, quarter: 2, orders: { spectrumBids: { [licenseId]: reserve } } } }, asPlayer(1));
    const sale = only(endPlanning(m), 'SpectrumAuctionCleared');
    expect(sale).toEqual([
      { quarter: 2, licenseId, bids: [{ seat: 1, amountM: reserve }], winner: 1, price: reserve * 1_000_000, reofferedIn: null },
    ]);
    expect(m.state.licenses[licenseId]!.holder).toBe(1);
  });
});

describe('shocks recorded before their results were part of the event', () => {
  it('fold to the same state: the ceiling and the next-quarter sale are applied when read', () => {
    for (const [cardId, drop] of [
      ['ai-breakthrough', 'capabilities'],
      ['surprise-spectrum-sale', 'offeredIn'],
    ] as const) {
      const { m } = afterInjecting(cardId);
      const log = historyOf(m);
      const legacy = log.map((e) => {
        if (e.type !== 'ShockDrawn') return e;
        const { [drop]: _, ...data } = e.data;
        return { ...e, data };
      });
      expect(legacy.some((e) => e.type === 'ShockDrawn' && !(drop in e.data))).toBe(true);
      expect(LocalMatch.fromEvents('shocks', legacy as GameEvent[]).state).toEqual(m.state);
    }
  });

  it('a breakthrough stops at the capability ceiling of 100', () => {
    // Seat 0's lab stands at 98 (a fact as training leaves it), seat 1's at the start's 30.
    const trained: GameEvent = { type: 'AiTrained', data: { seat: 0, amount: 0, multiplier: 1, dataBonus: 0, capabilityBefore: 30, capability: 98 } };
    const m = LocalMatch.fromEvents('shocks', [...base(), trained]);
    m.exec(inject('ai-breakthrough'), facilitator);
    const drawn = only(endPlanning(m), 'ShockDrawn')[0] as { capabilities: number[] };
    expect(drawn.capabilities).toEqual([100, 35]);
    expect(m.state.players.map((p) => p.tech.capability)).toEqual([100, 35]);
  });
});

describe('the news deck', () => {
  it('draws about one shock every two quarters from the seed, and none when switched off', () => {
    const count = (seed: string, scenario = DEFAULT_SCENARIO) => {
      const m = newTestMatch({ players: 2, seed, scenario });
      let drawn = 0;
      while (m.state.status === 'planning') drawn += endPlanning(m).filter((e) => e.type === 'ShockDrawn').length;
      return drawn;
    };
    const seeds = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'];
    const drawn = seeds.map((s) => count(s));
    // 19 eligible quarters at 50% each: 9.5 on average, fixed per seed.
    expect(drawn).toEqual([10, 6, 6, 12, 9, 8, 11, 11]);
    const mean = drawn.reduce((a, b) => a + b, 0) / drawn.length;
    expect(mean).toBeGreaterThan(6);
    expect(mean).toBeLessThan(13);
    expect(count('n1', noRandomShocks)).toBe(0);
  });
});
