import { type Client, Room, ServerError } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { z } from 'zod';
import { MATCH_MOVED_CLOSE_CODE } from '../../shared/domain/closeCodes';
import type { GameEvent } from '../../shared/domain/events';
import type { GameState } from '../../shared/domain/state';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { fold } from '../../shared/replay/fold';
import { applyEvent } from '../../shared/rules/evolve';
import { heldQuarter, resolvedQuarter } from '../../shared/rules/reveal';
import { disclosureOf, PUBLIC, visibleEvents } from '../../shared/views/visibility';
import { clonePlain } from '../../shared/util/clonePlain';
import { quarterEvents } from '../../shared/views/quarterReport';
import type { MatchHost } from '../match/MatchHost';
import { MatchState } from '../../shared/wire/state';
import { project } from './project';
import { roomContext } from './roomContext';
import { type Rejected, type SeatAssigned, type WatchInfo, tell } from './wire';


const watchOptionsSchema = z.strictObject({ matchId: z.string().min(1).max(64), spectate: z.literal(true).optional() });

/**
 * Spectators of one match, in a room of their own: its schema state is projected from the log
 * cut `spectatorDelay` quarters behind the players, so nothing newer ever leaves the server for
 * them. A player's private fields never reach this room's clients (nobody here holds a view).
 */
export class WatchRoom extends Room<{ state: MatchState }> {
  private host!: MatchHost;
  private log: EventEnvelope[] = [];
  /** The spectators' state, the events folded into it, and the held quarter it was cut for. */
  private shown: GameState | null = null;
  private folded = 0;
  private foldedHeld: number | null = null;
  private stopListening: () => void = () => undefined;
  private lastInfo = '';

  override messages = {
    '*': (client: Client) => {
      const rejected: Rejected = { id: null, code: 'READ_ONLY', message: 'Spectators watch; they cannot send commands.' };
      tell(client, 'rejected', rejected);
    },
  };

  override async onCreate(options: unknown): Promise<void> {
    const parsed = watchOptionsSchema.safeParse(options);
    if (!parsed.success) throw new ServerError(400, 'MALFORMED_OPTIONS: watch with {matchId}.');
    const { registry } = roomContext();
    const record = await registry.find(parsed.data.matchId);
    if (!record) throw new ServerError(404, `MATCH_NOT_FOUND: there is no match "${parsed.data.matchId}".`);
    this.host = await registry.open(record.matchId);
    // Another process took the match over: spectators join its watch room there.
    this.host.onLost(() => void this.disconnect(MATCH_MOVED_CLOSE_CODE));
    // Listen before reading, so that nothing stored while the log is read goes missing.
    const early: EventEnvelope[] = [];
    let ready = false;
    this.stopListening = this.host.onChange((events) => {
      if (!ready) return void early.push(...events);
      this.log.push(...events);
      this.update();
    });
    const stored = await registry.store.read(record.matchId);
    const lastSeq = stored[stored.length - 1]?.seq ?? 0;
    this.log = [...stored, ...early.filter((e) => e.seq > lastSeq)];
    ready = true;
    this.setState(new MatchState());
    this.update();
  }

  override onJoin(client: Client): void {
    client.view = new StateView();
    const assigned: SeatAssigned = { role: 'spectator', seat: null, token: null };
    tell(client, 'seat', assigned);
    tell(client, 'watch', this.info());
    this.openBooksIfEnded();
  }

  /** After the match every book is open to everyone, as in the match room. */
  private openBooksIfEnded(): void {
    if (this.shown?.status !== 'ended') return;
    for (const c of this.clients) for (const row of this.state.players) if (c.view && !c.view.has(row)) c.view.add(row);
  }

  private tell(): void {
    const info = JSON.stringify(this.info());
    if (info === this.lastInfo) return;
    this.lastInfo = info;
    this.broadcast('watch', this.info());
  }

  override async onDispose(): Promise<void> {
    this.stopListening();
    if (this.host) await roomContext().registry.release(this.host);
  }

  private info(): WatchInfo {
    const live = this.host.current;
    return { delay: live.settings.spectatorDelay ?? 0, shownQuarter: this.shown?.quarter ?? 0, liveQuarter: live.quarter };
  }

  /** Re-cuts the log after a change; folds on from the last cut when the new one only adds events. */
  private update(): void {
    const live = this.host.current;
    const held = heldQuarter(live);
    // The same rule as every other door: spectators see what the public may see.
    const visible = visibleEvents(this.log, PUBLIC, disclosureOf(live));
    const cut = visible.length;
    if (this.shown === null || held !== this.foldedHeld || cut < this.folded) {
      this.shown = fold(visible);
    } else if (cut > this.folded) {
      const next = clonePlain(this.shown);
      for (const e of visible.slice(this.folded)) applyEvent(next, { type: e.type, data: e.data } as GameEvent);
      this.shown = next;
    } else {
      this.tell();
      return;
    }
    const grew = cut !== this.folded;
    this.folded = cut;
    this.foldedHeld = held;
    const resolved = resolvedQuarter(this.shown);
    const delayed = visible.at(-1) !== this.log.at(-1);
    project(
      this.state,
      this.shown,
      {
        // A class's code is for its class, not for whoever watches.
        joinCode: this.host.record.classroom ? '' : this.host.record.joinCode,
        classroom: this.host.record.classroom,
        connected: new Set(),
        autopilot: new Set(),
        // A running clock would tell which quarter the players are in now.
        deadline: delayed ? 0 : this.host.deadline,
        seq: cut,
      },
      grew && resolved >= 1 ? quarterEvents(visible, resolved) : null,
    );
    this.openBooksIfEnded();
    this.tell();
  }
}
