import type { PublicReport } from '../../../../shared/views/quarterReport';
import type { Loose } from '../../../../shared/wire/state';
import type { LineId } from '../../../../shared/scenario/types';
import { money, t, tf } from '../../i18n/i18n';

// What the screen reader hears that the eye sees elsewhere: one sentence when a quarter is over
// (its moments: the winner, loops closed, the reader's auctions; the reader's books and loops;
// the news), the timer running low, the connection coming back. The moments banner shows the
// same moments to the eye.

interface Words {
  headline: (cardId: string, recorded: string) => string;
}

/** The reader's loops at a quarter's end: how strong each open one is and its streak, or closed. */
export function loopsSentence(loops: Record<LineId, { strength: number; streak: number; closedQuarter?: number | null }>, need: number): string {
  const list = (['robotaxi', 'robots', 'satellites'] as const).map((line) => {
    const l = loops[line];
    return l.closedQuarter ? tf('sayLoopClosed', { line: t(line) }) : tf('sayLoopOpen', { line: t(line), pct: `${Math.round(Math.min(l.strength, 9.99) * 100)}%`, streak: l.streak, need });
  });
  return tf('sayLoops', { list: list.join(', ') });
}

/**
 * The sentence for a quarter just resolved: its moments (most important first), the reader's
 * cash and valuation and loops (a player), then the news.
 */
export function quarterSentence(pub: Loose<PublicReport>, books: { cash: number; valuation: number } | null, words: Words, moments: readonly string[] = [], loops: string | null = null): string {
  const parts = [tf('sayQuarterOver', { q: pub.quarter }), ...moments];
  if (books) parts.push(tf('sayBooks', { cash: money(books.cash), valuation: money(books.valuation) }));
  if (loops) parts.push(loops);
  for (const n of pub.news) parts.push(tf('sayNews', { headline: words.headline(n.cardId, n.headline) }));
  return parts.join(' ');
}
/** The timer's warnings: once when it reaches 60 seconds, once at 10 (null when it crossed neither). */
export function timerWarning(before: number | null, now: number): string | null {
  if (before === null || now >= before) return null;
  for (const mark of [10, 60]) if (before > mark && now <= mark) return tf('sayTimeLeft', { n: mark });
  return null;
}
