import { botCommands } from '../../shared/bots/botTurn';
import type { Command } from '../../shared/domain/commands';
import { RuleError } from '../../shared/domain/errors';
import type { GameEvent } from '../../shared/domain/events';
import type { Actor } from '../../shared/domain/ids';
import type { GameState } from '../../shared/domain/state';
import { sealEvents, type EventEnvelope } from '../../shared/replay/envelope';
import { fold } from '../../shared/replay/fold';
import { decideNext } from '../../shared/rules/decide';
import { initialState } from '../../shared/rules/initialState';
import { heldQuarter } from '../../shared/rules/reveal';
import { viewFor } from '../../shared/views/viewFor';
import { type EventStore, type MatchRecord, type MatchStatus, StoreError } from '../store/EventStore';
import type { HostClock } from './clock';
import { nativeSha256Hex } from './digest';
import { listingKey, publicListing, statusOf } from './listing';

export type Outcome = { ok: true; seq: number; events: readonly GameEvent[] } | { ok: false; code: string; message: string };
export type HostListener = (events: readonly EventEnvelope[], state: GameState) => void;

const SYSTEM: Actor = { role: 'system' };
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One live match on the server: every command goes decide → append (durable) → evolve, one at a
 * time, and only then is it acknowledged. The host also plays what the server itself owes the
 * match: bot seats, seats on autopilot, starting a full friends' match, ending planning when all
 * have locked, and the planning timer.
 */
export class MatchHost {
  private state: GameState;
  private last: Pick<EventEnvelope, 'seq' | 'hash'> | null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<HostListener>();
  private readonly lostListeners = new Set<() => void>();
  private readonly statusListeners = new Set<(status: MatchStatus) => void>();
  private readonly autopilot = new Set<number>();
  /** Seats whose player said they are ready (see quarterSeconds). */
  private readonly ready = new Set<number>();
  private readonly botTried = new Set<string>();
  private timer: { clear(): void } | null = null;
  private timerQuarter = 0;
  private timerDeadline = 0;
  private timerSeconds = 0;
  private expiry: { clear(): void } | null = null;
  private closed = false;
  /** listingKey of the listing last stored for this match. */
  private listedKey = '';

  private constructor(
    private readonly store: EventStore,
    readonly record: MatchRecord,
    private clock: HostClock,
    log: readonly EventEnvelope[],
    /** How long the match may wait in the lobby, from its creation (0: for ever). */
    private readonly waitingExpiryMs: number,
  ) {
    this.state = log.length > 0 ? fold(log) : initialState();
    const tail = log[log.length - 1];
    this.last = tail ? { seq: tail.seq, hash: tail.hash } : null;
  }

  /** A host for a stored match, its state folded back from the log (also after a restart). */
  static async open(store: EventStore, matchId: string, clock: HostClock, waitingExpiryMs = 0): Promise<MatchHost> {
    const record = await store.getMatch(matchId);
    if (!record) throw new Error(`No match ${matchId} in the store.`);
    const log = await store.read(matchId);
    const host = new MatchHost(store, record, clock, log, waitingExpiryMs);
    if (log.length > 0) await host.relist(async () => log);
    host.followUp();
    return host;
  }

  get matchId(): string {
    return this.record.matchId;
  }

  get version(): number {
    return this.last?.seq ?? 0;
  }

  /** The current state; read-only. */
  get current(): GameState {
    return this.state;
  }

  onChange(listener: HostListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs a command after every command before it; resolves when it is stored (or refused). */
  execute(command: Command | unknown, actor: Actor): Promise<Outcome> {
    const run = this.queue.then(() => this.apply(command, actor));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Queues a command the server owes the match (a bot's, the clock's), dropped if `still()` no
   * longer holds when its turn comes. Each waits for the event loop's next turn first: with the
   * store answering at once, a match of bots without a planning clock would otherwise play all its
   * quarters in one run of microtasks, and no socket, timer or other match would be served until it ended.
   */
  private owe(command: Command, actor: Actor, still: () => boolean = () => true): void {
    const run = this.queue.then(nextTurn).then(() => (still() ? this.apply(command, actor) : undefined));
    this.queue = run.catch(() => undefined);
  }

  /** Moves the planning timer onto another clock (a room's clock, once the room exists). */
  useClock(clock: HostClock): void {
    this.stopTimer();
    this.disarmExpiry();
    this.clock = clock;
    this.followUp();
  }

  /** When the running planning timer fires, in this host's clock time; 0 without one. */
  get deadline(): number {
    return this.timer ? this.timerDeadline : 0;
  }

  /** A human seat played by a bot while its player is away (or given back when they return). */
  setAutopilot(seat: number, on: boolean): void {
    if (on) this.autopilot.add(seat);
    else this.autopilot.delete(seat);
    this.followUp();
  }

  isAutopilot(seat: number): boolean {
    return this.autopilot.has(seat);
  }

  /** Waits for everything queued so far (tests, shutdown). */
  async idle(): Promise<void> {
    let seen: Promise<unknown> | null = null;
    while (seen !== this.queue) {
      seen = this.queue;
      await seen;
    }
  }

  /** Called with the store's status each time it changes (not a follower: see followed). */
  onStatus(listener: (status: MatchStatus) => void): void {
    this.statusListeners.add(listener);
  }

  /** Called once if this process stops hosting the match because another one took it over. */
  onLost(listener: () => void): void {
    this.lostListeners.add(listener);
  }

  /** Stops hosting at once (the lease is gone): nothing more is decided or stored here. */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopTimer();
    this.disarmExpiry();
    for (const listener of this.lostListeners) listener();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timer?.clear();
    this.timer = null;
    this.disarmExpiry();
    await this.idle();
  }

  private async apply(command: Command | unknown, actor: Actor): Promise<Outcome> {
    if (this.closed) return { ok: false, code: 'MATCH_CLOSED', message: 'The server is shutting this match down.' };
    let events: GameEvent[];
    let next: GameState;
    try {
      ({ events, next } = decideNext(this.state, command, { actor }));
    } catch (e) {
      if (e instanceof RuleError) return { ok: false, code: e.code, message: e.message };
      throw e;
    }
    const sealed = sealEvents(this.matchId, this.last, events, this.clock.now(), nativeSha256Hex);
    // Durable before anything else happens: the append is the acknowledgement.
    try {
      await this.store.append(this.matchId, this.version, sealed);
    } catch (e) {
      const moved = e instanceof StoreError && (e.code === 'LEASE_LOST' || e.code === 'VERSION_CONFLICT');
      // A one-process store that fails is a broken disk: stop as before, and recover from the log on restart.
      if (!moved && !this.store.leases) throw e;
      // Another process owns the match now, or the shared store failed: step aside, never merge. The
      // match is adopted again from its log (here or elsewhere) once the store answers.
      this.abandon();
      return moved
        ? { ok: false, code: 'MATCH_MOVED', message: 'Another server process hosts this match now; join it again.' }
        : { ok: false, code: 'STORE_UNAVAILABLE', message: 'The match could not be saved; nothing changed. Join it again in a moment.' };
    }
    const was = statusOf(this.state);
    this.state = next;
    this.last = { seq: sealed[sealed.length - 1]!.seq, hash: sealed[sealed.length - 1]!.hash };
    await this.recordStatus(was);
    await this.relist();
    // Timers first, so that listeners already see the new deadline.
    this.followUp();
    for (const listener of this.listeners) listener(sealed, this.state);
    return { ok: true, seq: this.last.seq, events };
  }

  /** The store's status follows the state's (listing's statusOf): waiting, live, finished or expired. */
  private async recordStatus(was: MatchStatus): Promise<void> {
    const now = statusOf(this.state);
    if (now === was) return;
    await this.store.setStatus(this.matchId, now, this.clock.now());
    for (const listener of this.statusListeners) listener(now);
  }

  /**
   * Stores the match's public listing when what it shows has changed (a seat, the quarter, the
   * status, the winner): a few writes a quarter, so lists never fold logs.
   */
  private async relist(readLog = () => this.store.read(this.matchId)): Promise<void> {
    const key = listingKey(this.state);
    if (key === this.listedKey) return;
    const listing = JSON.stringify(await publicListing(this.record, this.state, this.version, readLog));
    if (listing !== this.record.listing) await this.store.saveListing(this.matchId, listing);
    this.record.listing = listing;
    this.listedKey = key;
  }

  /** A match still in the lobby when its wait is over expires (a stored MatchExpired); timed from its creation, so also across restarts. */
  private armExpiry(): void {
    if (this.expiry || this.waitingExpiryMs <= 0) return;
    const wait = Math.max(0, this.record.createdAt + this.waitingExpiryMs - this.clock.now());
    this.expiry = this.clock.setTimeout(() => {
      this.expiry = null;
      this.owe({ type: 'ExpireMatch', data: {} }, SYSTEM, () => this.state.status === 'lobby');
    }, wait);
  }

  /** Stores MatchExpired now if the match is still in the lobby and its wait is over (the expiry sweep of unhosted matches). */
  async expireIfDue(): Promise<void> {
    if (this.waitingExpiryMs <= 0 || this.clock.now() < this.record.createdAt + this.waitingExpiryMs) return;
    this.disarmExpiry();
    const run = this.queue.then(() => (this.state.status === 'lobby' ? this.apply({ type: 'ExpireMatch', data: {} }, SYSTEM) : undefined));
    this.queue = run.catch(() => undefined);
    await run;
  }

  /** Whether anyone follows this host's changes (a room, a watch room). */
  get followed(): boolean {
    return this.listeners.size > 0;
  }

  private disarmExpiry(): void {
    this.expiry?.clear();
    this.expiry = null;
  }

  /** What the server does by itself after each change; each is an ordinary queued command. */
  private followUp(): void {
    if (this.closed) return;
    const s = this.state;
    if (s.status === 'lobby') this.armExpiry();
    else this.disarmExpiry();
    if (s.status === 'lobby' && !this.record.classroom && s.seats.length > 0 && s.seats.every((seat) => seat.kind !== 'open')) {
      this.owe({ type: 'StartMatch', data: {} }, SYSTEM);
      return;
    }
    if (s.status !== 'planning') {
      this.stopTimer();
      return;
    }
    // Paused, or results held for a staged reveal: no clock and no bot moves until the facilitator acts.
    if (s.paused || heldQuarter(s) !== null) {
      this.stopTimer();
      return;
    }
    // Every human player has left: the match waits for one to come back (no bot plays a person's
    // whole match in seconds), and the quarter's timer starts afresh when one does. A ranked match
    // goes on instead, its leavers' seats on autopilot, at each quarter's clock (never raced
    // through by bots): leaving cannot stall a match that is going badly, nor dodge its rating.
    const unattended = this.unattended();
    if (unattended && !s.settings.ranked) {
      this.stopTimer();
      return;
    }
    this.playBots();
    if (!unattended && s.players.every((p) => p.locked)) {
      this.stopTimer();
      // An unlock already queued runs first; planning then goes on.
      this.owe({ type: 'EndPlanning', data: { quarter: s.quarter } }, SYSTEM, () => this.state.players.every((p) => p.locked));
      return;
    }
    this.startTimer();
  }

  /** Every seat with a human player is on autopilot (a match of bots only is not unattended: it plays itself out). */
  private unattended(): boolean {
    const humans = this.state.seats.filter((seat) => seat.kind === 'human');
    return humans.length > 0 && humans.every((seat) => this.autopilot.has(seat.index));
  }

  private playBots(): void {
    const s = this.state;
    for (const seat of s.seats) {
      const p = s.players[seat.index]!;
      const spec = seat.kind === 'bot' ? seat.bot : this.autopilot.has(seat.index) ? { strategy: 'balanced' as const, difficulty: 'normal' as const } : undefined;
      if (!spec || p.locked) continue;
      const key = `${s.quarter}/${seat.index}`;
      if (this.botTried.has(key)) continue;
      this.botTried.add(key);
      const actor: Actor = { role: 'player', seat: seat.index };
      for (const command of botCommands(viewFor(s, actor), spec, s.seed)) this.owe(command, actor);
    }
  }

  /**
   * The planning timer: one per quarter, restarted from full length after a pause, a restart of
   * the server, or a new timer length from the facilitator.
   */
  private startTimer(): void {
    const s = this.state;
    const seconds = this.quarterSeconds();
    if (seconds === null) return this.stopTimer();
    if (this.timer && this.timerQuarter === s.quarter && this.timerSeconds === seconds) return;
    this.stopTimer();
    if (seconds <= 0) return;
    this.timerSeconds = seconds;
    const quarter = s.quarter;
    this.timerQuarter = quarter;
    this.timerDeadline = this.clock.now() + seconds * 1000;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.owe({ type: 'EndPlanning', data: { quarter } }, SYSTEM);
    }, seconds * 1000);
  }

  /**
   * How long this quarter's planning lasts, or null while it waits to start. Time to learn, in a
   * friends' or solo match (a facilitator's timer is never changed): with one human, the first
   * quarter's clock starts once that player is ready (their tour done, or none to show); with
   * several, the first quarter gets double time.
   */
  private quarterSeconds(): number | null {
    const s = this.state;
    const seconds = s.settings.planningSeconds;
    if (s.quarter !== 1 || this.record.classroom || seconds <= 0 || s.players.length === 0 || this.state.seats.some((seat) => seat.kind === 'open')) return seconds;
    // (A what-if fork starts later than quarter 1, so it is never held.)
    const humans = s.seats.filter((seat) => seat.kind === 'human');
    // A ranked match never waits for a player who may not come: its first quarter gets double time.
    if (humans.length > 1 || s.settings.ranked) return seconds * 2;
    if (humans.length === 1 && !this.ready.has(humans[0]!.index)) return null;
    return seconds;
  }

  /** A player is ready to play (their tour is done): a first quarter held for them starts its clock. */
  markReady(seat: number): void {
    if (this.ready.has(seat)) return;
    this.ready.add(seat);
    this.followUp();
  }

  private stopTimer(): void {
    this.timer?.clear();
    this.timer = null;
    this.timerQuarter = 0;
  }
}
