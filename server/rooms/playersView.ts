import type { GameEvent } from '../../shared/domain/events';
import type { GameState } from '../../shared/domain/state';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { fold } from '../../shared/replay/fold';
import { evolveAll } from '../../shared/rules/evolve';
import { controlEvents, heldQuarter } from '../../shared/rules/reveal';
import { quarterEvents } from '../../shared/views/quarterReport';
import { disclosureOf, seatsEvents } from '../../shared/views/visibility';

/**
 * What the players of a match see of it, which a staged reveal holds back: while the facilitator
 * has not released a resolved quarter, the state before that resolution (plus the facilitator's
 * controls since), and the last quarter whose report they may read. The match room projects
 * `shown` and `lastQuarter`; the rules of what is held are shared/rules/reveal's.
 */
export class PlayersView {
  /** The state players see while a resolution is held; null when they see the live one. */
  private before: GameState | null = null;
  /** The held resolution's events, reported once released. */
  private heldEvents: readonly EventEnvelope[] | null = null;
  /** The events of the last resolved quarter the players may read (its report). */
  lastQuarter: readonly EventEnvelope[] | null = null;
  /** The match's live state as of the last update. */
  live: GameState;

  /** From a match's stored log and its live state (the room's start, also after a restart). */
  constructor(log: readonly EventEnvelope[], live: GameState) {
    this.live = live;
    const held = heldQuarter(live);
    if (held !== null) {
      this.before = fold(seatsEvents(log, disclosureOf(live)));
      this.heldEvents = quarterEvents(log, held);
    }
    const shown = this.shown;
    const resolved = shown.status === 'ended' ? shown.quarter : shown.quarter - 1;
    this.lastQuarter = resolved >= 1 ? quarterEvents(log, resolved) : null;
  }

  /** The state players and spectators of the match room see. */
  get shown(): GameState {
    return this.before ?? this.live;
  }

  /**
   * After stored events: follows the live state, holds or releases a resolution. Says whether the
   * players' report changed (a quarter resolved in view, or a held one was released).
   */
  update(events: readonly EventEnvelope[], next: GameState): { reportChanged: boolean } {
    const prior = this.live;
    this.live = next;
    const start = events.findIndex((e) => e.type === 'PlanningEnded');
    const end = events.findIndex((e) => e.type === 'QuarterResolved');
    const resolution = start >= 0 && end >= start ? events.slice(start, end + 1) : null;
    if (heldQuarter(next) !== null) {
      // Held: players keep the state they had, plus the facilitator's controls.
      if (resolution) this.heldEvents = resolution;
      this.before = evolveAll(this.before ?? prior, controlEvents(events).map((e) => ({ type: e.type, data: e.data }) as GameEvent));
      return { reportChanged: false };
    }
    const released = this.before !== null;
    this.before = null;
    if (resolution) this.lastQuarter = resolution;
    else if (released && this.heldEvents) this.lastQuarter = this.heldEvents;
    if (released) this.heldEvents = null;
    return { reportChanged: resolution !== null || released };
  }
}
