import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import type { MatchRegistry } from '../match/MatchRegistry';
import { OpenMatches } from '../limits/OpenMatches';
import { plainIp } from '../limits/clientIp';
import { Tarpit } from '../limits/Tarpit';
import { retryAfterSeconds, TokenBuckets } from '../limits/TokenBuckets';
import type { AbuseLimits } from '../config';
import { HttpError } from './httpError';

/** What a route that makes matches (a match, a class session, a fork) works with. */
export interface MakingRoutes {
  registry: MatchRegistry;
  /** Opens the live room of a newly made match. */
  openRoom(matchId: string): Promise<void>;
  creations: CreationGate;
  /** The request body as `schema` reads it, or a 400 naming what is wrong. */
  parse<T>(schema: z.ZodType<T>, body: unknown): T;
}

/** What a client is told to wait when a cap is full: a match takes minutes to end, not seconds. */
const CAP_RETRY_SECONDS = 60;

/** The client's address as Express reads it (`trust proxy` set from TRUST_PROXY_HOPS). */
export const ipOf = (req: Request): string => plainIp(req.ip ?? 'unknown');

/**
 * Every request that makes matches (a match, a class session, a fork) passes here twice: its
 * address's token first, before the body is read, then a place under the open-match caps for the
 * matches it makes. A refusal is a 429 with Retry-After and changes nothing.
 */
export class CreationGate {
  readonly rate: TokenBuckets;
  private readonly accountRate: TokenBuckets;
  readonly open: OpenMatches;
  private readonly tarpit: Tarpit;

  constructor(limits: AbuseLimits, now: () => number = Date.now) {
    this.rate = new TokenBuckets(limits.createPerMinute, limits.createBurst, now);
    this.accountRate = new TokenBuckets(limits.createPerMinute, limits.createBurst, now);
    this.open = new OpenMatches(limits.openPerIp, limits.openPerProcess);
    this.tarpit = new Tarpit(limits.refusalDelayMs);
  }

  /**
   * Takes the address's token for one creation, or answers 429 (late, see Tarpit): before the
   * body is read and without an exception, since a flood is mostly these answers.
   */
  readonly takeToken: RequestHandler = this.limited(() => this.rate, 'CREATE_RATE_LIMITED', (s) => `Too many matches created from your address; try again in ${s} s.`);

  /**
   * The same rate for the accounts' routes (a guest account, a registration, a sign-in): each
   * writes a user row or checks a password, so a script may not call them at will either.
   */
  readonly takeAccountToken: RequestHandler = this.limited(() => this.accountRate, 'ACCOUNT_RATE_LIMITED', (s) => `Too many sign-ins or new accounts from your address; try again in ${s} s.`);

  private limited(bucket: () => TokenBuckets, error: string, message: (seconds: number) => string): RequestHandler {
    return (req, res, next) => {
      const ip = ipOf(req);
      const wait = bucket().take(ip);
      if (wait === 0) return next();
      const s = retryAfterSeconds(wait);
      this.tarpit.hold(ip, () => {
        res.set('Retry-After', String(s)).status(429).json({ error, message: message(s) });
      });
    };
  }

  /** Runs `make` with a place for `matches` new matches (make reports each id it opens), or refuses. */
  async creating<T>(req: Request, matches: number, make: (opened: (matchId: string) => void) => Promise<T>): Promise<T> {
    const place = this.open.reserve(ipOf(req), matches);
    if ('cap' in place) {
      if (place.cap === 'ip')
        throw new HttpError(429, 'TOO_MANY_OPEN_MATCHES', `Your address already has ${place.limit} matches (or class sessions) open; try again once one has ended.`, CAP_RETRY_SECONDS);
      throw new HttpError(429, 'SERVER_FULL', `The server is hosting as many open matches as it may (${place.limit}); try again in a few minutes.`, CAP_RETRY_SECONDS);
    }
    try {
      return await make(place.opened);
    } finally {
      place.done();
    }
  }
}
