import type { PublicReport } from '../../../../shared/views/quarterReport';
import type { Loose } from '../../../../shared/wire/state';
import { money, tf } from '../../i18n/i18n';

// What the screen reader hears that the eye sees elsewhere: one sentence when a quarter is over,
// the timer running low, the connection coming back. (Loops closed, auctions and the winner are
// the moments banner's, which is a live region of its own.)

interface Words {
  headline: (cardId: string, recorded: string) => string;
}

/** The sentence for a quarter just resolved: the reader's cash and valuation (a player), then the news. */
export function quarterSentence(pub: Loose<PublicReport>, books: { cash: number; valuation: number } | null, words: Words): string {
  const parts = [tf('sayQuarterOver', { q: pub.quarter })];
  if (books) parts.push(tf('sayBooks', { cash: money(books.cash), valuation: money(books.valuation) }));
  for (const n of pub.news) parts.push(tf('sayNews', { headline: words.headline(n.cardId, n.headline) }));
  return parts.join(' ');
}

/** The timer's warnings: once when it reaches 60 seconds, once at 10 (null when it crossed neither). */
export function timerWarning(before: number | null, now: number): string | null {
  if (before === null || now >= before) return null;
  for (const mark of [10, 60]) if (before > mark && now <= mark) return tf('sayTimeLeft', { n: mark });
  return null;
}
