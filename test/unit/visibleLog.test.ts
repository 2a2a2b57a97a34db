import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../shared/domain/events';
import { PUBLIC, visibleEvents, type Audience, type Disclosure } from '../../shared/views/visibility';

const FACILITATOR: Audience = { kind: 'facilitator' };
import { endPlanning, historyOf, newTestMatch } from '../support/newTestMatch';

// visibleEvents is the one cut of a log every door uses (match room, watch room, API, exports):
// here on a real four-quarter log, for each audience, with a spectator delay, a held quarter, and
// after the end.

function played(quarters: number): GameEvent[] {
  const m = newTestMatch({ players: 2, seed: 'visible-log' });
  for (let q = 0; q < quarters; q++) endPlanning(m);
  return historyOf(m);
}

const live = (over: Partial<Disclosure> = {}): Disclosure => ({ over: false, held: null, delay: 0, ...over });
const seat0 = { kind: 'seat', seat: 0 } as const;
/** Where quarter q's resolution starts in the log. */
const planningEnded = (log: readonly GameEvent[], q: number) => log.findIndex((e) => e.type === 'PlanningEnded' && e.data.quarter === q);
const resolvedQuarters = (events: readonly GameEvent[]) => events.flatMap((e) => (e.type === 'QuarterResolved' ? [e.data.quarter] : []));

describe('visibleEvents: which events of a log each audience sees', () => {
  const log = played(4);

  it('without a delay or a held quarter, everyone sees the whole log', () => {
    for (const audience of [PUBLIC, seat0, FACILITATOR]) expect(visibleEvents(log, audience, live())).toEqual(log);
  });

  it('a spectator delay cuts only the public, one quarter per step, at the opening of the quarter it shows', () => {
    expect(resolvedQuarters(log)).toEqual([1, 2, 3, 4]);
    const one = visibleEvents(log, PUBLIC, live({ delay: 1 }));
    const two = visibleEvents(log, PUBLIC, live({ delay: 2 }));
    expect(resolvedQuarters(one)).toEqual([1, 2, 3]);
    expect(resolvedQuarters(two)).toEqual([1, 2]);
    expect(one.at(-1)).toMatchObject({ type: 'PlanningOpened', data: { quarter: 4 } });
    expect(one).toEqual(log.slice(0, one.length));
    expect(visibleEvents(log, seat0, live({ delay: 2 }))).toEqual(log);
    expect(visibleEvents(log, FACILITATOR, live({ delay: 2 }))).toEqual(log);
  });

  it('a held quarter is cut from players and public (controls after it stay), not from the facilitator', () => {
    const held = live({ held: 4 });
    const cut = planningEnded(log, 4);
    expect(cut).toBeGreaterThan(0);
    expect(visibleEvents(log, seat0, held)).toEqual(log.slice(0, cut));
    expect(resolvedQuarters(visibleEvents(log, PUBLIC, held))).toEqual([1, 2, 3]);
    expect(visibleEvents(log, FACILITATOR, held)).toEqual(log);
    // With a delay on top, the public is cut from the players' log, not from the whole one.
    expect(resolvedQuarters(visibleEvents(log, PUBLIC, live({ held: 4, delay: 1 })))).toEqual([1, 2]);
  });

  it('once the match is over, everyone sees everything', () => {
    const over = live({ over: true, held: 4, delay: 2 });
    for (const audience of [PUBLIC, seat0, FACILITATOR]) expect(visibleEvents(log, audience, over)).toEqual(log);
  });
});
