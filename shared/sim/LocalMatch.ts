import type { Command } from '../domain/commands';
import type { GameEvent } from '../domain/events';
import type { Actor } from '../domain/ids';
import type { GameState } from '../domain/state';
import { decide } from '../rules/decide';
import { evolveAll } from '../rules/evolve';
import { initialState } from '../rules/initialState';
import { sealEvents, type EventEnvelope } from '../replay/envelope';

const SYSTEM: Actor = { role: 'system' };

/**
 * A match held in memory, run through the same path as the server: decide → seal → evolve.
 * `at` is supplied by the caller (a counter in tests and simulations), never read from a clock.
 */
export class LocalMatch {
  state: GameState = initialState();
  readonly log: EventEnvelope[] = [];
  private tick = 0;

  constructor(readonly matchId: string) {}

  /** A match whose history is the given facts (a stored log, or a test's hypothetical past). */
  static fromEvents(matchId: string, history: readonly GameEvent[]): LocalMatch {
    const m = new LocalMatch(matchId);
    m.log.push(...sealEvents(matchId, null, history, 0));
    m.state = evolveAll(m.state, history);
    return m;
  }

  exec(command: Command, actor: Actor = SYSTEM): GameEvent[] {
    const events = decide(this.state, command, { actor });
    const sealed = sealEvents(this.matchId, this.log[this.log.length - 1] ?? null, events, ++this.tick);
    this.log.push(...sealed);
    this.state = evolveAll(this.state, events);
    return events;
  }
}
