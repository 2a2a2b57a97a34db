import type { Command } from '../../shared/domain/commands';
import type { GameEvent } from '../../shared/domain/events';
import type { Actor } from '../../shared/domain/ids';
import type { Orders } from '../../shared/domain/orders';
import type { Scenario } from '../../shared/scenario/types';
import { LocalMatch } from '../../shared/sim/LocalMatch';

export interface TestMatchOptions {
  players?: number;
  seed?: string;
  scenario?: Scenario;
  winLoops?: number;
  /** Claim every seat as a human; otherwise only seat 0 is human and StartMatch fills bots. */
  allHumans?: boolean;
}

/** A match in quarter 1's planning, built through commands like any real one. */
export function newTestMatch(opts: TestMatchOptions = {}): LocalMatch {
  const players = opts.players ?? 2;
  const m = new LocalMatch('test-match');
  m.exec({
    type: 'CreateMatch',
    data: {
      matchId: 'test-match',
      seed: opts.seed ?? 'seed-1',
      seats: players,
      winLoops: opts.winLoops ?? 2,
      planningSeconds: 0,
      ...(opts.scenario ? { scenario: opts.scenario } : {}),
    },
  });
  const humans = opts.allHumans === false ? 1 : players;
  for (let i = 0; i < humans; i++) m.exec({ type: 'ClaimSeat', data: { seat: i, name: `Player ${i + 1}` } });
  m.exec({ type: 'StartMatch', data: {} });
  return m;
}

/** The events of a test match so far, for given(...). */
export function historyOf(m: LocalMatch): GameEvent[] {
  return m.log.map((e) => ({ type: e.type, data: e.data }) as GameEvent);
}

export const asPlayer = (seat: number): Actor => ({ role: 'player', seat });

export function submit(m: LocalMatch, seat: number, orders: Orders): void {
  m.exec({ type: 'SubmitOrders', data: { seat, quarter: m.state.quarter, orders } }, asPlayer(seat));
}

export function endPlanning(m: LocalMatch): GameEvent[] {
  return m.exec({ type: 'EndPlanning', data: { quarter: m.state.quarter } });
}

export function command<T extends Command['type']>(type: T, data: Extract<Command, { type: T }>['data']): Command {
  return { type, data } as Command;
}
