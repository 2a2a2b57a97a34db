import type { AuthContext, Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { MATCH_MOVED_CLOSE_CODE, SPECTATOR_DELAYED_CLOSE_CODE } from '../../shared/domain/closeCodes';
import type { GameState } from '../../shared/domain/state';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { heldQuarter } from '../../shared/rules/reveal';
import { disclosureOf } from '../../shared/views/visibility';
import { MatchState } from '../../shared/wire/state';
import type { MatchHost } from '../match/MatchHost';
import { systemClock } from '../match/clock';
import { admit, joinedAccount, type Seated } from './admission';
import { clientData, dataOf, playedSeat } from './clientData';
import { CommandDesk } from './commandDesk';
import { SeatCooldowns } from './floodCooldown';
import { LobbyIdle } from './lobbyIdle';
import { MessageGate } from './messageGate';
import { openHost } from './openHost';
import { PlayersView } from './playersView';
import { project } from './project';
import { QuietRoom } from './quietRoom';
import { roomContext } from './roomContext';
import { deliver, RoomChat } from './roomChat';
import { RoomSeats } from './roomSeats';
import { SeatSessions } from './seatSessions';
import { SPECTATOR_DELAYED, spectatorDelayed } from './spectators';
import { syncFields } from './sync';
import { TeamDesk } from './teamDesk';
import { roster } from './teams';
import { tell } from './wire';

/** Seconds a dropped player keeps the seat before a bot takes over until they come back. */
const RECONNECT_GRACE_SECONDS = 20;

/**
 * The room adapts; the engine decides. A message becomes a command for the match host, which
 * decides, stores and applies it; the room then projects the new state onto its schema and
 * answers the sender with an ack or a refusal. Commands, chat and "ready" are CommandDesk's, seats
 * and views RoomSeats', the facilitator's team messages TeamDesk's, rate limits MessageGate's.
 */
export class MatchRoom extends QuietRoom {
  // A match lives on without clients (bots, timers); the room goes when the match is over.
  override autoDispose = false;
  host!: MatchHost;
  seats!: RoomSeats;
  private sessions!: SeatSessions;
  /** What players see (shown): held back by a staged reveal until the facilitator releases a quarter. */
  private view!: PlayersView;
  private readonly cooldowns = new SeatCooldowns();
  readonly gate = new MessageGate(() => this.roomId, this.cooldowns);
  private readonly desk = new TeamDesk(this);
  private readonly commands = new CommandDesk(this);
  private readonly unfollow: Array<() => void> = [];
  private lobbyIdle!: LobbyIdle;
  chat!: RoomChat;

  override messages = {
    command: (client: Client, message: unknown) => this.commands.command(client, message),
    moveMember: (client: Client, message: unknown) => this.desk.move(client, message),
    revokeMember: (client: Client, message: unknown) => this.desk.revoke(client, message),
    ready: (client: Client, message: unknown) => this.commands.ready(client, message),
    say: (client: Client, message: unknown) => this.commands.say(client, message),
    '*': (client: Client, type: string | number) => this.gate.unknown(client, type),
  };

  override async onCreate(options: unknown): Promise<void> {
    const { registry } = roomContext();
    this.host = await openHost(options);
    this.roomId = this.host.matchId;
    this.sessions = new SeatSessions((seat, on) => this.host.setAutopilot(seat, on), () => this.host.current.status === 'ended');
    // The room's clock: its timers stop when the room goes.
    const timeout = (fn: () => void, ms: number) => this.clock.setTimeout(fn, ms);
    const flood = { waitMs: (seat: number) => this.cooldowns.waitLeft(seat, Date.now()), after: (ms: number, fn: () => void) => void timeout(fn, ms) };
    this.seats = new RoomSeats(this, this.sessions, (seat, on) => this.host.setAutopilot(seat, on), flood);
    this.lobbyIdle = new LobbyIdle(() => this.host, () => this.clients.length > 0, timeout, registry.lobbyIdleMs, () => void this.disconnect());
    // Another process took the match over: its clients must join it again there.
    this.host.onLost(() => void this.disconnect(MATCH_MOVED_CLOSE_CODE));
    this.host.useClock({ now: () => Date.now(), setTimeout: timeout });
    const log = await registry.store.read(this.roomId);
    this.view = new PlayersView(log, this.host.current);
    this.chat = new RoomChat(log);
    this.setState(new MatchState());
    this.refresh(true);
    this.unfollow.push(this.host.onChange((events, next) => this.onEvents(events, next)));
    // A delay was just set: spectators here see live data, so they move to the watch room.
    this.unfollow.push(this.host.onChange((_e, next) => spectatorDelayed(next) && this.seats.spectators().forEach((c) => c.leave(SPECTATOR_DELAYED_CLOSE_CODE, SPECTATOR_DELAYED))));
    this.lobbyIdle.arm();
    if (this.ended()) this.finish();
    // matchId too: it is what joinOrCreate('match', {matchId}) filters on (filterBy keeps it in the metadata, which this replaces).
    this.setMetadata({ matchId: this.host.matchId, joinCode: this.host.record.joinCode, classroom: this.host.record.classroom });
  }

  /** Whether the match is over as its players see it (every book open). */
  ended(): boolean {
    return this.view.shown.status === 'ended';
  }

  private onEvents(events: readonly EventEnvelope[], next: GameState): void {
    const priorStatus = this.view.live.status;
    const replaced = events.flatMap((e) => (e.type === 'SeatReplaced' ? [e.data.seat] : []));
    for (const seat of replaced) this.seats.retire(seat);
    const { reportChanged } = this.view.update(events, next);
    deliver(this.clients, this.chat.add(events), disclosureOf(next), next, dataOf);
    this.refresh(reportChanged, replaced.length > 0);
    if (next.status !== priorStatus) this.lobbyIdle.arm();
    if (this.ended()) this.finish();
  }

  override async onAuth(client: Client, rawOptions: unknown, context: AuthContext): Promise<Seated> {
    this.lobbyIdle.stop();
    try {
      const { registry, users } = roomContext();
      const userId = joinedAccount(client.auth, context.token);
      const { classroom } = this.host.record;
      return await admit({ registry, matchId: this.roomId, classroom, live: () => this.host.current, cooldowns: this.cooldowns, members: () => this.seats.members(), users, userId }, rawOptions);
    } catch (e) {
      this.lobbyIdle.arm();
      throw e;
    }
  }

  override onJoin(client: Client, _options: unknown, auth: Seated): void {
    client.userData = clientData(auth);
    client.view = new StateView();
    if (auth.role === 'player' && auth.seat !== null) this.seats.seat(client, auth.seat);
    tell(client, 'seat', { role: auth.role, seat: auth.seat, token: auth.newToken });
    this.chat.sendRecent(client, dataOf(client)!, this.host.current);
    this.refresh(false);
  }

  /** A dropped link (not a goodbye): the seat waits for its player for a grace window. */
  override async onDrop(client: Client): Promise<void> {
    const hold = this.seats.dropped(client, RECONNECT_GRACE_SECONDS * 1000);
    this.refresh(false);
    if (hold) await this.allowReconnection(client, RECONNECT_GRACE_SECONDS).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    const seat = playedSeat(client);
    if (seat !== null) this.seats.seat(client, seat);
    // Lines said while the link was down: the client keeps each line once, by its seq.
    this.chat.sendRecent(client, dataOf(client)!, this.host.current);
    this.refresh(false);
  }

  override onLeave(client: Client): void {
    this.lobbyIdle.arm();
    this.chat.forget(`client:${client.sessionId}`);
    this.seats.left(client);
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

  /** After the match: every book is open to everyone, and the room goes once its last viewer leaves. */
  private finish(): void {
    this.seats.showRows(true);
    if (this.autoDispose) return;
    this.autoDispose = true;
    // Nobody watching: the log keeps the match, so an idle finished room can go now.
    if (this.clients.length === 0) this.clock.setTimeout(() => this.clients.length === 0 && void this.disconnect(), roomContext().registry.finishedUnloadMs);
  }

  /** Projects the engine's state onto the schema; the roster only when someone may have come, gone or moved. */
  refresh(withReports = false, rosterMayChange = true): void {
    const live = this.host.current;
    this.state.stagedReveal = live.reveal.staged;
    this.state.resultsHeld = heldQuarter(live) ?? 0;
    if (rosterMayChange) syncFields(this.state, { members: roster(this.seats.members()) });
    const autopilot = new Set(this.state.players.map((p) => p.seat).filter((seat) => this.host.isAutopilot(seat)));
    const { joinCode, classroom } = this.host.record;
    const facts = { joinCode, classroom, connected: this.sessions.played(), autopilot, deadline: this.host.deadline };
    project(this.state, this.view.shown, facts, withReports ? this.view.lastQuarter : null);
    this.seats.showRows(this.ended());
  }
}
