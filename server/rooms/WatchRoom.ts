import { type Client, ServerError } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { z } from 'zod';
import { MATCH_MOVED_CLOSE_CODE } from '../../shared/domain/closeCodes';
import type { GameEvent } from '../../shared/domain/events';
import type { GameState } from '../../shared/domain/state';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { fold } from '../../shared/replay/fold';
import { applyEvent } from '../../shared/rules/evolve';
import { heldQuarter, resolvedQuarter } from '../../shared/rules/reveal';
import { disclosureOf, PUBLIC, spectatorsChat, visibleEvents } from '../../shared/views/visibility';
import { clonePlain } from '../../shared/util/clonePlain';
import { quarterEvents } from '../../shared/views/quarterReport';
import type { MatchHost } from '../match/MatchHost';
import { MatchState } from '../../shared/wire/state';
import { project } from './project';
import { QuietRoom } from './quietRoom';
import { roomContext } from './roomContext';
import { chatLine, isChat, RoomChat, speakerOf } from './roomChat';
import { type Rejected, type SeatAssigned, type WatchInfo, tell } from './wire';


function lastNotSpectatorsChat(log: readonly EventEnvelope[]): EventEnvelope | undefined {
  for (let i = log.length - 1; i >= 0; i--) if (!spectatorsChat(log[i]!)) return log[i];
  return undefined;
}

const watchOptionsSchema = z.strictObject({ matchId: z.string().min(1).max(64), spectate: z.literal(true).optional(), name: z.string().max(64).optional() });

/**
 * Spectators of one match, in a room of their own: its schema state is projected from the log
 * cut `spectatorDelay` quarters behind the players, so nothing newer ever leaves the server for
 * them. A player's private fields never reach this room's clients (nobody here holds a view).
 */
export class WatchRoom extends QuietRoom {
  private host!: MatchHost;
  private log: EventEnvelope[] = [];
  /** The spectators' state, the events folded into it, and the held quarter it was cut for. */
  private shown: GameState | null = null;
  private folded = 0;
  private foldedHeld: number | null = null;
  private stopListening: () => void = () => undefined;
  private lastInfo = '';
  private readonly chat = new RoomChat([]);
  /**
   * Each chat line's number here, by its seq in the log, given as the room first shows the line.
   * The log's seqs would tell a delayed audience how many events the live match has logged;
   * these only order what it was shown (the players' lines come behind the delay, so later).
   */
  private readonly lineNumbers = new Map<number, number>();
  /** The chat lines (by seq) every client here has been sent. */
  private readonly sentChat = new Set<number>();

  override messages = {
    say: (client: Client, message: unknown) => void this.onSay(client, message),
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

  override onJoin(client: Client, options: unknown): void {
    client.view = new StateView();
    const name = (options as { name?: unknown } | null)?.name;
    client.userData = { name: typeof name === 'string' && name.trim() ? name.trim() : 'Spectator' };
    const assigned: SeatAssigned = { role: 'spectator', seat: null, token: null };
    tell(client, 'seat', assigned);
    tell(client, 'watch', this.info());
    const live = this.host.current;
    const lines = visibleEvents(this.log, PUBLIC, disclosureOf(live)).filter(isChat);
    for (const e of lines) this.numbered(e.seq);
    const recent = lines.sort((a, b) => this.numbered(a.seq) - this.numbered(b.seq)).slice(-100);
    tell(client, 'chat', { lines: recent.map((e) => this.shownLine(e, live)) });
    this.openBooksIfEnded();
  }

  /** A spectator's line of chat, in the spectators' channel (the room speaks for them). */
  private async onSay(client: Client, message: unknown): Promise<void> {
    const id = (message as { id?: unknown } | null)?.id;
    const replyId = typeof id === 'number' || (typeof id === 'string' && id.length <= 64) ? id : null;
    const sender = { role: 'spectator' as const, seat: null, name: (client.userData as { name: string }).name };
    const read = this.chat.read(message, sender, speakerOf(sender, client.sessionId), Date.now());
    const outcome = 'code' in read ? ({ ok: false, ...read } as const) : await this.host.execute(read.command, read.actor);
    if (outcome.ok) tell(client, 'ack', { id: replyId, seq: this.numbered(outcome.seq) });
    else tell(client, 'rejected', { id: replyId, code: outcome.code, message: outcome.message });
  }

  /** Sends the chat lines that just became visible here (spectators' at once, players' behind the delay). */
  private sendNewChat(visible: readonly EventEnvelope[]): void {
    const live = this.host.current;
    const fresh = visible.filter(isChat).filter((e) => !this.sentChat.has(e.seq));
    if (fresh.length === 0) return;
    for (const e of fresh) this.sentChat.add(e.seq);
    this.broadcast('chat', { lines: fresh.map((e) => this.shownLine(e, live)) });
  }

  /** A line's number here (a new one the first time the room shows it). */
  private numbered(seq: number): number {
    let n = this.lineNumbers.get(seq);
    if (n === undefined) this.lineNumbers.set(seq, (n = this.lineNumbers.size + 1));
    return n;
  }

  private shownLine(e: Parameters<typeof chatLine>[0], live: GameState) {
    return { ...chatLine(e, live), seq: this.numbered(e.seq) };
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

  override onLeave(client: Client): void {
    this.chat.forget(`client:${client.sessionId}`);
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
    const seen = visibleEvents(this.log, PUBLIC, disclosureOf(live));
    this.sendNewChat(seen);
    // The spectators' own chat is seen live, ahead of the cut: it changes no state, so the fold leaves it out.
    const visible = seen.filter((e) => !spectatorsChat(e));
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
    const delayed = visible.at(-1) !== lastNotSpectatorsChat(this.log);
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
      },
      grew && resolved >= 1 ? quarterEvents(visible, resolved) : null,
    );
    this.openBooksIfEnded();
    this.tell();
  }
}
