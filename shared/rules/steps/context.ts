import type { GameEvent } from '../../domain/events';
import type { GameState } from '../../domain/state';
import type { Rng } from '../../random/prng';

/**
 * What a resolution step sees: a private working copy of the state that already holds every
 * event emitted before it, the generator, and `emit`, which records an event and applies it.
 */
export interface StepContext {
  readonly state: GameState;
  readonly quarter: number;
  readonly rng: Rng;
  emit(event: GameEvent): void;
}

export type ResolutionStep = (ctx: StepContext) => void;
