import type { GameState } from '../../shared/domain/state';
import { buildSnapshots, stateHash, type Foldable } from '../../shared/replay/fold';
import { quarterLabel } from '../../shared/rules/calendar';
import { LINES } from '../../shared/scenario/types';
import { listingOf } from '../match/listing';
import type { MatchSummary } from '../../shared/wire/matches';

export type { MatchSummary };
import type { MatchRecord } from '../store/EventStore';
import { viewHash, type Audience } from '../../shared/views/visibility';

/** A classroom's code goes to its facilitator and to whoever already typed it, not to everyone with the id. */
export function joinCodeFor(record: Pick<MatchRecord, 'classroom' | 'joinCode'>, audience: Audience, byCode = false): string {
  return !record.classroom || byCode || audience.kind === 'facilitator' ? record.joinCode : '';
}

/** How a reader sees the match: the state they may see, its last seq, and whether the join code is theirs to read. */
export interface SummaryOf {
  state: GameState;
  audience: Audience;
  version: number;
  over: boolean;
  /** Whether the reader looked the match up by its join code (so already knows it). */
  byCode?: boolean;
}

export function summarize(record: MatchRecord, of: SummaryOf): MatchSummary {
  const { state } = of;
  const summary: MatchSummary = { ...listingOf(record, state, record.status), joinCode: joinCodeFor(record, of.audience, of.byCode), version: of.version };
  if (of.over) summary.stateHash = stateHash(state);
  else summary.viewHash = viewHash(state, of.audience);
  return summary;
}

const CSV_COLUMNS = [
  'quarter',
  'label',
  'seat',
  'name',
  'cash_usd',
  'debt_usd',
  'valuation_usd',
  ...LINES.flatMap((l) => [`${l}_revenue_usd`, `${l}_spend_usd`, `${l}_loop_strength`, `${l}_loop_closed_quarter`]),
  'shared_spend_usd',
  'capability',
  'autonomy',
  'dexterity',
  'phone_adoption',
  'cars',
  'robots_deployed',
  'satellites',
] as const;

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Columns of a player's own books: blank, while the match is live, in rows the reader may not see in full. */
const PRIVATE_COLUMNS = new Set<string>([
  'cash_usd',
  'debt_usd',
  ...LINES.flatMap((l) => [`${l}_revenue_usd`, `${l}_spend_usd`]),
  'shared_spend_usd',
  'capability',
  'autonomy',
  'dexterity',
  'phone_adoption',
]);

/**
 * One row per player per resolved quarter, from the quarter snapshots of the events the reader may
 * see (visibleEvents); `canSee(seat)` says whose private columns they may read.
 */
export function exportCsv(log: readonly Foldable[], canSee: (seat: number) => boolean = () => true): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const snap of buildSnapshots(log)) {
    if (snap.quarter === 0) continue;
    const s = snap.state;
    for (const p of s.players) {
      rows.push(
        [
          snap.quarter,
          quarterLabel(s.scenario, snap.quarter),
          p.seat,
          s.seats[p.seat]!.name,
          p.cash,
          p.debt,
          p.valuation,
          ...LINES.flatMap((l) => [p.flows.revenue[l], p.flows.spend[l], Math.round(p.loops[l].strength * 1000) / 1000, p.loops[l].closedQuarter]),
          p.flows.spend.shared,
          Math.round(p.tech.capability * 100) / 100,
          Math.round(p.tech.autonomy * 100) / 100,
          Math.round(p.tech.dexterity * 100) / 100,
          Math.round(p.tech.phoneAdoption * 1000) / 1000,
          p.robotaxi.cars,
          p.robots.deployed,
          Math.round(p.satellites.satellites),
        ]
          .map((v, i) => (PRIVATE_COLUMNS.has(CSV_COLUMNS[i]!) && !canSee(p.seat) ? '' : cell(v)))
          .join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}
