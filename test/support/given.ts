import { expect } from 'vitest';
import type { Command } from '../../shared/domain/commands';
import { RuleError } from '../../shared/domain/errors';
import type { GameEvent } from '../../shared/domain/events';
import type { Actor } from '../../shared/domain/ids';
import type { GameState } from '../../shared/domain/state';
import { decide } from '../../shared/rules/decide';
import { evolveAll } from '../../shared/rules/evolve';
import { initialState } from '../../shared/rules/initialState';

// given(events).when(command).then(events) / .thenRejects(code): rule tests read like rules.

export interface When {
  /** The exact events the command must produce. */
  then(expected: GameEvent[]): GameEvent[];
  /** Only the events of these types, in order, must equal `expected`. */
  thenIncludes(expected: GameEvent[]): GameEvent[];
  thenRejects(code: RuleError['code']): RuleError;
  /** The events, for tests that read figures out of them. */
  events(): GameEvent[];
}

export interface Given {
  state: GameState;
  when(command: Command | unknown, actor?: Actor): When;
}

export function given(history: readonly GameEvent[]): Given {
  const state = evolveAll(initialState(), history);
  return {
    state,
    when(command, actor: Actor = { role: 'system' }) {
      const run = () => decide(state, command, { actor });
      return {
        then(expected) {
          const events = run();
          expect(events).toEqual(expected);
          return events;
        },
        thenIncludes(expected) {
          const events = run();
          const types = new Set(expected.map((e) => e.type));
          expect(events.filter((e) => types.has(e.type))).toEqual(expected);
          return events;
        },
        thenRejects(code) {
          let caught: unknown;
          try {
            run();
          } catch (e) {
            caught = e;
          }
          expect(caught, `expected ${code} but the command was accepted`).toBeInstanceOf(RuleError);
          expect((caught as RuleError).code).toBe(code);
          return caught as RuleError;
        },
        events: run,
      };
    },
  };
}
