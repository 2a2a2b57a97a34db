import type { RoomSeat, WorldModel } from '../../game/worldModel';
import type { LineId } from '../../../../shared/scenario/types';
import { clear, h } from '../dom';
import './worldTwin.css';

/** One table of the text twin: a caption, the column heads, the rows (the first cell heads its row). */
export interface TwinTable {
  id: string;
  caption: string;
  /** Column heads; null for a two-column list of facts (each row headed by its first cell). */
  head: string[] | null;
  rows: string[][];
}

/** The words of the twin, in the reader's language (twinWords() in worldWords.ts). */
export interface TwinWords {
  lines: Record<LineId, string>;
  line: string;
  captions: { race: string; lines: string; shared: string; cities: string; licenses: string; regions: string; factory: string; foundry: string };
  player: string;
  you: string;
  loop: string;
  loopHead: string;
  streak: string;
  closed: string;
  progress: string;
  milestone: string;
  fleet: string;
  cars: string;
  robots: string;
  satellites: string;
  chipGeneration: string;
  permits: string;
  licenses: string;
  chips: string;
  capability: string;
  autonomy: string;
  adoption: string;
  foundry: string;
  hidden: string;
  city: string;
  slots: string;
  needs: string;
  holders: string;
  open: string;
  /** The cities' fleets and rides column, and its units. */
  fleets: string;
  units: { cars: string; rides: string; satellites: string; subscribers: string };
  overhead: string;
  noFootprint: string;
  region: string;
  band: string;
  bandName: (band: string) => string;
  holder: string;
  auction: string;
  auctionNow: string;
  unsold: string;
  plants: string;
  robotLines: string;
  actuators: string;
  inventory: string;
  deployed: string;
  building: string;
  soldLast: string;
  chipsWon: string;
  noAuction: string;
  pricePerChip: string;
  chipsOffered: string;
  chipsSold: string;
  count: (n: number) => string;
  price: (usd: number) => string;
}

const LINES: LineId[] = ['robotaxi', 'robots', 'satellites'];
const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The world as text: every fact the canvas draws (the world model) and every seat's public
 * position in the race, as tables a screen reader can walk. Seats are named, never only coloured;
 * the reader's own seat (none for a spectator) says so.
 */
export function worldTwin(model: WorldModel, seats: readonly RoomSeat[], streakNeeded: number, w: TwinWords, reader: number | null): TwinTable[] {
  const name = (seat: number) => `${model.names[seat] ?? `#${seat + 1}`}${seat === reader ? ` (${w.you})` : ''}`;
  const loop = (l: { strength: number; streak: number; closedQuarter?: number | null }) =>
    l.closedQuarter ? `${w.closed} Q${l.closedQuarter}` : `${pct(Math.min(l.strength, 9.99))} · ${l.streak}/${streakNeeded}`;
  const known = (v: number | null, show: (n: number) => string) => (v === null ? w.hidden : show(v));
  const building = (now: number, later: number) => `${w.count(now)}${later > 0 ? ` (+${w.count(later)} ${w.building})` : ''}`;
  const tables: TwinTable[] = [
    {
      id: 'twin-race',
      caption: w.captions.race,
      head: [w.player, ...LINES.map((l) => `${w.lines[l]}: ${w.loop} (${w.streak})`), w.cars, w.robots, w.satellites, w.chipGeneration, w.permits, w.licenses],
      rows: seats.map((s) => [
        name(s.seat),
        ...LINES.map((l) => loop(s.loops[l])),
        w.count(s.cars),
        w.count(s.robotsDeployed),
        w.count(s.satellites),
        s.chipGeneration,
        w.count(s.permits.length),
        w.count(s.licenses.length),
      ]),
    },
    {
      id: 'twin-lines',
      caption: `${w.captions.lines}: ${name(model.focusSeat)}`,
      head: [w.line, w.loopHead, w.progress, w.milestone, w.fleet],
      rows: LINES.map((l) => {
        const lane = model.lanes[l];
        return [w.lines[l], lane.closed ? `${w.closed} Q${lane.closed}` : pct(Math.min(lane.strength, 9.99)), pct(lane.milestone), lane.milestoneText, lane.stat];
      }),
    },
    {
      id: 'twin-shared',
      caption: w.captions.shared,
      head: null,
      rows: [
        [w.chipGeneration, model.shared.chipGeneration],
        [w.chips, known(model.shared.chips, w.count)],
        [w.capability, known(model.shared.capability, (n) => w.count(n))],
        [w.autonomy, known(model.autonomy, (n) => w.count(n))],
        [w.adoption, known(model.orbit.adoption, pct)],
        [w.satellites, w.count(model.orbit.satellites)],
        [w.foundry, model.shared.foundryPriceUsd > 0 ? w.price(model.shared.foundryPriceUsd) : '—'],
      ],
    },
    {
      id: 'twin-cities',
      caption: w.captions.cities,
      head: [w.city, w.slots, w.needs, w.holders, w.fleets],
      rows: model.cities.map((c) => [
        c.name,
        `${w.count(c.holders.length)}/${w.count(c.slots)}`,
        `${w.autonomy} ${w.count(c.minAutonomy)}`,
        [...c.holders.map(name), ...(c.open ? [`${w.count(c.slots - c.holders.length)} ${w.open}`] : [])].join(', '),
        c.fleets
          .map((f) => {
            const r = c.rides?.served.find((s) => s.seat === f.seat);
            return `${name(f.seat)}: ${w.count(f.cars)} ${w.units.cars}${r ? ` · ${w.count(r.served)} ${w.units.rides}` : ''}`;
          })
          .join('; ') || '—',
      ]),
    },
    {
      id: 'twin-licenses',
      caption: w.captions.licenses,
      head: [w.region, w.band, w.holder, w.auction],
      rows: model.orbit.licenses.map((l) => [
        model.orbit.regions.find((r) => r.id === l.region)?.name ?? l.region,
        w.bandName(l.band),
        l.holder === null ? w.unsold : name(l.holder),
        l.holder !== null || l.auctionQuarter === null ? '—' : l.auctionQuarter === model.quarter ? w.auctionNow : `Q${l.auctionQuarter}`,
      ]),
    },
    {
      id: 'twin-regions',
      caption: w.captions.regions,
      head: [w.region, w.overhead],
      rows: model.regions.map((r) => [
        r.name,
        r.footprints.map((f) => `${name(f.seat)}: ${w.count(f.satellites)} ${w.units.satellites}${f.subscribers === null ? '' : ` · ${w.count(f.subscribers)} ${w.units.subscribers}`}`).join('; ') ||
          w.noFootprint,
      ]),
    },
  ];
  tables.push(...factoryTables(model, w, name, building));
  return tables;
}

/**
 * Every seat's factory (public numbers; plants, lines and stock where its books are open: the
 * reader's own, or all once the match is over) and last quarter's chip auction.
 */
function factoryTables(model: WorldModel, w: TwinWords, name: (seat: number) => string, building: (now: number, later: number) => string): TwinTable[] {
  const { rows, foundry } = model.factories;
  const books = (row: (typeof rows)[number], show: (b: NonNullable<(typeof rows)[number]['books']>) => string) => (row.books ? show(row.books) : w.hidden);
  return [
    {
      id: 'twin-factories',
      caption: w.captions.factory,
      head: [w.player, w.deployed, w.soldLast, w.plants, w.robotLines, w.actuators, w.inventory],
      rows: rows.map((row) => [
        name(row.seat),
        w.count(row.deployed),
        row.sold === null ? '—' : w.count(row.sold),
        books(row, (b) => building(b.plants, b.plantsBuilding)),
        books(row, (b) => building(b.lines, b.linesBuilding)),
        books(row, (b) => w.count(b.actuators)),
        books(row, (b) => w.count(b.inventory)),
      ]),
    },
    {
      id: 'twin-foundry',
      caption: w.captions.foundry,
      head: null,
      rows: foundry
        ? [
            [w.pricePerChip, foundry.priceUsd === null ? '—' : w.price(foundry.priceUsd)],
            [w.chipsOffered, w.count(foundry.supply)],
            [w.chipsSold, w.count(foundry.sold)],
            ...rows.map((row, i) => [`${w.chipsWon}: ${name(row.seat)}`, w.count(foundry.won[i] ?? 0)]),
          ]
        : [[w.chipsOffered, w.noAuction]],
    },
  ];
}

/** Draws the tables into `box` (the "Table" view beside the canvas), replacing what was there. */
export function renderTwin(box: HTMLElement, tables: readonly TwinTable[]): void {
  clear(box);
  for (const table of tables)
    box.append(
      h(
        'table',
        { id: table.id, class: 'twin' },
        h('caption', {}, table.caption),
        table.head ? h('thead', {}, h('tr', {}, ...table.head.map((c) => h('th', { scope: 'col' }, c)))) : null,
        h('tbody', {}, ...table.rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first ?? ''), ...rest.map((c) => h('td', {}, c))))),
      ),
    );
}
