import { RuleError } from '../../shared/domain/errors';
import type { CreatedMatch, ForkedMatch, ForkRequest } from '../../shared/wire/http';
import type { EventOf } from '../../shared/domain/events';
import type { BotSpec } from '../../shared/domain/ids';
import { verifyLog } from '../../shared/replay/envelope';
import { buildSnapshots, stateAt } from '../../shared/replay/fold';
import { decide } from '../../shared/rules/decide';
import { initialState } from '../../shared/rules/initialState';
import { matchOver } from '../../shared/rules/reveal';
import { DEFAULT_SCENARIO } from '../../shared/scenario/loadScenario';
import { withQuarters } from '../../shared/scenario/variants';
import { StoreError, type EventStore, type MatchFilter, type MatchRecord, type MatchStatus } from '../store/EventStore';
import type { HostClock } from './clock';
import { nativeSha256Hex } from './digest';
import { statusOf } from './listing';
import { MatchHost } from './MatchHost';
import { hashSecret, newJoinCode, newMatchId, newSecret, newSeed } from './secrets';

export interface NewMatchRequest {
  seats: number;
  bots: BotSpec[];
  winLoops: number;
  planningSeconds: number;
  quarters?: number;
  seed?: string;
  classroom?: boolean;
  /** Quarters spectators lag behind the players. */
  spectatorDelay?: number;
  /** Classroom only: each quarter's results wait for the facilitator's release. */
  stagedReveal?: boolean;
  /** Classroom only: false turns the match's chat off. */
  chat?: boolean;
  /** Classroom only: the key of a class session shared by its matches (else a new one). */
  facilitatorKey?: string;
  /** A quick match's: its final ranking moves its players' ratings. */
  ranked?: boolean;
}

export type { CreatedMatch, ForkedMatch, ForkRequest };

/** A seat taken (with the token that reclaims it), or the engine's refusal. */
export type Joined = { ok: true; seat: number; token: string } | { ok: false; code: string; message: string };

export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RegistryOptions {
  /** This process's name in the store's leases (several processes on one PostgreSQL store). */
  owner?: string;
  /** How long a lease lasts without renewal. */
  leaseMs?: number;
  /** How many matches recovery reads from the store at a time (it reads them all, page by page). */
  recoveryPageSize?: number;
  /** How long a match may wait in the lobby before the server expires it (0: never). */
  waitingExpiryMs?: number;
  /** How long a waiting match's room stays open with nobody in it before the match is unloaded. */
  lobbyIdleMs?: number;
  /** How long the host of an ended or expired match stays loaded once nothing follows it (its log reloads it). */
  finishedUnloadMs?: number;
}

/** What the registry reports of a match it hosts: its status on loading and on each change, or that another process took it. */
export type StatusReport = (matchId: string, status: MatchStatus | 'moved') => void;

/** How many orphaned matches one sweep takes over at most (the rest wait for the next sweep). */
const ORPHANS_PER_SWEEP = 200;

/**
 * Every match this server process hosts, created here or brought back from the store. With a
 * shared store (PostgreSQL) a match is hosted only under a lease: the store refuses appends from
 * a process that does not hold it, so two processes never both write one match.
 */
export class MatchRegistry {
  private readonly hosts = new Map<string, MatchHost>();
  readonly owner: string;
  readonly leaseMs: number;
  private readonly recoveryPageSize: number;
  private readonly waitingExpiryMs: number;
  readonly lobbyIdleMs: number;
  readonly finishedUnloadMs: number;
  private readonly unloadTimers = new Map<string, { clear(): void }>();
  private readonly statusReports = new Set<StatusReport>();

  constructor(
    readonly store: EventStore,
    private readonly clock: HostClock,
    options: RegistryOptions = {},
  ) {
    this.owner = options.owner ?? `process-${newSecret()}`;
    this.leaseMs = options.leaseMs ?? 15_000;
    this.recoveryPageSize = options.recoveryPageSize ?? 500;
    this.waitingExpiryMs = options.waitingExpiryMs ?? 0;
    this.lobbyIdleMs = options.lobbyIdleMs ?? 60_000;
    this.finishedUnloadMs = options.finishedUnloadMs ?? 60_000;
  }

  /** Follows the status of every match this process hosts (see StatusReport). */
  onStatus(report: StatusReport): void {
    this.statusReports.add(report);
  }

  async create(req: NewMatchRequest): Promise<CreatedMatch> {
    if (req.bots.length > req.seats) throw new RequestError('TOO_MANY_BOTS', `${req.bots.length} bots do not fit in ${req.seats} seats.`);
    const now = this.clock.now();
    const matchId = newMatchId(now);
    const facilitatorKey = req.classroom ? (req.facilitatorKey ?? newSecret()) : undefined;
    const joinCode = await this.register(matchId, req.classroom === true, facilitatorKey, now);
    const host = await this.open(matchId);
    const scenario = req.quarters === undefined ? undefined : withQuarters(DEFAULT_SCENARIO, req.quarters);
    const created = await host.execute(
      {
        type: 'CreateMatch',
        data: {
          matchId,
          seed: req.seed ?? newSeed(),
          seats: req.seats,
          winLoops: req.winLoops,
          planningSeconds: req.planningSeconds,
          ...(scenario ? { scenario } : {}),
          ...(req.spectatorDelay ? { spectatorDelay: req.spectatorDelay } : {}),
          ...(req.classroom ? { classroom: true } : {}),
          // Only a class turns its chat off (friends and strangers mute one another on their screens).
          ...(req.classroom && req.chat === false ? { chat: false } : {}),
          ...(req.ranked && !req.classroom ? { ranked: true } : {}),
        },
      },
      { role: 'system' },
    );
    if (!created.ok) throw new RequestError(created.code, created.message);
    for (const [i, bot] of req.bots.entries()) {
      const claimed = await host.execute({ type: 'ClaimSeat', data: { seat: req.seats - req.bots.length + i, name: `Bot ${i + 1} (${bot.strategy})`, bot } }, { role: 'system' });
      if (!claimed.ok) throw new RequestError(claimed.code, claimed.message);
    }
    if (req.classroom && req.stagedReveal) {
      const staged = await host.execute({ type: 'SetStagedReveal', data: { on: true } }, { role: 'system' });
      if (!staged.ok) throw new RequestError(staged.code, staged.message);
    }
    return facilitatorKey ? { matchId, joinCode, facilitatorKey } : { matchId, joinCode };
  }

  /** Stores a new match's record under a fresh join code; returns the code. */
  private async register(matchId: string, classroom: boolean, facilitatorKey: string | undefined, now: number): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const joinCode = newJoinCode();
      try {
        await this.store.create({ matchId, joinCode, classroom, createdAt: now, facilitatorKeyHash: facilitatorKey ? hashSecret(facilitatorKey) : null });
        return joinCode;
      } catch (e) {
        if (!(e instanceof StoreError) || e.code !== 'JOIN_CODE_TAKEN' || attempt > 20) throw e;
      }
    }
  }

  /**
   * A what-if: a new match that starts from a finished match's state after `quarter` (its log
   * begins with that state, so it replays on its own). Checked by the engine before anything is stored.
   */
  async fork(sourceId: string, req: ForkRequest): Promise<ForkedMatch> {
    const source = await this.find(sourceId);
    if (!source) throw new RequestError('MATCH_NOT_FOUND', `There is no match "${sourceId}".`);
    // A live match's books are private (shared/views/visibility): only one that is over is open
    // enough to fork. The host marks a match finished exactly when it is over (matchOver).
    if (source.status !== 'finished') throw new RequestError('MATCH_NOT_FINISHED', `Match ${source.matchId} is still being played; fork it once it has ended.`);
    const log = await this.store.read(source.matchId);
    const check = verifyLog(log, nativeSha256Hex);
    if (!check.ok) throw new RequestError('LOG_TAMPERED', `The stored log of match ${source.matchId} fails its hash chain at seq ${check.seq}: ${check.reason}.`);
    const quarters = buildSnapshots(log).map((s) => s.quarter);
    if (!quarters.includes(req.quarter))
      throw new RequestError('NO_SUCH_QUARTER', `Match ${source.matchId} has quarters ${quarters[0]} to ${quarters[quarters.length - 1]} to fork from, not ${req.quarter}.`);
    const now = this.clock.now();
    const matchId = newMatchId(now);
    const command = { type: 'ForkMatch' as const, data: { matchId, sourceMatchId: source.matchId, quarter: req.quarter, state: stateAt(log, req.quarter), seats: req.seats } };
    const system = { actor: { role: 'system' as const } };
    try {
      decide(initialState(), command, system);
    } catch (e) {
      if (e instanceof RuleError) throw new RequestError(e.code, e.message);
      throw e;
    }
    if (req.player && req.seats[req.player.seat]?.kind !== 'open')
      throw new RequestError('SEAT_TAKEN', `Seat ${req.player.seat} of the fork is not open for you: make it open.`);
    const joinCode = await this.register(matchId, false, undefined, now);
    const host = await this.open(matchId);
    const forked = await host.execute(command, system.actor);
    if (!forked.ok) throw new RequestError(forked.code, forked.message);
    const genesis = forked.events[0];
    if (genesis?.type !== 'MatchForked') throw new RequestError('FORK_FAILED', `The fork of ${source.matchId} did not begin with MatchForked.`);
    const done = { matchId, joinCode, sourceMatchId: source.matchId, quarter: req.quarter, sourceStateHash: genesis.data.sourceStateHash };
    if (!req.player) return done;
    const joined = await this.joinSeat(matchId, req.player.name, req.player.seat);
    if (!joined.ok) throw new RequestError(joined.code, joined.message);
    return { ...done, seat: joined.seat, token: joined.token };
  }

  /** The live host of a stored match (loaded from the log on first use). */
  async open(matchId: string): Promise<MatchHost> {
    const loaded = this.hosts.get(matchId);
    if (loaded) return loaded;
    if (this.store.leases && !(await this.store.leases.claim(matchId, this.owner, this.leaseMs)))
      throw new RequestError('MATCH_HOSTED_ELSEWHERE', `Match ${matchId} is hosted by another server process.`);
    const host = await MatchHost.open(this.store, matchId, this.clock, this.waitingExpiryMs);
    const raced = this.hosts.get(matchId);
    if (raced) {
      await host.close();
      return raced;
    }
    this.hosts.set(matchId, host);
    host.onLost(() => {
      this.report(matchId, 'moved');
      if (this.hosts.get(matchId) !== host) return;
      this.hosts.delete(matchId);
      // Still ours after a failed append? Then let it lapse at once, so the match is adopted again from its log.
      void this.store.leases?.release(this.owner, [matchId]).catch(() => undefined);
    });
    host.onStatus((status) => this.statusChanged(host, status));
    this.statusChanged(host, statusOf(host.current));
    return host;
  }

  private report(matchId: string, status: MatchStatus | 'moved'): void {
    for (const report of this.statusReports) report(matchId, status);
  }

  /**
   * A match that has ended or expired needs its host only while something follows it (a room, a
   * watch room, each of which lets it go when it closes): some time after, an unfollowed one is
   * unloaded, and whatever reads it later folds its log again.
   */
  private statusChanged(host: MatchHost, status: MatchStatus): void {
    this.report(host.matchId, status);
    if (status !== 'finished' && status !== 'expired') return;
    this.unloadTimers.get(host.matchId)?.clear();
    this.unloadTimers.set(
      host.matchId,
      this.clock.setTimeout(() => {
        this.unloadTimers.delete(host.matchId);
        void this.release(host).catch(() => undefined);
      }, this.finishedUnloadMs),
    );
  }

  async find(idOrCode: string): Promise<MatchRecord | null> {
    return (await this.store.getMatch(idOrCode)) ?? (await this.store.findByJoinCode(idOrCode.toUpperCase()));
  }

  /** Takes the first open seat (or the one wanted); the token that comes back reclaims it later. */
  async joinSeat(matchId: string, name: string, wanted?: number): Promise<Joined> {
    const host = await this.open(matchId);
    const outcome = await host.execute({ type: 'ClaimSeat', data: wanted === undefined ? { name } : { seat: wanted, name } }, { role: 'system' });
    if (!outcome.ok) return outcome;
    const claimed = outcome.events.find((e): e is EventOf<'SeatClaimed'> => e.type === 'SeatClaimed');
    if (!claimed) return { ok: false, code: 'JOIN_FAILED', message: 'The seat could not be taken.' };
    const seat = claimed.data.seat;
    const token = newSecret();
    await this.store.saveSeatToken(matchId, seat, hashSecret(token));
    return { ok: true, seat, token };
  }

  /** Another token for a seat (its earlier ones stay valid): a team member's own credential. */
  async issueSeatToken(matchId: string, seat: number): Promise<string> {
    const token = newSecret();
    await this.store.saveSeatToken(matchId, seat, hashSecret(token));
    return token;
  }

  /** Forgets one token (its holder's credential); the seat's other tokens stay valid. */
  async revokeSeatToken(matchId: string, token: string): Promise<void> {
    await this.store.deleteSeatToken(matchId, hashSecret(token));
  }

  async seatForToken(matchId: string, token: string): Promise<number | null> {
    return this.store.seatForToken(matchId, hashSecret(token));
  }

  async isFacilitator(matchId: string, key: string): Promise<boolean> {
    return this.store.facilitatorKeyMatches(matchId, hashSecret(key));
  }

  /**
   * Brings the live matches back (on boot): all of them with a one-process store, else those that
   * no live process holds. A waiting match is not hosted until someone joins it (its room is made
   * on the first join) or its wait is over (expireWaiting): memory grows with the matches being
   * played, not with the matches ever created.
   */
  async recoverAll(): Promise<MatchHost[]> {
    if (this.store.leases) return this.adoptOrphans();
    const hosts: MatchHost[] = [];
    for await (const page of this.pages({ status: 'live' })) hosts.push(...(await Promise.all(page.map((m) => this.open(m.matchId)))));
    return hosts;
  }

  /**
   * Expires the waiting matches whose wait is over and that nobody hosts (a hosted one expires on
   * its own timer): each is hosted just long enough to store its MatchExpired. Returns their ids.
   */
  async expireWaiting(): Promise<string[]> {
    if (this.waitingExpiryMs <= 0) return [];
    const expired: string[] = [];
    for await (const page of this.pages({ status: 'waiting', createdBefore: this.clock.now() - this.waitingExpiryMs + 1 })) {
      for (const record of page) {
        if (this.hosts.has(record.matchId)) continue;
        let host: MatchHost;
        try {
          host = await this.open(record.matchId);
        } catch (e) {
          if (e instanceof RequestError && e.code === 'MATCH_HOSTED_ELSEWHERE') continue;
          throw e;
        }
        await host.expireIfDue();
        if (host.current.status === 'expired') expired.push(record.matchId);
        await this.release(host);
      }
    }
    return expired;
  }

  /**
   * Stops hosting a match once nothing needs its host: nobody follows it (no room, no watch room)
   * and it is waiting, expired or over. A live match stays: its bots and timer run without clients.
   */
  async release(host: MatchHost): Promise<void> {
    const s = host.current;
    if (host.followed || (s.status !== 'lobby' && s.status !== 'expired' && !matchOver(s))) return;
    await this.unload(host);
  }

  /** Stops hosting a match (its log keeps it; a later join or sweep opens it again). */
  private async unload(host: MatchHost): Promise<void> {
    if (this.hosts.get(host.matchId) !== host) return;
    this.hosts.delete(host.matchId);
    this.unloadTimers.get(host.matchId)?.clear();
    this.unloadTimers.delete(host.matchId);
    await host.close();
    await this.store.leases?.release(this.owner, [host.matchId]);
  }

  /** Every match of a status, page by page: however many there are, none is left out. */
  private async *pages(filter: Omit<MatchFilter, 'after' | 'limit'>): AsyncGenerator<MatchRecord[]> {
    const limit = this.recoveryPageSize;
    let after: MatchRecord | undefined;
    for (;;) {
      const page = await this.store.listMatches({ ...filter, limit, ...(after ? { after } : {}) });
      if (page.length > 0) yield page;
      if (page.length < limit) return;
      after = page[page.length - 1];
    }
  }

  /**
   * One round of lease keeping (shared store only): renews this process's leases, steps aside
   * from matches whose lease ran out, gives up the leases of finished matches, and takes over
   * matches whose host died. Returns the hosts it took over (they still need a room).
   */
  async sweep(): Promise<MatchHost[]> {
    const leases = this.store.leases;
    if (!leases) return [];
    // A last quarter held for a staged reveal is not over yet: the facilitator still has to release it here.
    const finished = [...this.hosts.values()].filter((h) => matchOver(h.current)).map((h) => h.matchId);
    if (finished.length > 0) {
      await leases.release(this.owner, finished);
      for (const id of finished) this.hosts.delete(id);
    }
    const before = [...this.hosts.values()];
    const held = new Set(await leases.renew(this.owner, before.map((h) => h.matchId), this.leaseMs));
    const lost = before.filter((host) => !held.has(host.matchId));
    for (const host of lost) host.abandon();
    // A match given up just now waits for the next sweep, once the room that had it is gone.
    return this.adoptOrphans(new Set(lost.map((h) => h.matchId)));
  }

  private async adoptOrphans(skip: ReadonlySet<string> = new Set()): Promise<MatchHost[]> {
    const adopted: MatchHost[] = [];
    for (const matchId of await this.store.leases!.orphans(ORPHANS_PER_SWEEP)) {
      if (this.hosts.has(matchId) || skip.has(matchId)) continue;
      try {
        adopted.push(await this.open(matchId));
      } catch (e) {
        // Another process adopted it between the query and the claim.
        if (!(e instanceof RequestError) || e.code !== 'MATCH_HOSTED_ELSEWHERE') throw e;
      }
    }
    return adopted;
  }

  loaded(): MatchHost[] {
    return [...this.hosts.values()];
  }

  /** Stops every host; with a shared store its matches are left for other processes at once. */
  async close(): Promise<void> {
    for (const timer of this.unloadTimers.values()) timer.clear();
    this.unloadTimers.clear();
    await Promise.all([...this.hosts.values()].map((h) => h.close()));
    this.hosts.clear();
    await this.store.leases?.release(this.owner);
  }
}
