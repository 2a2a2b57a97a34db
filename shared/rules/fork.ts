import type { ForkMatch } from '../domain/commands';
import { RuleError } from '../domain/errors';
import type { GameEvent } from '../domain/events';
import type { DecideContext } from '../domain/ids';
import type { GameState, Seat } from '../domain/state';
import { stateHash } from '../replay/fold';

/**
 * A what-if: a new match that begins from another match's state after a resolved quarter. Its
 * first event carries that state and its hash, so the fork's log replays on its own and its
 * state after that event hashes exactly like the source's at that quarter. The fork then takes
 * its own id and seats and waits in the lobby until every open seat has a player.
 */
export function decideForkMatch(state: GameState, cmd: ForkMatch, ctx: DecideContext): GameEvent[] {
  if (ctx.actor.role !== 'system') throw new RuleError('NOT_ALLOWED', 'Only the server forks matches.');
  if (state.status !== 'new') throw new RuleError('MATCH_EXISTS', `Match ${state.matchId} already exists.`);
  const { matchId, sourceMatchId, quarter, state: source, seats } = cmd.data;
  if (source.status === 'ended') throw new RuleError('FORK_AFTER_END', `Match ${sourceMatchId} had ended by quarter ${quarter}: nothing is left to play.`);
  if (source.players.length === 0 || source.quarter !== quarter)
    throw new RuleError('FORK_NOT_A_QUARTER', `The state given is not match ${sourceMatchId} right after quarter ${quarter}.`);
  if (seats.length !== source.seats.length)
    throw new RuleError('FORK_SEATS', `Match ${sourceMatchId} has ${source.seats.length} seats; the fork named ${seats.length}.`);
  const forkSeats: Seat[] = seats.map((s, index) =>
    s.kind === 'bot'
      ? { index, name: `Bot ${index + 1} (${s.bot.strategy})`, kind: 'bot', bot: { ...s.bot } }
      : { index, name: '', kind: 'open' },
  );
  return [
    { type: 'MatchForked', data: { sourceMatchId, quarter, sourceStateHash: stateHash(source), state: source } },
    { type: 'ForkOpened', data: { matchId, seats: forkSeats } },
  ];
}
