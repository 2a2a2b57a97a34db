import { describe, expect, it } from 'vitest';
import { worldModel, type RoomLike, type WorldModel, type WorldWords } from '../../client/src/game/worldModel';
import { carsShown, mapPosition } from '../../client/src/game/mapModel';
import { worldTwin, type TwinWords } from '../../client/src/ui/match/worldTwin';
import { twinWords, worldWords } from '../../client/src/ui/match/worldWords';
import { project } from '../../client/src/orders/projection';
import { parseEntry, readField, SHEET_FIELDS, writeField } from '../../client/src/orders/sheetFields';
import { hudItems, standings, closedText } from '../../client/src/ui/match/viewModels';
import { shouldTour, TOUR_KEY } from '../../client/src/ui/match/tour';
import { seatName, setLocale } from '../../client/src/i18n/i18n';
import { headline } from '../../client/src/i18n/places';
import { momentsOf } from '../../client/src/ui/match/moments';
import { celebrationOf } from '../../client/src/ui/match/momentBanner';
import { DEFAULT_VOLUME, soundOn, volumeOf } from '../../client/src/ui/match/soundControl';
import { loopsSentence, quarterSentence, timerWarning } from '../../client/src/ui/match/announcements';
import { shortcutOf } from '../../client/src/ui/match/shortcuts';
import { BUDGET_FIELDS, COUNT_FIELDS, PRICE_FIELDS } from '../../shared/domain/orders';
import type { TechState } from '../../shared/domain/state';
import { DEFAULT_SCENARIO as sc } from '../../shared/scenario/loadScenario';

const tech: TechState = { chipGeneration: 0, pendingGeneration: null, chipRnDTotalM: 0, capability: 30, autonomy: 50, dexterity: 10, phoneAdoption: 0, dataBonus: 0 };
const words: WorldWords = { cars: 'cars', robots: 'robots', satellites: 'sats', autonomy: 'U', dexterity: 'X', cities: 'cities', regions: 'regions', count: (n) => String(Math.round(n)) };

describe('the projection beside the orders', () => {
  it('costs a sheet as the server does and projects research with the engine’s growth rules', () => {
    const p = project({ aiTraining: 800, fsdRnD: 400, buyCars: 100, launches: 2, foundryBid: { chips: 100, maxPriceUsd: 1000 } }, { tech }, 2_000_000_000, sc);
    // 800M + 400M + 100 cars × (35,000 + 4,000) + 2 launches × 120M + 100 chips × $1,000
    expect(p.committedUsd).toBe(800e6 + 400e6 + 100 * 39_000 + 240e6 + 100_000);
    expect(p.over).toBe(false);
    // A += (100 − A)(1 − e^(−800·1·1/20,000)) with A = 30
    expect(p.capability![1]).toBeCloseTo(30 + 70 * (1 - Math.exp(-800 / 20_000)), 9);
    expect(p.autonomy![1]).toBeGreaterThan(50);
    expect(p.dexterity![1]).toBeGreaterThan(10);
    expect(p).toMatchObject({ carsOrdered: 100, satellitesLaunched: 40, chipsBid: 100, robotsBuilt: 0 });
  });

  it('flags a sheet that costs more than the cash, and keeps research flat without spending', () => {
    const p = project({ chipRnD: 3000 }, { tech }, 2_000_000_000, sc);
    expect(p.over).toBe(true);
    expect(p.capability).toEqual([30, 30]);
    expect(p.autonomy).toEqual([50, 50]);
  });

  it('builds no more robots than the lines can make', () => {
    const robots = { plants: 1, plantsBuilding: [], lines: 1, linesBuilding: [], actuators: 0, actuatorsMadeTotal: 0, inventory: 0, deployed: 0 };
    expect(project({ produceRobots: 9000 }, { tech, robots }, 1e10, sc).robotsBuilt).toBe(5000);
  });
});

describe('the advanced sheet’s fields', () => {
  it('cover every numeric order of the sheet', () => {
    const paths = SHEET_FIELDS.map((f) => f.path.split('.')[0]);
    for (const f of [...BUDGET_FIELDS, ...COUNT_FIELDS, ...PRICE_FIELDS, 'foundryBid', 'actuatorSell', 'actuatorBuy']) expect(paths).toContain(f);
  });

  it('read and write nested orders without touching the original', () => {
    const sheet = { chipRnD: 100, foundryBid: { chips: 10, maxPriceUsd: 900 } };
    expect(readField(sheet, 'foundryBid.chips')).toBe(10);
    expect(readField(sheet, 'actuatorBuy.qty')).toBeUndefined();
    const a = writeField(sheet, 'foundryBid.chips', undefined);
    expect(a).toEqual({ chipRnD: 100, foundryBid: { maxPriceUsd: 900 } });
    expect(writeField(a, 'foundryBid.maxPriceUsd', undefined)).toEqual({ chipRnD: 100 });
    expect(writeField(sheet, 'actuatorSell.qty', 500)).toEqual({ ...sheet, actuatorSell: { qty: 500 } });
    expect(writeField(sheet, 'chipRnD', undefined)).toEqual({ foundryBid: { chips: 10, maxPriceUsd: 900 } });
    expect(sheet).toEqual({ chipRnD: 100, foundryBid: { chips: 10, maxPriceUsd: 900 } });
  });

  it('read blank as nothing, a comma as a decimal point, junk as NaN', () => {
    expect(parseEntry('  ')).toBeUndefined();
    expect(parseEntry('2,5')).toBe(2.5);
    expect(parseEntry('12')).toBe(12);
    expect(parseEntry('abc')).toBeNaN();
  });
});

const seat = (i: number, extra: Partial<Record<string, unknown>> = {}) => ({
  seat: i,
  name: ['Ada', 'Bo', 'Cy'][i]!,
  kind: i === 0 ? 'human' : 'bot',
  strategy: i === 0 ? '' : 'robots',
  connected: true,
  locked: i === 2,
  valuation: [15e9, 18e9, 12e9][i]!,
  loopsClosed: i === 2 ? 1 : 0,
  loops: {
    robotaxi: { strength: 0, streak: 0, ...(i === 2 ? { closedQuarter: 9 } : {}) },
    robots: { strength: 0, streak: 0 },
    satellites: { strength: 0, streak: 0 },
  },
  cars: 0,
  robotsDeployed: 0,
  satellites: 0,
  chipGeneration: 'AI4',
  permits: [] as string[],
  licenses: [] as string[],
  ...extra,
});

describe('seat names', () => {
  it('say a bot’s strategy in the reader’s language and leave players’ names as typed', () => {
    setLocale('de');
    expect(seatName('Bot 2 (balanced)')).toBe('Bot 2 (ausgewogen)');
    expect(seatName('Bot 1 (robotaxi)')).toBe('Bot 1 (Robotaxi)');
    expect(seatName('Ada (balanced)')).toBe('Ada (balanced)');
    expect(seatName('Bot 3 (chess)')).toBe('Bot 3 (chess)');
    setLocale('en');
    expect(seatName('Bot 2 (balanced)')).toBe('Bot 2 (balanced)');
  });
});

describe('the header and the players table', () => {
  it('shows money only for a seated player, debt only when there is some, the timer when one runs', () => {
    setLocale('en');
    const s = { quarter: 3, quarters: 20, quarterLabel: 'Q2 2026', deadline: 100_000, paused: false, joinCode: 'ABCDE' };
    const ids = (items: ReturnType<typeof hudItems>) => items.map((i) => i.id);
    expect(ids(hudItems(s, null, 50_000))).toEqual(['quarter', 'timer', 'code']);
    expect(ids(hudItems(s, { cash: 1e9, debt: 0, valuation: 2e9 }, 50_000))).toEqual(['quarter', 'timer', 'cash', 'valuation', 'code']);
    const withDebt = hudItems({ ...s, deadline: 0 }, { cash: 0, debt: 250e6, valuation: 2e9 }, 50_000);
    expect(withDebt.find((i) => i.id === 'debt')).toMatchObject({ value: '$250M', tone: 'bad' });
    expect(withDebt.some((i) => i.id === 'timer')).toBe(false);
    expect(hudItems(s, null, 95_000).find((i) => i.id === 'timer')).toMatchObject({ value: '5 s', tone: 'warn' });
    expect(ids(hudItems({ ...s, joinCode: '' }, null, 50_000))).toEqual(['quarter', 'timer']);
    for (const item of hudItems(s, { cash: 1, debt: 1, valuation: 1 }, 0)) expect(item.tip.length).toBeGreaterThan(20);
    // Before the start: no quarter 0 of 20, the header says the match has not begun.
    expect(hudItems({ ...s, quarter: 0, quarterLabel: '', deadline: 0 }, null, 0)[0]).toMatchObject({ label: 'Quarter –/20', value: 'not started' });
  });

  it('ranks players by loops closed, then valuation, and says when each loop closed', () => {
    setLocale('en');
    const rows = standings([seat(0), seat(1), seat(2)], 0);
    expect(rows.map((r) => [r.rank, r.name])).toEqual([[1, 'Cy'], [2, 'Bo'], [3, 'Ada']]);
    expect(rows[2]).toMatchObject({ me: true, who: 'online', valuation: '$15.0B' });
    expect(rows[1]!.who).toBe('Bot · robots');
    expect(closedText(rows[0]!.closed)).toBe('Robotaxi Q9');
    expect(closedText(rows[1]!.closed)).toBe('no loop closed');
  });
});

describe('money and numbers in the chosen locale', () => {
  it('formats dollars and counts in English and German', async () => {
    const { money, number } = await import('../../client/src/i18n/i18n');
    setLocale('en');
    expect([money(12_345_000_000), money(450_000_000), money(12_000), number(1234.5, 1), money(-250_000_000)]).toEqual(['$12.3B', '$450M', '$12,000', '1,234.5', '-$250M']);
    setLocale('de');
    // German puts the currency after the amount, joined by no-break spaces.
    expect([money(12_345_000_000), money(450_000_000), money(12_000), number(1234.5, 1)]).toEqual(['12,3 Mrd. $', '450 Mio. $', '12.000 $', '1.234,5'].map((x) => x.replace(/ /g, '\u00a0')));
    setLocale('en');
  });

  it('has every string in both languages, none left blank', async () => {
    const { en } = await import('../../client/src/i18n/en');
    const { de } = await import('../../client/src/i18n/de');
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(de)) expect(text.trim(), key).not.toBe('');
  });
});

describe('moments', () => {
  const names = { seats: ['Ada', 'Bot 1 (robots)', 'Bo'], license: (id: string) => (id === 'europe-l' ? 'Europe · L band' : id) };
  const pub = {
    quarter: 9,
    news: [],
    foundry: null,
    spectrum: [
      { licenseId: 'europe-l', winner: 2, price: 2_200_000_000, bidders: 2, reofferedIn: null },
      { licenseId: 'africa-s', winner: 0, price: 900_000_000, bidders: 1, reofferedIn: null },
    ],
    permits: [],
    rides: [],
    robots: null,
    subscribers: [],
    actuatorExchange: null,
    loopsClosed: [{ seat: 1, line: 'robots' as const }],
    valuations: [],
    ended: null,
  };
  const own = { spectrumBids: [{ licenseId: 'africa-s', amountM: 900, won: true, price: 900_000_000 }, { licenseId: 'europe-l', amountM: 1900, won: false, price: 0 }] };

  it('say what happened, the end first, then loops, then the reader’s auctions', () => {
    const moments = momentsOf(pub, own as never, 0, names);
    expect(moments.map((m) => [m.kind, m.mine, m.text])).toEqual([
      ['loop', false, 'Bot 1 (robots) closed the Robots loop.'],
      ['auctionWon', true, 'You won africa-s for $900M.'],
      ['auctionLost', true, 'You lost Europe · L band: it went for $2.2B.'],
    ]);
    expect(moments.map(celebrationOf)).toEqual(['bad', 'good', 'bad']);
    const ended = momentsOf({ ...pub, loopsClosed: [{ seat: 0, line: 'satellites' }], ended: { winner: 0, ranking: [0, 2, 1], reason: 'loops' } }, null, 0, names);
    expect(ended.map((m) => [m.kind, m.text])).toEqual([
      ['win', 'You win the race!'],
      ['loop', 'Your Satellites loop is closed: it funds itself while it grows.'],
    ]);
    expect(celebrationOf(ended[0]!)).toBe('win');
    expect(momentsOf({ ...pub, loopsClosed: [], ended: { winner: 2, ranking: [2, 0, 1], reason: 'valuation' } }, null, 0, names)[0]).toMatchObject({ kind: 'loss', text: 'Bo wins the race.' });
  });

  it('sound is off at first on a phone, on elsewhere, and then as the player left it', () => {
    const store = (v: string | null) => ({ getItem: () => v });
    expect(soundOn(store(null), true)).toBe(false);
    expect(soundOn(store(null), false)).toBe(true);
    expect(soundOn(store('on'), true)).toBe(true);
    expect(soundOn(store('off'), false)).toBe(false);
  });

  it('the volume is as the player left it, a whole number from 0 to 100; anything else stored is the default', () => {
    const store = (v: string | null) => ({ getItem: () => v });
    expect(volumeOf(store(null))).toBe(DEFAULT_VOLUME);
    expect(volumeOf(store('0'))).toBe(0);
    expect(volumeOf(store('35'))).toBe(35);
    expect(volumeOf(store('100'))).toBe(100);
    for (const bad of ['', 'loud', '101', '-5', '50.5', ' 50', '1e2', '0x10', 'NaN', '1000']) expect(volumeOf(store(bad))).toBe(DEFAULT_VOLUME);
  });
});

describe('shock headlines', () => {
  it('are worded in the reader’s language with the card’s numbers, the city or the license', () => {
    setLocale('de');
    expect(headline(sc, 'foundry-fire', 'Fire at a chip foundry: supply down 30% this quarter')).toBe('Brand in einer Chipfabrik: Angebot in diesem Quartal −30 %');
    expect(headline(sc, 'regulator-pause', 'A city regulator pauses all robotaxi rides this quarter (Austin)')).toBe('Eine Stadtbehörde stoppt in diesem Quartal alle Robotaxi-Fahrten (Austin)');
    expect(headline(sc, 'surprise-spectrum-sale', 'Surprise spectrum sale: an extra license goes to auction: europe-l, next quarter')).toBe(
      'Überraschender Frequenzverkauf: eine zusätzliche Lizenz wird versteigert: Europa · L-Band, nächstes Quartal',
    );
    setLocale('en');
    expect(headline(sc, 'surprise-spectrum-sale', 'Surprise spectrum sale: an extra license goes to auction: europe-l, next quarter')).toBe(
      'Surprise spectrum sale: an extra license goes to auction: Europe · L band, next quarter',
    );
    // A card the scenario does not have keeps what the log says.
    expect(headline(sc, 'alien-invasion', 'Aliens land')).toBe('Aliens land');
  });
});

describe('the world model the canvas draws', () => {
  const room = (books?: NonNullable<RoomLike['players'][number]['own']>['books']): RoomLike => ({
    quarter: 5,
    foundryPriceUsd: 950,
    permits: { phoenix: { holders: [0, 2] } },
    licenses: { 'europe-l': { holder: 0, pricePaid: 0, auctionQuarter: 1 }, 'north-america-l': { pricePaid: 0, auctionQuarter: 5 } },
    players: [
      seat(0, { permits: ['phoenix'], licenses: ['europe-l'], cars: 1200, ...(books ? { own: { books } } : {}) }),
      seat(1, { licenses: ['europe-s'] }),
      seat(2, { permits: ['phoenix'], cars: 300 }),
    ],
    report: {
      rides: [{ cityId: 'phoenix', demand: 90_000, paused: false, shares: [{ seat: 2, served: 41_000, priceUsd: 1.5 }, { seat: 0, served: 38_000, priceUsd: 1.25 }] }],
      subscribers: [{ regionId: 'europe', shares: [{ seat: 0, subscribers: 2_500_000, coverage: 0.4, priceUsd: 9 }] }],
    },
  });

  it('measures milestone progress from the player’s own books', () => {
    const m = worldModel(room({ tech: { ...tech, autonomy: 72, dexterity: 40, phoneAdoption: 0.1 }, chips: 300 }), sc, 0, words);
    // Robotaxi: half autonomy (72/90), half cities (1/2).
    expect(m.lanes.robotaxi.milestone).toBeCloseTo(0.5 * (72 / 90) + 0.5 * 0.5, 12);
    expect(m.lanes.robotaxi.milestoneText).toBe('U 72/90 · cities 1/2');
    expect(m.lanes.robotaxi.stat).toBe('1200 cars');
    expect(m.lanes.satellites.milestone).toBeCloseTo(0.5 * 0.5 + 0.5 * (0.1 / 0.25), 12);
    expect(m.shared).toEqual({ chipGeneration: 'AI4', chips: 300, capability: 30, foundryPriceUsd: 950 });
  });

  it('shows cities with their permit holders and licenses with theirs', () => {
    const m = worldModel(room(), sc, 0, words);
    expect(m.cities.find((c) => c.id === 'phoenix')).toMatchObject({ holders: [0, 2], open: false, slots: 2 });
    expect(m.cities.find((c) => c.id === 'austin')).toMatchObject({ holders: [], open: true });
    expect(m.orbit.licenses.find((l) => l.id === 'europe-l')!.holder).toBe(0);
    expect(m.orbit.licenses.find((l) => l.id === 'north-america-l')).toMatchObject({ holder: null, auctionQuarter: 5 });
  });

  it('keeps private numbers out when the books are not there (spectators)', () => {
    const m = worldModel(room(), sc, 0, words);
    expect(m.factories.rows.map((r) => r.books)).toEqual([null, null, null]);
    expect(m.autonomy).toBeNull();
    expect(m.shared.chips).toBeNull();
    expect(m.lanes.robotaxi.milestoneText).toBe('cities 1/2');
  });

  it('places known cities on the map and unknown ones on a row', () => {
    const berlin = mapPosition('berlin', 0, 6);
    expect(berlin.x).toBeCloseTo((13.4 + 160) / 310, 9);
    expect(berlin.y).toBeCloseTo((72 - 52.5) / 117, 9);
    expect(mapPosition('atlantis', 2, 4)).toEqual({ x: 0.625, y: 0.96 });
  });
  it('spreads a fleet over its cities and puts satellites over the regions where their owner holds a band', () => {
    const r = room();
    r.permits.austin = { holders: [0] };
    r.players[0] = { ...r.players[0]!, permits: ['phoenix', 'austin'], satellites: 240 };
    const m = worldModel(r, sc, 0, words);
    // Ada's 1,200 cars over her two cities; Cy's 300 in his one.
    expect(m.cities.find((c) => c.id === 'phoenix')).toMatchObject({
      fleets: [{ seat: 0, cars: 600 }, { seat: 2, cars: 300 }],
      rides: { demand: 90_000, paused: false, served: [{ seat: 2, served: 41_000, priceUsd: 1.5 }, { seat: 0, served: 38_000, priceUsd: 1.25 }] },
    });
    expect(m.cities.find((c) => c.id === 'austin')).toMatchObject({ fleets: [{ seat: 0, cars: 600 }], rides: null });
    // Bo holds a band over Europe but flies no satellites: no footprint of his.
    expect(m.regions.find((r) => r.id === 'europe')!.footprints).toEqual([{ seat: 0, satellites: 240, subscribers: 2_500_000, coverage: 0.4 }]);
    expect(m.regions.find((r) => r.id === 'africa')!.footprints).toEqual([]);
    const na = m.regions.find((r) => r.id === 'north-america')!;
    expect(na.sweep.x0).toBeLessThan(na.sweep.x1);
    // Cars drawn double with each step: one for a handful, six at most.
    expect([0, 20, 100, 600, 1e6].map(carsShown)).toEqual([0, 1, 2, 5, 6]);
  });
  describe('its text twin', () => {
    const tech = { capability: 30, autonomy: 72, dexterity: 40, phoneAdoption: 0.1 } as TechState;
    const robots = { plants: 2, plantsBuilding: [{ count: 1, readyQuarter: 6 }], lines: 3, linesBuilding: [], actuators: 4100, inventory: 17, deployed: 250 };
    const withBooks = () => {
      const r = room({ tech, chips: 300, robots });
      r.players[1]!.loops.robots = { strength: 1.26, streak: 2 };
      r.players[1]!.robotsDeployed = 640;
      r.report = {
        ...r.report!,
        foundry: { supply: 22000, clearingPriceUsd: 1130, sold: 21000, chipsWon: [{ seat: 0, chips: 7000 }, { seat: 2, chips: 14000 }] },
        robots: { shares: [{ seat: 1, sold: 1500, remoteSold: 320 }] },
      };
      return r;
    };
    const cells = (tables: ReturnType<typeof worldTwin>) => tables.flatMap((tb) => [tb.caption, ...(tb.head ?? []), ...tb.rows.flat()]);

    // Every field of the world model, and the words it must leave in the twin: a field added to
    // the model (the living world) does not compile here until its facts are listed.
    const factsOf = (m: WorldModel, w: TwinWords) =>
      ({
        quarter: () => [w.auctionNow],
        focusSeat: () => [`${m.names[m.focusSeat]} (${w.you})`],
        names: () => m.names,
        race: () => m.race.flatMap((r) => [r.name, ...Object.values(r.loops).map((l) => (l.closed ? `Q${l.closed}` : `${Math.round(Math.min(l.strength, 9.99) * 100)}% · ${l.streak}/${m.streakNeeded}`))]),
        streakNeeded: () => [`/${m.streakNeeded}`],
        lanes: () =>
          Object.values(m.lanes).flatMap((l) => [l.closed ? `Q${l.closed}` : `${Math.round(l.strength * 100)}%`, `${Math.round(l.milestone * 100)}%`, l.milestoneText, l.stat]),
        shared: () => [m.shared.chipGeneration, w.count(m.shared.chips!), w.count(m.shared.capability!), w.price(m.shared.foundryPriceUsd)],
        cities: () =>
          m.cities.flatMap((c) => [
            c.name,
            `${c.holders.length}/${c.slots}`,
            w.count(c.minAutonomy),
            ...c.holders.map((seat) => m.names[seat]!),
            ...c.fleets.map((f) => `${w.count(f.cars)} ${w.units.cars}`),
            ...(c.rides?.served ?? []).map((r) => `${w.count(r.served)} ${w.units.rides}`),
          ]),
        regions: () => m.regions.flatMap((r) => [r.name, ...r.footprints.flatMap((f) => [m.names[f.seat]!, `${w.count(f.satellites)} ${w.units.satellites}`, `${w.count(f.subscribers!)} ${w.units.subscribers}`])]),
        autonomy: () => [w.count(m.autonomy!)],
        orbit: () => [
          w.count(m.orbit.satellites),
          `${Math.round(m.orbit.adoption! * 100)}%`,
          ...m.orbit.licenses.flatMap((l) => [m.orbit.regions.find((r) => r.id === l.region)!.name, w.bandName(l.band), l.holder === null ? w.unsold : m.names[l.holder]!]),
        ],
        factories: () => [
          ...m.factories.rows.flatMap((r) => [w.count(r.deployed), ...(r.sold === null ? [] : [w.count(r.sold)]), ...Object.values(r.books ?? {}).filter((n) => n > 0).map(w.count)]),
          w.price(m.factories.foundry!.priceUsd!),
          w.count(m.factories.foundry!.supply),
          w.count(m.factories.foundry!.sold),
          ...m.factories.foundry!.won.map(w.count),
        ],
      }) satisfies Record<keyof WorldModel, () => string[]>;

    it('holds every fact the world model draws, in English and in German', () => {
      for (const locale of ['en', 'de'] as const) {
        setLocale(locale);
        const w = twinWords();
        const m = worldModel(withBooks(), sc, 0, worldWords().model);
        const text = cells(worldTwin(m, withBooks().players, 3, w, 0));
        const missing = Object.values(factsOf(m, w))
          .flatMap((facts) => facts())
          .filter((fact) => !text.some((cell) => cell.includes(fact)));
        expect(missing, locale).toEqual([]);
      }
      setLocale('en');
    });

    it('gives every seat its loops, streaks and counts by name, and says who holds what', () => {
      setLocale('de');
      const m = worldModel(withBooks(), sc, 0, worldWords().model);
      const tables = worldTwin(m, withBooks().players, 3, twinWords(), 0);
      const race = tables.find((tb) => tb.id === 'twin-race')!;
      expect(race.rows[0]).toEqual(['Ada (du)', '0% · 0/3', '0% · 0/3', '0% · 0/3', '1.200', '0', '0', 'AI4', '1', '1']);
      expect(race.rows[1]!.slice(0, 3)).toEqual([m.names[1], '0% · 0/3', '126% · 2/3']);
      expect(race.rows[2]![1]).toBe('geschlossen Q9');
      const phoenix = tables.find((tb) => tb.id === 'twin-cities')!.rows.find((r) => r[0] === 'Phoenix')!;
      expect(phoenix.slice(1)).toEqual([
        '2/2',
        `Autonomie ${sc.robotaxi.cities.find((c) => c.id === 'phoenix')!.minAutonomy}`,
        `Ada (du), ${m.names[2]}`,
        `Ada (du): 1.200 Fahrzeuge · 38.000 Fahrten; ${m.names[2]}: 300 Fahrzeuge · 41.000 Fahrten`,
      ]);
      expect(tables.find((tb) => tb.id === 'twin-regions')!.rows.map((r) => r[1])).toEqual(['Noch keine Satelliten darüber', 'Noch keine Satelliten darüber', 'Noch keine Satelliten darüber', 'Noch keine Satelliten darüber', 'Noch keine Satelliten darüber']);
      const factories = tables.find((tb) => tb.id === 'twin-factories')!;
      expect(factories.rows[0]).toEqual(['Ada (du)', '0', '0', '2 (+1 im Bau)', '3', '4.100', '17']);
      // Another seat's books are not in the room: its private cells say so.
      expect(factories.rows[1]).toEqual([m.names[1], '640', '1.820', 'privat', 'privat', 'privat', 'privat']);
      expect(tables.find((tb) => tb.id === 'twin-foundry')!.rows).toEqual([
        ['Preis je Chip', '1.130\u00a0$'],
        ['Chips angeboten', '22.000'],
        ['Chips verkauft', '21.000'],
        ['Chips erhalten: Ada (du)', '7.000'],
        [`Chips erhalten: ${m.names[1]}`, '0'],
        [`Chips erhalten: ${m.names[2]}`, '14.000'],
      ]);
      setLocale('en');
    });

    it('says "private" where a spectator has no books, and no foundry before its first auction', () => {
      setLocale('en');
      const m = worldModel(room(), sc, 0, worldWords().model);
      const tables = worldTwin(m, room().players, 3, twinWords(), null);
      expect(tables.map((tb) => tb.id)).toEqual(['twin-race', 'twin-lines', 'twin-shared', 'twin-cities', 'twin-licenses', 'twin-regions', 'twin-factories', 'twin-foundry']);
      expect(tables.find((tb) => tb.id === 'twin-factories')!.rows[0]).toEqual(['Ada', '0', '—', 'private', 'private', 'private', 'private']);
      expect(tables.find((tb) => tb.id === 'twin-foundry')!.rows).toEqual([['Chips offered', 'No chip auction yet']]);
      // A spectator has no seat of their own: nobody is "you".
      expect(tables.find((tb) => tb.id === 'twin-race')!.rows.map((r) => r[0])).toEqual(m.names);
      expect(tables.find((tb) => tb.id === 'twin-shared')!.rows.slice(0, 5)).toEqual([
        ['Chip generation', 'AI4'],
        ['Chips', 'private'],
        ['AI capability', 'private'],
        ['Autonomy', 'private'],
        ['Phones ready', 'private'],
      ]);
    });
  });
});

describe('the guided tour', () => {
  it('opens for a player until it has been finished or skipped once', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null };
    expect(shouldTour(storage, 'player')).toBe(true);
    expect(shouldTour(storage, 'spectator')).toBe(false);
    store.set(TOUR_KEY, '1');
    expect(shouldTour(storage, 'player')).toBe(false);
  });
});

describe('announcements for screen readers', () => {
  const words = { headline: (cardId: string, recorded: string) => headline(sc, cardId, recorded) };
  const pub = { quarter: 3, news: [{ cardId: 'foundry-fire', headline: 'Fire at a chip foundry: supply down 30% this quarter', injected: false }] } as never;

  it('say a quarter’s end with the reader’s books and the news, in English and German', () => {
    setLocale('en');
    expect(quarterSentence(pub, { cash: 12_100_000_000, valuation: 20_300_000_000 }, words)).toBe(
      'Quarter 3 is over. Cash $12.1B, valuation $20.3B. News: Fire at a chip foundry: supply down 30% this quarter.',
    );
    // A spectator has no books: the quarter and the news.
    expect(quarterSentence(pub, null, words)).toBe('Quarter 3 is over. News: Fire at a chip foundry: supply down 30% this quarter.');
    setLocale('de');
    // (German money and percentages keep their parts together with no-break spaces.)
    expect(quarterSentence(pub, { cash: 12_100_000_000, valuation: 20_300_000_000 }, words).replace(/\s/g, ' ')).toBe(
      'Quartal 3 ist vorbei. Kasse 12,1 Mrd. $, Bewertung 20,3 Mrd. $. Nachricht: Brand in einer Chipfabrik: Angebot in diesem Quartal −30 %.',
    );
    setLocale('en');
  });

  it('say a win, a loop closing and the reader’s loops in the quarter’s sentence, in English and German', () => {
    const end = { quarter: 12, news: [], spectrum: [], loopsClosed: [{ seat: 1, line: 'robots' }], ended: { winner: 1 } } as never;
    const names = { seats: ['Ada', 'Bo'], license: (id: string) => id };
    const loops = { robotaxi: { strength: 0.64, streak: 1 }, robots: { strength: 1.2, streak: 2 }, satellites: { strength: 1.1, streak: 3, closedQuarter: 11 } };
    const sentence = () => quarterSentence(end, { cash: 5e9, valuation: 9e9 }, words, momentsOf(end, null, 0, names).map((m) => m.text), loopsSentence(loops, 3));
    setLocale('en');
    expect(sentence()).toBe(
      'Quarter 12 is over. Bo wins the race. Bo closed the Robots loop. Cash $5.0B, valuation $9.0B. Your loops: Robotaxi 64%, streak 1 of 3, Robots 120%, streak 2 of 3, Satellites closed.',
    );
    setLocale('de');
    expect(sentence().replace(/\s/g, ' ')).toBe(
      'Quartal 12 ist vorbei. Bo gewinnt das Rennen. Bo hat den Kreislauf Roboter geschlossen. Kasse 5,0 Mrd. $, Bewertung 9,0 Mrd. $. Deine Kreisläufe: Robotaxi 64%, Serie 1 von 3, Roboter 120%, Serie 2 von 3, Satelliten geschlossen.',
    );
    setLocale('en');
  });

  it('warn once as the timer reaches 60 seconds and once at 10, not while it stands or on a new quarter', () => {
    setLocale('en');
    expect(timerWarning(null, 55)).toBeNull();
    expect(timerWarning(61, 60)).toBe('60 seconds left to plan.');
    expect(timerWarning(60, 59)).toBeNull();
    expect(timerWarning(11, 10)).toBe('10 seconds left to plan.');
    expect(timerWarning(75, 8)).toBe('10 seconds left to plan.');
    expect(timerWarning(3, 90)).toBeNull();
    setLocale('de');
    expect(timerWarning(12, 9)).toBe('Noch 10 Sekunden Planung.');
    setLocale('en');
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('map single keys to the frequent actions, in either case', () => {
    expect(['l', 'L', 'v', 't', 'o', 'r', '?'].map((k) => shortcutOf(key(k), false, false))).toEqual(['lock', 'lock', 'nextView', 'table', 'orders', 'report', 'help']);
    expect(shortcutOf(key('x'), false, false)).toBeNull();
    expect(shortcutOf(key('Enter'), false, false)).toBeNull();
  });

  it('leave typing, the browser’s own shortcuts and open dialogs alone', () => {
    expect(shortcutOf(key('l'), true, false)).toBeNull();
    expect(shortcutOf(key('r', { ctrlKey: true }), false, false)).toBeNull();
    expect(shortcutOf(key('l', { metaKey: true }), false, false)).toBeNull();
    expect(shortcutOf(key('v', { altKey: true }), false, false)).toBeNull();
    expect(shortcutOf(key('?'), false, true)).toBeNull();
  });
});
