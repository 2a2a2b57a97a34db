import type { GameState } from '../../shared/domain/state';
import { buildSnapshots, stateHash } from '../../shared/replay/fold';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { quarterLabel } from '../../shared/rules/calendar';
import { LINES } from '../../shared/scenario/types';
import type { MatchRecord } from '../store/EventStore';

export interface MatchSummary {
  matchId: string;
  joinCode: string;
  status: MatchRecord['status'];
  classroom: boolean;
  quarter: number;
  quarters: number;
  seats: Array<{ name: string; bot: boolean; strategy?: string }>;
  openSeats: number;
  /** seq of the last stored event, and the hash of the state it leads to (for audits and tests). */
  version: number;
  stateHash: string;
  winner?: number;
}

export function summarize(record: MatchRecord, state: GameState): MatchSummary {
  const summary: MatchSummary = {
    matchId: record.matchId,
    joinCode: record.joinCode,
    status: record.status,
    classroom: record.classroom,
    quarter: state.quarter,
    quarters: state.scenario.quarters,
    seats: state.seats.map((s) => (s.bot ? { name: s.name, bot: true, strategy: s.bot.strategy } : { name: s.name, bot: false })),
    openSeats: state.seats.filter((s) => s.kind === 'open').length,
    version: record.version,
    stateHash: stateHash(state),
  };
  if (state.result) summary.winner = state.result.winner;
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

/** One row per player per resolved quarter, from the log's quarter snapshots. */
export function exportCsv(log: readonly EventEnvelope[]): string {
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
          .map(cell)
          .join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}
