import type { GameState } from '../../shared/domain/state';
import { fold, stateHash } from '../../shared/replay/fold';
import { heldQuarter, matchOver } from '../../shared/rules/reveal';
import { disclosureOf, PUBLIC, seesWholeLog, visibleEvents } from '../../shared/views/visibility';
import type { EventEnvelope } from '../../shared/replay/envelope';
import type { MatchListing, MatchStatus } from '../../shared/wire/matches';
import type { MatchRecord } from '../store/EventStore';

export type { MatchListing };

/** The store's status for a state: the lobby waits, a match that is over is finished (a last quarter still held is not). */
export function statusOf(state: GameState): MatchStatus {
  if (state.status === 'expired') return 'expired';
  if (state.status === 'lobby') return 'waiting';
  return matchOver(state) ? 'finished' : 'live';
}

/** The fields of a state its listing depends on: the listing is written again only when this changes. */
export function listingKey(state: GameState): string {
  const seats = state.seats.map((s) => `${s.kind}:${s.bot?.strategy ?? ''}:${s.name}`).join('|');
  return `${statusOf(state)}/${state.quarter}/${heldQuarter(state)}/${state.settings.spectatorDelay ?? 0}/${state.result?.winner ?? ''}/${seats}`;
}

/** The listing's fields of a state the public may see (cut to the spectators' delay while live). */
export function listingOf(record: Pick<MatchRecord, 'matchId' | 'joinCode' | 'classroom'>, shown: GameState, status: MatchStatus): MatchListing {
  const listing: MatchListing = {
    matchId: record.matchId,
    joinCode: record.joinCode,
    status,
    classroom: record.classroom,
    quarter: shown.quarter,
    quarters: shown.scenario.quarters,
    seats: shown.seats.map((s) => (s.bot ? { name: s.name, bot: true, strategy: s.bot.strategy } : { name: s.name, bot: false })),
    openSeats: shown.seats.filter((s) => s.kind === 'open').length,
  };
  if (shown.result) listing.winner = shown.result.winner;
  return listing;
}

/**
 * The public listing of a match from its live state: the state itself when a spectator sees all
 * of it, else the fold of what they may see of the log (read only then: a delay or a held quarter).
 */
export async function publicListing(
  record: Pick<MatchRecord, 'matchId' | 'joinCode' | 'classroom'>,
  state: GameState,
  version: number,
  readLog: () => Promise<readonly EventEnvelope[]>,
): Promise<MatchListing> {
  const d = disclosureOf(state);
  const status = statusOf(state);
  if (!seesWholeLog(PUBLIC, d)) return listingOf(record, fold(visibleEvents(await readLog(), PUBLIC, d)), status);
  const listing = listingOf(record, state, status);
  if (d.over) Object.assign(listing, { version, stateHash: stateHash(state) });
  return listing;
}
