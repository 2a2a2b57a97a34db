import { describe, expect, it } from 'vitest';
import { clientIp } from '../../server/limits/clientIp';
import { OpenMatches, type Reservation } from '../../server/limits/OpenMatches';
import { Tarpit } from '../../server/limits/Tarpit';
import { retryAfterSeconds, TokenBuckets } from '../../server/limits/TokenBuckets';

const clock = (start = 1_000_000) => {
  const c = { t: start, now: () => c.t };
  return c;
};

describe('token buckets per address', () => {
  it('lets a burst through, then one request per 60 / perMinute seconds, and says how long to wait', () => {
    const c = clock();
    const buckets = new TokenBuckets(10, 3, c.now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    // Empty: the next token comes 6 s after the bucket was last touched.
    expect(buckets.take('a')).toBe(6000);
    c.t += 2500;
    expect(buckets.take('a')).toBe(3500);
    c.t += 3500;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(6000);
    // Another address has its own bucket.
    expect(buckets.take('b')).toBe(0);
  });

  it('refills up to the burst and no further', () => {
    const c = clock();
    const buckets = new TokenBuckets(60, 2, c.now);
    buckets.take('a');
    buckets.take('a');
    c.t += 10 * 60_000;
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 1000]);
  });

  it('forgets buckets that are full again, so memory follows the addresses active lately', () => {
    const c = clock();
    const buckets = new TokenBuckets(60, 2, c.now);
    for (let i = 0; i < 100; i++) buckets.take(`10.0.0.${i}`);
    expect(buckets.size).toBe(100);
    c.t += 2000;
    buckets.take('10.0.1.1');
    expect(buckets.size).toBe(1);
  });

  it('is off with a rate or a burst of 0, and a wait reads as whole seconds', () => {
    expect(new TokenBuckets(0, 10).limited).toBe(false);
    const none = new TokenBuckets(10, 0);
    expect(Array.from({ length: 50 }, () => none.take('a')).every((w) => w === 0)).toBe(true);
    expect([retryAfterSeconds(1), retryAfterSeconds(1000), retryAfterSeconds(1001), retryAfterSeconds(6000)]).toEqual([1, 1, 2, 6]);
  });
});

describe('open matches per address and per process', () => {
  /** A creation of `ids` by `ip`: the registry reports each match on loading it, as it does. */
  const create = (open: OpenMatches, ip: string, ids: string[]) => {
    const place = open.reserve(ip, ids.length);
    if ('cap' in place) return place;
    for (const id of ids) {
      open.follow(id, 'waiting');
      place.opened(id);
    }
    place.done();
    return place;
  };

  it('caps the creations an address has open, and frees a place when all of a creation has ended or expired', () => {
    const open = new OpenMatches(2, 0);
    create(open, 'a', ['m1']);
    create(open, 'a', ['s1', 's2', 's3']);
    expect(open.openBy('a')).toBe(2);
    expect(create(open, 'a', ['m2'])).toEqual({ cap: 'ip', limit: 2 });
    expect(open.count).toBe(4);
    expect('cap' in create(open, 'b', ['m3'])).toBe(false);
    open.follow('s1', 'live');
    open.follow('s1', 'finished');
    open.follow('s2', 'expired');
    expect(open.openBy('a')).toBe(2);
    open.follow('s3', 'moved');
    expect(open.openBy('a')).toBe(1);
    expect('cap' in create(open, 'a', ['m2'])).toBe(false);
  });

  it('caps the matches open in the process, counting those reserved and those it hosts for nobody here', () => {
    const open = new OpenMatches(0, 5);
    open.follow('recovered', 'live');
    const pending = open.reserve('a', 3) as Reservation;
    expect(open.count).toBe(4);
    expect(open.reserve('b', 2)).toEqual({ cap: 'process', limit: 5 });
    expect('cap' in open.reserve('b', 1)).toBe(false);
    pending.done();
    expect(open.count).toBe(2);
    open.follow('recovered', 'finished');
    expect(open.count).toBe(1);
  });

  it('does not count a match that closed before its creation reported it', () => {
    const open = new OpenMatches(1, 10);
    const place = open.reserve('a', 1) as Reservation;
    open.follow('quick', 'waiting');
    open.follow('quick', 'finished');
    place.opened('quick');
    place.done();
    expect([open.count, open.openBy('a')]).toEqual([0, 0]);
  });
});

describe('refusals answered late', () => {
  it('holds a refusal for the delay, up to so many per address and in all, and answers the rest at once', () => {
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const tarpit = new Tarpit(1000, 2, 3, (fn, ms) => timers.push({ fn, ms }));
    const answered: string[] = [];
    for (const [ip, n] of [['a', 1], ['a', 2], ['a', 3], ['b', 1], ['c', 1]] as const) tarpit.hold(ip, () => answered.push(`${ip}${n}`));
    // a3: a already has 2 held; c1: 3 are held in all.
    expect(answered).toEqual(['a3', 'c1']);
    expect(timers.map((t) => t.ms)).toEqual([1000, 1000, 1000]);
    timers.shift()!.fn();
    expect([answered.at(-1), tarpit.holding]).toEqual(['a1', 2]);
    tarpit.hold('a', () => answered.push('a4'));
    expect(tarpit.holding).toBe(3);
    for (const t of timers) t.fn();
    expect(answered).toEqual(['a3', 'c1', 'a1', 'a2', 'b1', 'a4']);
    expect(tarpit.holding).toBe(0);
    const none = new Tarpit(0);
    none.hold('a', () => answered.push('now'));
    expect(answered.at(-1)).toBe('now');
  });
});

describe('the client address', () => {
  it('is the socket peer unless proxies are trusted, then that many hops from the right of X-Forwarded-For', () => {
    expect(clientIp('::ffff:10.0.0.9', '1.2.3.4', 0)).toBe('10.0.0.9');
    expect(clientIp('10.0.0.9', 'spoofed, 1.2.3.4', 1)).toBe('1.2.3.4');
    expect(clientIp('10.0.0.9', 'spoofed, 1.2.3.4, 10.0.0.8', 2)).toBe('1.2.3.4');
    expect(clientIp('10.0.0.9', undefined, 1)).toBe('10.0.0.9');
    expect(clientIp('10.0.0.9', ['1.1.1.1', '2.2.2.2'], 1)).toBe('2.2.2.2');
    expect(clientIp('2001:db8::1', '', 0)).toBe('2001:db8::1');
    expect(clientIp(undefined, undefined, 0)).toBe('unknown');
  });
});
