import type { EventEnvelope } from '../../shared/replay/envelope';

const HIDDEN = { redacted: true } as const;

/**
 * A log as outsiders may read it while a match is live: sheets, bid limits and the generator's
 * state are replaced by a marker (the envelope keeps its hash, so a finished log can be checked).
 */
export function redactLive(e: EventEnvelope): EventEnvelope & { redacted?: true } {
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'OrdersSubmitted':
      return { ...e, data: { ...d, orders: HIDDEN } as never, redacted: true };
    case 'PlanningOpened':
      return { ...e, data: { ...d, standingOrders: HIDDEN } as never, redacted: true };
    case 'MatchCreated':
    case 'QuarterResolved':
      return { ...e, data: { ...d, rng: HIDDEN } as never, redacted: true };
    case 'FoundryAuctionCleared':
      return {
        ...e,
        data: { ...d, awards: (d.awards as Array<Record<string, unknown>>).map(({ seat, chips, paid }) => ({ seat, chips, paid })) } as never,
        redacted: true,
      };
    case 'SpectrumAuctionCleared':
      return { ...e, data: { ...d, bids: (d.bids as unknown[]).length } as never, redacted: true };
    default:
      return e;
  }
}
