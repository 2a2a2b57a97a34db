import type { GameEvent } from '../domain/events';

type Typed = GameEvent;

/**
 * How many events of a live log a spectator may see with a delay of `delay` quarters: the log up
 * to the end of quarter (last resolved − delay) and its next planning opening. Before that
 * quarter exists, the log up to the first planning opening (the lobby and the start, no
 * results). Without a delay, or once the match has ended, the whole log.
 */
export function spectatorCut(events: readonly Typed[], delay: number): number {
  if (delay <= 0 || events.some((e) => e.type === 'MatchEnded')) return events.length;
  const ends = new Map<number, number>();
  let lastResolved = 0;
  let firstOpening = -1;
  events.forEach((e, i) => {
    if (e.type === 'PlanningOpened' && firstOpening < 0) firstOpening = i + 1;
    if (e.type === 'QuarterResolved') {
      const quarter = e.data.quarter;
      ends.set(quarter, events[i + 1]?.type === 'PlanningOpened' ? i + 2 : i + 1);
      lastResolved = quarter;
    }
  });
  const shown = ends.get(lastResolved - delay);
  if (shown !== undefined) return shown;
  return firstOpening < 0 ? events.length : firstOpening;
}
