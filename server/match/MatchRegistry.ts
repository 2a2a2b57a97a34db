import type { BotSpec } from '../../shared/domain/ids';
import { DEFAULT_SCENARIO } from '../../shared/scenario/loadScenario';
import { withQuarters } from '../../shared/scenario/variants';
import { StoreError, type EventStore, type MatchRecord } from '../store/EventStore';
import type { HostClock } from './clock';
import { MatchHost, type Outcome } from './MatchHost';
import { hashSecret, newJoinCode, newMatchId, newSecret, newSeed } from './secrets';

export interface NewMatchRequest {
  seats: number;
  bots: BotSpec[];
  winLoops: number;
  planningSeconds: number;
  quarters?: number;
  seed?: string;
  classroom?: boolean;
  /** Classroom only: each quarter's results wait for the facilitator's release. */
  stagedReveal?: boolean;
  /** Classroom only: the key of a class session shared by its matches (else a new one). */
  facilitatorKey?: string;
}

export interface CreatedMatch {
  matchId: string;
  joinCode: string;
  /** Shown once to the creator of a classroom match; only its hash is stored. */
  facilitatorKey?: string;
}

export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Every match this server process hosts, created here or brought back from the store. */
export class MatchRegistry {
  private readonly hosts = new Map<string, MatchHost>();

  constructor(
    readonly store: EventStore,
    private readonly clock: HostClock,
  ) {}

  async create(req: NewMatchRequest): Promise<CreatedMatch> {
    if (req.bots.length > req.seats) throw new RequestError('TOO_MANY_BOTS', `${req.bots.length} bots do not fit in ${req.seats} seats.`);
    const now = this.clock.now();
    const matchId = newMatchId(now);
    const facilitatorKey = req.classroom ? (req.facilitatorKey ?? newSecret()) : undefined;
    let joinCode = '';
    for (let attempt = 0; ; attempt++) {
      joinCode = newJoinCode();
      try {
        await this.store.create({
          matchId,
          joinCode,
          classroom: req.classroom === true,
          createdAt: now,
          facilitatorKeyHash: facilitatorKey ? hashSecret(facilitatorKey) : null,
        });
        break;
      } catch (e) {
        if (!(e instanceof StoreError) || e.code !== 'JOIN_CODE_TAKEN' || attempt > 20) throw e;
      }
    }
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

  /** The live host of a stored match (loaded from the log on first use). */
  async open(matchId: string): Promise<MatchHost> {
    const loaded = this.hosts.get(matchId);
    if (loaded) return loaded;
    const host = await MatchHost.open(this.store, matchId, this.clock);
    const raced = this.hosts.get(matchId);
    if (raced) {
      await host.close();
      return raced;
    }
    this.hosts.set(matchId, host);
    return host;
  }

  async find(idOrCode: string): Promise<MatchRecord | null> {
    return (await this.store.getMatch(idOrCode)) ?? (await this.store.findByJoinCode(idOrCode.toUpperCase()));
  }

  /** Takes the first open seat; the token that comes back reclaims it later. */
  async joinSeat(matchId: string, name: string): Promise<{ seat: number; token: string } | Outcome> {
    const host = await this.open(matchId);
    const outcome = await host.execute({ type: 'ClaimSeat', data: { name } }, { role: 'system' });
    if (!outcome.ok) return outcome;
    const claimed = outcome.events.find((e) => e.type === 'SeatClaimed')!;
    const seat = (claimed.data as { seat: number }).seat;
    const token = newSecret();
    await this.store.saveSeatToken(matchId, seat, hashSecret(token));
    return { seat, token };
  }

  /** A new token for a seat (replacing the stored one): every member of the seat's team gets it. */
  async issueSeatToken(matchId: string, seat: number): Promise<string> {
    const token = newSecret();
    await this.store.saveSeatToken(matchId, seat, hashSecret(token));
    return token;
  }

  async seatForToken(matchId: string, token: string): Promise<number | null> {
    return this.store.seatForToken(matchId, hashSecret(token));
  }

  async isFacilitator(matchId: string, key: string): Promise<boolean> {
    return this.store.facilitatorKeyMatches(matchId, hashSecret(key));
  }

  /** Brings every unfinished match back to life (on boot). */
  async recoverAll(): Promise<MatchHost[]> {
    const open = [...(await this.store.listMatches({ status: 'live', limit: 10_000 })), ...(await this.store.listMatches({ status: 'waiting', limit: 10_000 }))];
    return Promise.all(open.map((m) => this.open(m.matchId)));
  }

  loaded(): MatchHost[] {
    return [...this.hosts.values()];
  }

  async close(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((h) => h.close()));
    this.hosts.clear();
  }
}
