import type { ActiveShock, GameState } from '../domain/state';
import type { ShockEffect } from '../scenario/types';

type EffectOf<K extends ShockEffect['kind']> = Extract<ShockEffect, { kind: K }>;

/** The shocks of one kind in force in `quarter`. */
export function shocksInForce<K extends ShockEffect['kind']>(
  state: GameState,
  kind: K,
  quarter: number,
): Array<ActiveShock & { effect: EffectOf<K> }> {
  return state.shocks.active.filter(
    (a): a is ActiveShock & { effect: EffectOf<K> } =>
      a.effect.kind === kind && a.fromQuarter <= quarter && a.untilQuarter >= quarter,
  );
}

/** Product of the factors of every shock of this kind in force (1 when none). */
export function shockFactor(state: GameState, kind: 'foundrySupply' | 'actuatorCost', quarter: number): number {
  return shocksInForce(state, kind, quarter).reduce((f, s) => f * s.effect.factor, 1);
}
