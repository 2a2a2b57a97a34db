import type { LineId } from '../../../../shared/scenario/types';
import type { MessageKey } from '../../i18n/en';
import { money, number, seatName, t } from '../../i18n/i18n';

/** One figure of the header: what it is, its value, what it means. */
export interface HudItem {
  id: string;
  icon: string;
  label: string;
  value: string;
  tip: string;
  tone?: 'warn' | 'bad';
}

export interface HudInput {
  quarter: number;
  quarters: number;
  quarterLabel: string;
  deadline: number;
  paused: boolean;
  joinCode: string;
}

/** The header's figures: quarter and timer for everyone, money for a seated player. */
export function hudItems(s: HudInput, mine: { cash: number; debt: number; valuation: number } | null, now: number): HudItem[] {
  // Before the start there is no quarter to count yet: the header says the match has not begun.
  const quarter = s.quarter > 0 ? { label: `${t('quarter')} ${s.quarter}/${s.quarters}`, value: s.quarterLabel } : { label: `${t('quarter')} –/${s.quarters}`, value: t('notStarted') };
  const items: HudItem[] = [{ id: 'quarter', icon: 'chart', ...quarter, tip: t('tip_quarter') }];
  if (s.deadline > 0) {
    const left = Math.max(0, Math.round((s.deadline - now) / 1000));
    items.push({ id: 'timer', icon: 'clock', label: t('timeLeft'), value: `${left} s`, tip: t('tip_timer'), ...(left <= 10 ? { tone: 'warn' as const } : {}) });
  }
  if (mine) {
    items.push({ id: 'cash', icon: 'coin', label: t('cash'), value: money(mine.cash), tip: t('tip_cash') });
    if (mine.debt > 0) items.push({ id: 'debt', icon: 'coin', label: t('debtLabel'), value: money(mine.debt), tip: t('tip_debt'), tone: 'bad' });
    items.push({ id: 'valuation', icon: 'chart', label: t('valuation'), value: money(mine.valuation), tip: t('tip_valuation') });
  }
  // A classroom's spectators are not told its code (shared/views/visibility): no empty tile then.
  if (s.joinCode) items.push({ id: 'code', icon: 'loop', label: t('joinCodeLabel'), value: s.joinCode, tip: t('tip_joinCode') });
  return items;
}

export interface SeatLike {
  seat: number;
  name: string;
  kind: string;
  strategy: string;
  connected: boolean;
  autopilot?: boolean;
  locked: boolean;
  valuation: number;
  loopsClosed: number;
  /** Each line's loop: the quarter it closed in, if it has. */
  loops: Record<LineId, { strength: number; closedQuarter?: number | null }>;
}

export interface StandingRow {
  seat: number;
  rank: number;
  name: string;
  who: string;
  status: string;
  valuation: string;
  loops: number;
  closed: Array<{ line: LineId; quarter: number }>;
  me: boolean;
}

const LINE_ORDER: LineId[] = ['robotaxi', 'robots', 'satellites'];

/** The players table: ranked by loops closed, then valuation; names what kind of seat each is. */
export function standings(seats: SeatLike[], mySeat: number | null): StandingRow[] {
  const ranked = [...seats].sort((a, b) => b.loopsClosed - a.loopsClosed || b.valuation - a.valuation || a.seat - b.seat);
  return ranked.map((p, i) => {
    const loops = p.loops;
    return {
      seat: p.seat,
      rank: i + 1,
      name: p.name ? seatName(p.name) : '—',
      who: p.kind === 'bot' ? `${t('bot')} · ${t(`strategy_${p.strategy}` as MessageKey)}` : p.kind === 'open' ? t('waiting') : p.connected ? t('online') : t('offline'),
      status: p.locked ? t('locked') : '',
      valuation: money(p.valuation),
      loops: p.loopsClosed,
      closed: LINE_ORDER.flatMap((l) => (loops[l].closedQuarter ? [{ line: l, quarter: loops[l].closedQuarter }] : [])),
      me: p.seat === mySeat,
    };
  });
}

/** "Robotaxi Q9 · Satellites Q12", or the words for none. */
export function closedText(closed: StandingRow['closed']): string {
  return closed.length ? closed.map((c) => `${t(c.line)} Q${number(c.quarter)}`).join(' · ') : t('noLoops');
}
