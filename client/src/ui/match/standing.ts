import { milestoneChecks } from '../../../../shared/rules/lines/milestones';
import { perLine, type Scenario } from '../../../../shared/scenario/types';
import type { SeatReport } from '../../../../shared/views/quarterReport';
import type { Loose, SeatState } from '../../../../shared/wire/state';
import type { LoopStanding } from './loopChecklist';

/** Where the player's own lines stand on their loops, from its books, its row and its last report (null without books). */
export function loopStanding(row: SeatState, report: Loose<SeatReport> | null, sc: Scenario): LoopStanding | null {
  const books = row.own?.books?.toJSON();
  if (!books) return null;
  return {
    checks: milestoneChecks(books, sc),
    cash: report?.lines ? perLine((l) => ({ revenue: report.lines![l].revenue, spend: report.lines![l].spend })) : null,
    streak: perLine((l) => books.loops[l].streak),
    closed: perLine((l) => row.loops[l].closedQuarter ?? null),
    quarters: sc.loop.qualifyingQuarters,
    minStrength: sc.loop.minStrength,
  };
}
