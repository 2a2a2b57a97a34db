import type { SeatIndex } from '../domain/ids';

/** Who is looking: a seat's player, a read-only spectator, or a classroom's facilitator. */
export type Viewer = { role: 'player'; seat: SeatIndex } | { role: 'spectator' } | { role: 'facilitator' };
