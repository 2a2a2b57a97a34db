import { type Client, Room, ServerError } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { FLOODED_CLOSE_CODE, MATCH_MOVED_CLOSE_CODE, REVOKED_CLOSE_CODE, SPECTATOR_DELAYED_CLOSE_CODE } from '../../shared/domain/closeCodes';
import type { Actor } from '../../shared/domain/ids';
import type { GameState } from '../../shared/domain/state';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { heldQuarter } from '../../shared/rules/reveal';
import { z } from 'zod';
import type { MatchHost } from '../match/MatchHost';
import { RequestError } from '../match/MatchRegistry';
import { systemClock } from '../match/clock';
import { admit, MATCH_EXPIRED, type Seated } from './admission';
import { MatchState } from '../../shared/wire/state';
import { PlayersView } from './playersView';
import { SeatSessions } from './seatSessions';
import { project } from './project';
import { syncFields } from './sync';
import { RateLimiter } from './rateLimit';
import { roomContext } from './roomContext';
import { SPECTATOR_DELAYED, spectatorDelayed } from './spectators';
import { isTeamSeat, roster, type Member } from './teams';
import {
  type Ack,
  commandMessageSchema,
  MAX_MESSAGE_BYTES,
  MAX_MESSAGES_PER_SECOND,
  MAX_STRIKES,
  moveMemberSchema,
  readySchema,
  revokeMemberSchema,
  type Rejected,
  type SeatAssigned,
  tell,
} from './wire';
import { SeatCooldowns } from './floodCooldown';

interface ClientData extends Seated {
  limiter: RateLimiter;
  /** Counted among its seat's connections. */
  seated: boolean;
  /** Dropped for flooding: no grace window to reconnect in. */
  flooded?: boolean;
  /** Their credential was revoked: no grace window either. */
  revoked?: boolean;
}

/** Seconds a dropped player keeps the seat before a bot takes over until they come back. */
const RECONNECT_GRACE_SECONDS = 20;
const FINISHED_IDLE_MS = 60_000;
const roomOptionsSchema = z.object({ matchId: z.string().min(1).max(64) });

/**
 * The room adapts; the engine decides. A message becomes a command for the match host, which
 * decides, stores and applies it; the room then projects the new state onto its schema and
 * answers the sender with an ack or a refusal.
 */
export class MatchRoom extends Room<{ state: MatchState }> {
  // A match lives on without clients (bots, timers); the room goes when the match is over.
  override autoDispose = false;
  private host!: MatchHost;
  private sessions!: SeatSessions;
  /** What players see: held back by a staged reveal until the facilitator releases a quarter. */
  private view!: PlayersView;
  private readonly cooldowns = new SeatCooldowns();
  private readonly unfollow: Array<() => void> = [];
  private lobbyIdle: { clear(): void } | null = null;

  override messages = {
    command: (client: Client, message: unknown) => this.onCommand(client, message),
    moveMember: (client: Client, message: unknown) => this.onMoveMember(client, message),
    revokeMember: (client: Client, message: unknown) => this.onRevokeMember(client, message),
    ready: (client: Client, message: unknown) => this.onReady(client, message),
    '*': (client: Client, type: string | number) => {
      if (this.admitted(client, null)) this.refuse(client, null, 'UNKNOWN_MESSAGE', `There is no message "${String(type)}"; send "command".`);
    },
  };

  override async onCreate(options: unknown): Promise<void> {
    const { registry } = roomContext();
    // Made by the server for a new match, or by a client's joinOrCreate for a stored one that has no room yet.
    const parsed = roomOptionsSchema.safeParse(options);
    if (!parsed.success) throw new ServerError(400, 'MALFORMED_OPTIONS: join a match with {matchId}.');
    const record = await registry.store.getMatch(parsed.data.matchId);
    if (!record) throw new ServerError(404, `MATCH_NOT_FOUND: there is no match "${parsed.data.matchId}".`);
    if (record.status === 'expired') throw new ServerError(410, MATCH_EXPIRED);
    this.roomId = record.matchId;
    try {
      this.host = await registry.open(record.matchId);
    } catch (e) {
      if (e instanceof RequestError) throw new ServerError(409, `${e.code}: ${e.message}`);
      throw e;
    }
    this.sessions = new SeatSessions(
      (seat, on) => this.host.setAutopilot(seat, on),
      () => this.host.current.status === 'ended',
    );
    // Another process took the match over: its clients must join it again there.
    this.host.onLost(() => void this.disconnect(MATCH_MOVED_CLOSE_CODE));
    this.host.useClock({
      now: () => Date.now(),
      setTimeout: (fn, ms) => {
        const delayed = this.clock.setTimeout(fn, ms);
        return { clear: () => delayed.clear() };
      },
    });
    this.view = new PlayersView(await registry.store.read(record.matchId), this.host.current);
    this.setState(new MatchState());
    this.refresh(true);
    this.unfollow.push(this.host.onChange((events, next) => this.onEvents(events, next)));
    this.unfollow.push(this.host.onChange((_events, next) => spectatorDelayed(next) && this.dropSpectators()));
    this.armLobbyIdle();
    if (this.shown().status === 'ended') this.finish();
    // matchId too: it is what joinOrCreate('match', {matchId}) filters on (filterBy keeps it in the metadata, which this replaces).
    this.setMetadata({ matchId: this.host.matchId, joinCode: this.host.record.joinCode, classroom: this.host.record.classroom });
  }

  /** The state players and spectators see: the live one, or the one before a held resolution. */
  private shown(): GameState {
    return this.view.shown;
  }

  private onEvents(events: readonly EventEnvelope[], next: GameState): void {
    const priorStatus = this.view.live.status;
    let retired = false;
    for (const e of events) {
      if (e.type !== 'SeatReplaced') continue;
      this.retire(e.data.seat);
      retired = true;
    }
    const { reportChanged } = this.view.update(events, next);
    this.refresh(reportChanged, retired);
    if (next.status !== priorStatus) this.armLobbyIdle();
    if (this.shown().status === 'ended') this.finish();
  }

  /**
   * A waiting (or expired) match's room closes once nobody has been in it for the registry's
   * lobbyIdleMs, and its host is let go; a join makes both again (joinOrCreate). Not Colyseus'
   * autoDispose: a room turned back to autoDispose = false inside the second after a leave keeps a
   * stale dispose timer and then never disposes, which hung the server's shutdown.
   */
  private armLobbyIdle(): void {
    this.lobbyIdle?.clear();
    this.lobbyIdle = null;
    const waiting = () => this.host.current.status === 'lobby' || this.host.current.status === 'expired';
    if (!waiting() || this.clients.length > 0) return;
    this.lobbyIdle = this.clock.setTimeout(() => {
      this.lobbyIdle = null;
      if (waiting() && this.clients.length === 0) void this.disconnect();
    }, roomContext().registry.lobbyIdleMs);
  }

  /** A delay was just set: spectators here see live data, so they move to the watch room. */
  private dropSpectators(): void {
    for (const c of this.clients) if ((c.userData as ClientData | undefined)?.role === 'spectator') c.leave(SPECTATOR_DELAYED_CLOSE_CODE, SPECTATOR_DELAYED);
  }

  override async onAuth(_client: Client, rawOptions: unknown): Promise<Seated> {
    // Someone is coming in: an empty lobby stays open for them (and closes later if they are refused).
    this.lobbyIdle?.clear();
    this.lobbyIdle = null;
    try {
      return await admit(
        { registry: roomContext().registry, matchId: this.roomId, classroom: this.host.record.classroom, live: () => this.host.current, cooldowns: this.cooldowns, members: () => this.members() },
        rawOptions,
      );
    } catch (e) {
      this.armLobbyIdle();
      throw e;
    }
  }

  override onJoin(client: Client, _options: unknown, auth: Seated): void {
    const data: ClientData = { ...auth, limiter: new RateLimiter(MAX_MESSAGES_PER_SECOND), seated: false };
    client.userData = data;
    client.view = new StateView();
    if (auth.role === 'player' && auth.seat !== null) this.seatClient(client, auth.seat);
    if (this.shown().status === 'ended') for (const row of this.state.players) client.view.add(row);
    const assigned: SeatAssigned = { role: auth.role, seat: auth.seat, token: auth.newToken };
    tell(client, 'seat', assigned);
    this.refresh(false);
  }

  /** A dropped link (not a goodbye): the seat waits for its player for a grace window. */
  override async onDrop(client: Client): Promise<void> {
    const data = client.userData as ClientData | undefined;
    if (!data || data.role !== 'player' || data.seat === null) return;
    this.unseatClient(client);
    this.refresh(false);
    if (data.flooded) return this.awaitAfterFlood(data.seat);
    if (data.revoked) return;
    await this.allowReconnection(client, RECONNECT_GRACE_SECONDS).catch(() => undefined);
  }

  /**
   * A seat dropped for flooding keeps its sheet through its wait (no bot takes over at once); if
   * nobody is back when the wait and a grace window are over, a bot plays it as for any leaver.
   */
  private awaitAfterFlood(seat: number): void {
    const wait = this.cooldowns.waitLeft(seat, Date.now());
    this.clock.setTimeout(() => {
      this.sessions.away(seat);
    }, wait + RECONNECT_GRACE_SECONDS * 1000);
  }

  override onReconnect(client: Client): void {
    const data = client.userData as ClientData | undefined;
    if (data?.role === 'player' && data.seat !== null) this.seatClient(client, data.seat);
    this.refresh(false);
  }

  /** A goodbye, or a drop whose grace window ran out: a bot plays the seat until its owner returns. */
  override onLeave(client: Client): void {
    this.armLobbyIdle();
    const data = client.userData as ClientData | undefined;
    if (!data || data.role !== 'player' || data.seat === null) return;
    this.unseatClient(client);
    // (After a flood drop, awaitAfterFlood decides when a bot takes over.)
    if (!data.flooded) this.sessions.away(data.seat);
    this.refresh(false);
  }

  override async onDispose(): Promise<void> {
    for (const stop of this.unfollow) stop();
    // A waiting or finished match needs no host without its room (a live one keeps it: bots, timers,
    // now on the process's clock, as this room's stops).
    if (!this.host) return;
    const { registry } = roomContext();
    await registry.release(this.host);
    if (registry.loaded().includes(this.host)) this.host.useClock(systemClock);
    roomContext().log.info('room disposed', { matchId: this.roomId });
  }

  private seatClient(client: Client, seat: number): void {
    const data = client.userData as ClientData;
    if (!data.seated) {
      data.seated = true;
      this.sessions.join(seat);
    } else this.host.setAutopilot(seat, false);
    const row = this.state.players[seat];
    if (row && client.view && !client.view.has(row)) client.view.add(row);
  }

  private unseatClient(client: Client): void {
    const data = client.userData as ClientData;
    if (!data.seated || data.seat === null) return;
    data.seated = false;
    this.sessions.leave(data.seat);
  }

  /** After the match: every book is open to everyone, and the room goes once its last viewer leaves. */
  private finish(): void {
    for (const c of this.clients) for (const row of this.state.players) if (c.view && !c.view.has(row)) c.view.add(row);
    if (this.autoDispose) return;
    this.autoDispose = true;
    // Nobody watching: the log keeps the match, so an idle finished room can go now.
    if (this.clients.length === 0) this.clock.setTimeout(() => this.clients.length === 0 && void this.disconnect(), FINISHED_IDLE_MS);
  }

  /** A seat handed to a bot: its players (a whole team) watch from now on; their own books stay theirs to see. */
  private retire(seat: number): void {
    for (const c of this.clients) {
      const d = c.userData as ClientData | undefined;
      if (d?.role !== 'player' || d.seat !== seat) continue;
      this.unseatClient(c);
      d.role = 'spectator';
      d.seat = null;
      tell(c, 'seat', { role: 'spectator', seat: null, token: null });
    }
  }

  /** The students in the room, each with the seat whose team they play in. */
  private members(): Member[] {
    return this.clients.flatMap((c) => {
      const d = c.userData as ClientData | undefined;
      return d?.role === 'player' && d.seat !== null ? [{ id: c.sessionId, name: d.name ?? '', seat: d.seat }] : [];
    });
  }

  /**
   * A credential of a student's own for a seat (the team shares the seat, not the token): a fresh
   * token each time, so a newcomer never holds what another member holds.
   */
  private tokenFor(seat: number): Promise<string> {
    return roomContext().registry.issueSeatToken(this.roomId, seat);
  }

  /**
   * A facilitator's message about one student (move, revoke): admitted, from the facilitator,
   * well formed, and naming a student in the room; else refused and null.
   */
  private memberMessage<T extends { id?: string | number | undefined; memberId: string }>(
    client: Client,
    message: unknown,
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    what: string,
    shape: string,
  ): { id: string | number | null; data: T; member: Client; md: ClientData } | null {
    const parsed = schema.safeParse(message);
    const id = parsed.success ? (parsed.data.id ?? null) : null;
    if (!this.admitted(client, id)) return null;
    const refused = (code: string, text: string) => {
      this.refuse(client, id, code, text);
      return null;
    };
    if ((client.userData as ClientData).role !== 'facilitator') return refused('NOT_ALLOWED', `Only the facilitator can ${what}.`);
    if (!parsed.success) return refused('MALFORMED_COMMAND', `Send ${shape}.`);
    const member = this.clients.find((c) => c.sessionId === parsed.data.memberId && (c.userData as ClientData | undefined)?.role === 'player');
    if (!member) return refused('UNKNOWN_MEMBER', `No student ${parsed.data.memberId} is in this match.`);
    return { id, data: parsed.data, member, md: member.userData as ClientData };
  }

  /** The facilitator moves a student into another seat's team: their view and token follow. */
  private async onMoveMember(client: Client, message: unknown): Promise<void> {
    const asked = this.memberMessage(client, message, moveMemberSchema, 'move students between teams', '{id?, memberId, seat}');
    if (!asked) return;
    const { id, member, md } = asked;
    const seat = asked.data.seat;
    if (!isTeamSeat(this.host.current.seats, seat)) return this.refuse(client, id, 'NOT_A_TEAM', `Seat ${seat} is not played by students.`);
    const token = await this.tokenFor(seat);
    // Their credential follows them: the old seat's token is forgotten.
    if (md.heldToken) await roomContext().registry.revokeSeatToken(this.roomId, md.heldToken);
    md.heldToken = token;
    const from = md.seat!;
    this.unseatClient(member);
    const oldRow = this.state.players[from];
    if (oldRow && member.view?.has(oldRow) && this.shown().status !== 'ended') member.view.remove(oldRow);
    this.sessions.away(from);
    md.seat = seat;
    this.seatClient(member, seat);
    tell(member, 'seat', { role: 'player', seat, token });
    const ack: Ack = { id, seq: this.host.version };
    tell(client, 'ack', ack);
    this.refresh(false);
  }

  /** The facilitator revokes a student's credential: their token stops working and they leave (their team keeps the seat). */
  private async onRevokeMember(client: Client, message: unknown): Promise<void> {
    const asked = this.memberMessage(client, message, revokeMemberSchema, 'remove students', '{id?, memberId}');
    if (!asked) return;
    const { id, member, md } = asked;
    if (md.heldToken) await roomContext().registry.revokeSeatToken(this.roomId, md.heldToken);
    md.revoked = true;
    member.leave(REVOKED_CLOSE_CODE, 'REVOKED: the facilitator removed you from this class.');
    const ack: Ack = { id, seq: this.host.version };
    tell(client, 'ack', ack);
  }

  /** A player is ready to play (their tour is done): a first quarter held for them starts its clock. */
  private onReady(client: Client, message: unknown): void {
    const parsed = readySchema.safeParse(message ?? {});
    const id = parsed.success ? (parsed.data.id ?? null) : null;
    if (!this.admitted(client, id)) return;
    if (!parsed.success) return this.refuse(client, id, 'MALFORMED_COMMAND', 'Send {id?}.');
    const data = client.userData as ClientData;
    if (data.role !== 'player' || data.seat === null) return this.refuse(client, id, 'READ_ONLY', 'Only a player is ready to play.');
    this.host.markReady(data.seat);
    // The clock may have just started: its deadline reaches the clients without any event.
    this.refresh(false, false);
    tell(client, 'ack', { id, seq: this.host.version });
  }

  /** Projects the engine's state onto the schema; the roster only when someone may have come, gone or moved. */
  private refresh(withReports: boolean, rosterMayChange = true): void {
    const autopilot = new Set(this.state.players.map((p) => p.seat).filter((seat) => this.host.isAutopilot(seat)));
    const live = this.host.current;
    this.state.stagedReveal = live.reveal.staged;
    this.state.resultsHeld = heldQuarter(live) ?? 0;
    if (rosterMayChange) syncFields(this.state, { members: roster(this.members()) });
    project(
      this.state,
      this.shown(),
      {
        joinCode: this.host.record.joinCode,
        classroom: this.host.record.classroom,
        connected: this.sessions.played(),
        autopilot,
        deadline: this.host.deadline,
        seq: this.host.version,
      },
      withReports ? this.view.lastQuarter : null,
    );
    // Seats the projection just created still need to reach the views of their own clients.
    for (const c of this.clients) {
      const data = c.userData as ClientData | undefined;
      const row = data?.seat !== null && data?.seat !== undefined ? this.state.players[data.seat] : undefined;
      if (row && data?.role === 'player' && c.view && !c.view.has(row)) c.view.add(row);
    }
  }

  /**
   * Every message type counts against one rate limit (unknown ones too, or they would be a free
   * flood); a refused message is answered, and a client that keeps flooding is dropped.
   */
  private admitted(client: Client, id: string | number | null): boolean {
    const data = client.userData as ClientData;
    if (data.limiter.allow(Date.now())) return true;
    this.refuse(client, id, 'RATE_LIMITED', `At most ${MAX_MESSAGES_PER_SECOND} messages a second.`);
    if (data.limiter.strikes > MAX_STRIKES) this.dropForFlooding(client);
    return false;
  }

  /** The strike is the seat's: it waits before any of its tokens may join again. */
  private dropForFlooding(client: Client): void {
    const data = client.userData as ClientData;
    if (data.flooded) return;
    data.flooded = true;
    if (data.role === 'player' && data.seat !== null) {
      const waitMs = this.cooldowns.drop(data.seat, Date.now());
      roomContext().log.warn('seat dropped for flooding', { matchId: this.roomId, seat: data.seat, waitMs });
    }
    client.leave(FLOODED_CLOSE_CODE, 'RATE_LIMITED: too many messages');
  }

  private refuse(client: Client, id: string | number | null, code: string, message: string): void {
    const rejected: Rejected = { id, code, message };
    tell(client, 'rejected', rejected);
  }

  private async onCommand(client: Client, message: unknown): Promise<void> {
    const data = client.userData as ClientData;
    const rawId = (message as { id?: unknown } | null | undefined)?.id;
    const id = typeof rawId === 'number' || (typeof rawId === 'string' && rawId.length <= 64) ? rawId : null;
    if (!this.admitted(client, id)) return;
    let size = 0;
    try {
      size = JSON.stringify(message ?? null).length;
    } catch {
      size = Infinity;
    }
    if (size > MAX_MESSAGE_BYTES) return this.refuse(client, id, 'TOO_LARGE', `Messages are limited to ${MAX_MESSAGE_BYTES} bytes.`);
    const parsed = commandMessageSchema.safeParse(message);
    if (!parsed.success) return this.refuse(client, id, 'MALFORMED_COMMAND', 'Send {id?, command: {type, data}}.');
    const actor: Actor | null =
      data.role === 'player' && data.seat !== null ? { role: 'player', seat: data.seat } : data.role === 'facilitator' ? { role: 'facilitator' } : null;
    if (!actor) return this.refuse(client, id, 'READ_ONLY', 'Spectators watch; they cannot send commands.');
    const outcome = await this.host.execute(parsed.data.command, actor);
    if (outcome.ok) {
      const ack: Ack = { id, seq: outcome.seq };
      tell(client, 'ack', ack);
    } else this.refuse(client, id, outcome.code, outcome.message);
  }
}
