import type { GameState } from '../../shared/domain/state';

export const SPECTATOR_DELAYED = 'SPECTATOR_DELAYED';
/** Close code for spectators of the match room once a delay is set (they rejoin the watch room). */
export const SPECTATOR_DELAYED_CLOSE_CODE = 4011;

export function spectatorDelayed(state: Pick<GameState, 'settings'>): boolean {
  return (state.settings.spectatorDelay ?? 0) > 0;
}
