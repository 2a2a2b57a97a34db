import { type AuthContext, type Client, type IRoomCache, matchMaker, type QueueClientData, type QueueMatchGroup, QueueRoom, ServerError } from '@colyseus/core';
import { z } from 'zod';
import type { BotSpec, BotStrategy } from '../../shared/domain/ids';
import { type QueueMessages, QUEUE_MSG } from '../../shared/wire/ranked';
import { accountOf, type AccountClaims } from '../auth/accounts';
import { botDifficultyFor, figures } from '../ratings/wengLin';
import { roomContext } from './roomContext';

/** Seats of a ranked match. */
export const RANKED_SEATS = 4;
/** Bots that complete a ranked table, in this order (a mix of plans, none random). */
const BOT_PLANS: BotStrategy[] = ['balanced', 'robotaxi', 'satellites'];
/** How far (in μ) a player's rating may be from a forming group's mean to join it at first; the window widens each second. */
const RANK_WINDOW = 5;
const RANK_WIDENING = 0.25;

const queueOptionsSchema = z.strictObject({ name: z.string().trim().min(1).max(24).optional() });

type QueueClient = Client<{ userData: QueueClientData }>;

const say = <K extends keyof QueueMessages>(client: { send(type: string, message: unknown): void }, name: K, message: QueueMessages[K]) => client.send(name, message);

/** Whether a waiting player fits a forming group: near its mean rating, more loosely the longer they wait. */
export function closeEnough(client: QueueClientData, group: QueueMatchGroup): boolean {
  return Math.abs(client.rank - group.averageRank) <= RANK_WINDOW + RANK_WIDENING * (client.currentCycle ?? 0);
}

/** The bots that complete a group of `humans` whose mean μ is `meanMu`. */
export function botsFor(humans: number, meanMu: number): BotSpec[] {
  const difficulty = botDifficultyFor(meanMu);
  return Array.from({ length: RANKED_SEATS - humans }, (_, i) => ({ strategy: BOT_PLANS[i % BOT_PLANS.length]!, difficulty }));
}

/**
 * Quick match on Colyseus' QueueRoom: players with an account wait here, grouped by rating (each
 * one's μ is their rank), four to a ranked match; after the wait (one cycle a second) a group is
 * completed with bots as strong as its players. The match is made here; Colyseus then reserves
 * each player's seat in its room with the seat's token, and the client joins with that reservation.
 */
export class QuickMatchRoom extends QueueRoom {
  override onCreate(): void {
    const { quickMatch } = roomContext();
    super.onCreate({
      matchRoomName: 'match',
      maxPlayers: RANKED_SEATS,
      allowIncompleteGroups: true,
      maxWaitingCycles: quickMatch.waitSeconds,
      compare: closeEnough,
      onGroupReady: (group) => this.makeMatch(group),
    });
    // After half the wait, a player may join any group rather than wait alone.
    this.maxWaitingCyclesForPriority = Math.max(1, Math.floor(quickMatch.waitSeconds / 2));
  }

  override async onAuth(client: Client, rawOptions: unknown, _context: AuthContext): Promise<AccountClaims> {
    const account = accountOf(client.auth);
    if (!account) throw new ServerError(401, 'SIGN_IN_REQUIRED: quick match rates your play; join with your account (a guest account will do).');
    if (!queueOptionsSchema.safeParse(rawOptions ?? {}).success) throw new ServerError(400, 'MALFORMED_OPTIONS: join the queue with {name} (1 to 24 characters) or nothing.');
    if (this.clients.some((c) => accountOf(c.auth)?.id === account.id)) throw new ServerError(409, 'ALREADY_IN_QUEUE: this account is already waiting for a match (in another tab?).');
    return account;
  }

  override async onJoin(client: QueueClient, rawOptions: unknown, auth: AccountClaims): Promise<void> {
    const { ratings, quickMatch } = roomContext();
    const rating = await ratings.current(auth.id);
    const name = queueOptionsSchema.parse(rawOptions ?? {}).name ?? auth.name;
    // The options go with the seat reservation; makeMatch replaces them with the seat's token.
    this.addToQueue(client, { rank: rating.mu, options: { name } });
    say(client, QUEUE_MSG.queued, { waitSeconds: quickMatch.waitSeconds, seats: RANKED_SEATS, ...figures(rating) });
  }

  /** A group is ready: its ranked match, with a seat (and token) for each player, and bots for the rest. */
  private async makeMatch(group: QueueMatchGroup): Promise<IRoomCache> {
    const { openMatches } = roomContext();
    const humans = group.clients;
    const meanMu = humans.reduce((sum, c) => sum + (c.userData?.rank ?? 0), 0) / humans.length;
    const bots = botsFor(humans.length, meanMu);
    // Counted like a match made over HTTP, under its first player's account (the queue leaves the group with this message).
    const place = openMatches.reserve(`account:${accountOf(humans[0]!.auth)!.id}`, 1);
    if ('cap' in place)
      throw new Error(place.cap === 'ip' ? `TOO_MANY_OPEN_MATCHES: you already have ${place.limit} matches open; finish one first.` : `SERVER_FULL: the server is hosting as many open matches as it may (${place.limit}); try again in a few minutes.`);
    try {
      return await this.startMatch(humans, bots, meanMu, place.opened);
    } finally {
      place.done();
    }
  }

  private async startMatch(humans: QueueMatchGroup['clients'], bots: BotSpec[], meanMu: number, opened: (matchId: string) => void): Promise<IRoomCache> {
    const { registry, users, ratings, quickMatch, openRoom, log } = roomContext();
    const { matchId } = await registry.create({
      seats: RANKED_SEATS,
      bots,
      winLoops: 2,
      planningSeconds: quickMatch.planningSeconds,
      ...(quickMatch.quarters ? { quarters: quickMatch.quarters } : {}),
      ranked: true,
    });
    opened(matchId);
    await ratings.store.markRanked(matchId, Date.now());
    for (const [seat, client] of humans.entries()) {
      const userId = accountOf(client.auth)!.id;
      const queued = client.userData!;
      const name = (queued.options as { name: string }).name;
      const joined = await registry.joinSeat(matchId, name, seat);
      if (!joined.ok) throw new Error(`${joined.code}: ${joined.message}`);
      await users.bindSeat(matchId, seat, userId, Date.now());
      queued.options = { matchId, token: joined.token, name };
      say(client, QUEUE_MSG.matched, { matchId, seat, token: joined.token, humans: humans.length, bots: bots.length, difficulty: bots[0]?.difficulty ?? botDifficultyFor(meanMu) });
    }
    log.info('quick match made', { matchId, humans: humans.length, bots: bots.length, meanMu: Math.round(meanMu * 100) / 100 });
    await openRoom(matchId);
    const listing = await matchMaker.driver.findOne({ roomId: matchId });
    if (!listing) throw new Error(`The room of match ${matchId} did not open.`);
    return listing;
  }
}
