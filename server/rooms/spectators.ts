import type { GameState } from '../../shared/domain/state';

export const SPECTATOR_DELAYED = 'SPECTATOR_DELAYED';

export function spectatorDelayed(state: Pick<GameState, 'settings'>): boolean {
  return (state.settings.spectatorDelay ?? 0) > 0;
}
