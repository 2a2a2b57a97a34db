import type { SpectrumBid } from '../../domain/events';
import type { Rng } from '../../random/prng';

export interface SpectrumOutcome {
  winner: number | null;
  /** Whole dollars. */
  price: number;
}

/**
 * Sealed bid, second price: the highest bid at or above the reserve wins and pays the larger of
 * the second-highest bid and the reserve (a lone bidder pays the reserve). Equal top bids are
 * separated by the generator, and the winner then pays that same amount.
 */
export function clearSpectrum(bids: readonly SpectrumBid[], reserveM: number, rng: Rng): SpectrumOutcome {
  const valid = bids.filter((b) => b.amountM >= reserveM).sort((a, b) => b.amountM - a.amountM || a.seat - b.seat);
  if (valid.length === 0) return { winner: null, price: 0 };
  const top = valid[0]!.amountM;
  const tied = valid.filter((b) => b.amountM === top);
  const winner = tied.length > 1 ? tied[rng.int(tied.length)]!.seat : valid[0]!.seat;
  const second = tied.length > 1 ? top : (valid[1]?.amountM ?? reserveM);
  return { winner, price: Math.round(Math.max(second, reserveM) * 1_000_000) };
}
