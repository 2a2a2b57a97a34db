import type { PublicReport, SeatReport } from '../../../../shared/views/quarterReport';
import type { Loose } from '../../../../shared/wire/state';
import type { LineId } from '../../../../shared/scenario/types';
import { money, t, tf } from '../../i18n/i18n';

/** Something worth announcing from a quarter's results. */
export interface Moment {
  kind: 'win' | 'loss' | 'loop' | 'auctionWon' | 'auctionLost';
  /** It is the reader's own (their loop, their auction, their win). */
  mine: boolean;
  text: string;
  line?: LineId;
}

interface Names {
  seats: readonly string[];
  license: (id: string) => string;
}

/**
 * The moments of a quarter, most important first: the match's end (won or lost), loops closed
 * (anyone's), and the reader's spectrum auctions won or lost.
 */
export function momentsOf(pub: Loose<PublicReport>, own: Loose<SeatReport> | null, seat: number | null, names: Names): Moment[] {
  const who = (s: number) => names.seats[s] ?? `#${s + 1}`;
  const out: Moment[] = [];
  if (pub.ended) {
    const mine = pub.ended.winner === seat;
    out.push({ kind: mine ? 'win' : 'loss', mine, text: mine ? t('momentYouWin') : tf('momentWinner', { who: who(pub.ended.winner) }) });
  }
  for (const l of pub.loopsClosed) {
    const mine = l.seat === seat;
    out.push({ kind: 'loop', mine, line: l.line, text: mine ? tf('momentYourLoop', { line: t(l.line) }) : tf('momentLoop', { who: who(l.seat), line: t(l.line) }) });
  }
  for (const bid of own?.spectrumBids ?? []) {
    const sale = pub.spectrum.find((s) => s.licenseId === bid.licenseId);
    out.push(
      bid.won
        ? { kind: 'auctionWon', mine: true, text: tf('momentAuctionWon', { license: names.license(bid.licenseId), price: money(bid.price) }) }
        : { kind: 'auctionLost', mine: true, text: tf('momentAuctionLost', { license: names.license(bid.licenseId), price: money(sale?.price ?? 0) }) },
    );
  }
  return out;
}
