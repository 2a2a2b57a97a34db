import { describe, expect, it } from 'vitest';
import { FADE_MS, MAX_MS, MIN_MS, stepAt, stepsOf, timeline } from '../../client/src/game/timeline';
import type { BotSpec } from '../../shared/domain/ids';
import { runBotMatch } from '../../shared/sim/runBotMatch';
import { publicReport, quarterEvents, type PublicReport } from '../../shared/views/quarterReport';

const quiet = (extra: Partial<PublicReport> = {}): PublicReport => ({
  quarter: 3,
  news: [],
  foundry: null,
  spectrum: [],
  permits: [],
  rides: [],
  robots: null,
  subscribers: [],
  actuatorExchange: null,
  loopsClosed: [],
  valuations: [],
  ended: null,
  ...extra,
});
const at1 = { speed: 1, reducedMotion: false };

describe('the quarter played out: its timeline', () => {
  it('has a step for each kind of event, in the order of the pipeline', () => {
    const pub = quiet({
      news: [{ cardId: 'foundry-fire', headline: 'Fire', injected: false }],
      foundry: { supply: 20_000, clearingPriceUsd: 900, sold: 18_000, chipsWon: [{ seat: 1, chips: 8000 }, { seat: 0, chips: 6000 }, { seat: 1, chips: 4000 }] },
      spectrum: [{ licenseId: 'europe-l', winner: 2, price: 2_400_000_000, bidders: 3, reofferedIn: null }],
      permits: [
        { cityId: 'austin', granted: [0], refused: [{ seat: 1, reason: 'autonomy' }] },
        { cityId: 'dubai', granted: [], refused: [] },
      ],
      rides: [
        { cityId: 'austin', demand: 100, paused: false, shares: [{ seat: 0, served: 40, priceUsd: 20 }, { seat: 2, served: 0, priceUsd: 20 }] },
        { cityId: 'phoenix', demand: 100, paused: false, shares: [{ seat: 0, served: 10, priceUsd: 20 }] },
      ],
      robots: { demand: 500, remoteDemand: 0, shares: [{ seat: 1, sold: 30, remoteSold: 5, priceUsd: 58_000 }] },
      subscribers: [{ regionId: 'europe', shares: [{ seat: 2, subscribers: 700, coverage: 1, priceUsd: 5 }] }],
      valuations: [15e9, 16e9, 14e9],
      loopsClosed: [{ seat: 1, line: 'robots' }],
      ended: { winner: 1, ranking: [1, 0, 2], reason: 'loops' },
    });
    const steps = stepsOf(pub);
    expect(steps.map((s) => s.kind)).toEqual(['shock', 'foundry', 'spectrum', 'permits', 'markets', 'valuation', 'loop', 'end']);
    // The foundry's bars: chips won by seat (a seat's awards summed), the price and what sold.
    expect(steps[1]).toEqual({ kind: 'foundry', priceUsd: 900, supply: 20_000, sold: 18_000, bars: [{ seat: 0, value: 6000 }, { seat: 1, value: 12_000 }] });
    expect(steps[2]).toEqual({ kind: 'spectrum', licenseId: 'europe-l', winner: 2, priceUsd: 2_400_000_000, bidders: 3 });
    // A city where nothing was asked for has no step.
    expect(steps[3]).toEqual({ kind: 'permits', cityId: 'austin', granted: [0], refused: 1 });
    // Markets: rides over all cities by seat, robots sold here and abroad, subscribers; nobody with none.
    expect(steps[4]).toEqual({ kind: 'markets', rides: [{ seat: 0, value: 50 }], robots: [{ seat: 1, value: 35 }], subscribers: [{ seat: 2, value: 700 }] });
    expect(steps[5]).toEqual({ kind: 'valuation', bars: [{ seat: 0, value: 15e9 }, { seat: 1, value: 16e9 }, { seat: 2, value: 14e9 }] });
    expect(steps[6]).toEqual({ kind: 'loop', seat: 1, line: 'robots' });
    expect(steps[7]).toEqual({ kind: 'end', winner: 1, reason: 'loops' });
  });

  it('leaves out what did not happen: no news, nothing sold, no sales', () => {
    expect(stepsOf(quiet({ foundry: { supply: 20_000, clearingPriceUsd: null, sold: 0, chipsWon: [] } }))).toEqual([]);
    expect(timeline(quiet(), at1)).toEqual({ quarter: 3, steps: [], total: 0 });
  });

  it('lasts 6–10 s at speed 1, back to back, and runs faster with the replay’s speed', () => {
    const one = timeline(quiet({ valuations: [1, 2] }), at1);
    expect(one.total).toBe(MIN_MS);
    expect(one.steps[0]).toMatchObject({ kind: 'valuation', at: 0, duration: MIN_MS });
    const busy = quiet({ news: Array.from({ length: 3 }, () => ({ cardId: 'x', headline: 'x', injected: false })), valuations: [1], loopsClosed: [{ seat: 0, line: 'robotaxi' }, { seat: 1, line: 'robots' }, { seat: 2, line: 'satellites' }], ended: { winner: 0, ranking: [0], reason: 'loops' } });
    const long = timeline(busy, at1);
    expect(long.total).toBeGreaterThanOrEqual(MAX_MS - long.steps.length);
    expect(long.total).toBeLessThanOrEqual(MAX_MS + long.steps.length);
    for (let i = 1; i < long.steps.length; i++) expect(long.steps[i]!.at).toBe(long.steps[i - 1]!.at + long.steps[i - 1]!.duration);
    const fast = timeline(busy, { speed: 4, reducedMotion: false });
    expect(fast.total).toBeLessThanOrEqual(Math.ceil(long.total / 4) + fast.steps.length);
    expect(stepAt(long, 0)?.kind).toBe('shock');
    expect(stepAt(long, long.total - 1)?.kind).toBe('end');
    expect(stepAt(long, long.total)).toBeNull();
  });

  it('is one short fade with reduced motion', () => {
    const line = timeline(quiet({ valuations: [1], loopsClosed: [{ seat: 0, line: 'robots' }] }), { speed: 1, reducedMotion: true });
    expect(line.total).toBe(FADE_MS);
    expect(line.steps.map((s) => [s.kind, s.at, s.duration])).toEqual([
      ['valuation', 0, FADE_MS],
      ['loop', 0, FADE_MS],
    ]);
  });

  it('is a pure function of a real match’s events: the same events give the same timeline', () => {
    const bots: BotSpec[] = [
      { strategy: 'robotaxi', difficulty: 'normal' },
      { strategy: 'satellites', difficulty: 'normal' },
      { strategy: 'robots', difficulty: 'normal' },
    ];
    const run = () => runBotMatch({ seed: 'timeline', bots, record: true }).recorded.flat();
    const [a, b] = [run(), run()];
    const kinds = new Set<string>();
    for (let q = 1; q <= 8; q++) {
      const line = timeline(publicReport(q, quarterEvents(a, q)), at1);
      expect(line).toEqual(timeline(publicReport(q, quarterEvents(b, q)), at1));
      for (const s of line.steps) kinds.add(s.kind);
      expect(line.total).toBeGreaterThanOrEqual(MIN_MS);
      expect(line.total).toBeLessThanOrEqual(MAX_MS + line.steps.length);
    }
    // A real match's first quarters hold auctions, markets and valuations.
    expect([...kinds]).toEqual(expect.arrayContaining(['foundry', 'spectrum', 'valuation']));
  });
});
