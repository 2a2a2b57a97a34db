import { Rng, seedPrng } from '../../shared/random/prng';

/** A message a hostile client sends: a room message type and its payload. */
export interface Hostile {
  type: string | number;
  payload: unknown;
  /** The request id the room should echo, when the payload carries one it can echo (else the reply has id null). */
  trackedId: string | null;
}

/** Where the sender sits, so some messages are right for it and others are for other seats or quarters. */
export interface SenderFacts {
  seat: number | null;
  quarter: number;
}

const ORDER_KEYS = ['chipRnD', 'aiTraining', 'fsdRnD', 'robotRnD', 'phonePartnerships', 'buyCars', 'launches', 'ridePriceUsd', 'foundryBid', 'applyPermits', 'spectrumBids', 'actuatorBuy'];
const COMMAND_TYPES = ['SubmitOrders', 'LockOrders', 'UnlockOrders', 'EndPlanning', 'StartMatch', 'PauseMatch', 'ResumeMatch', 'InjectShock', 'SetPlanningTimer', 'ReplaceSeat', 'CreateMatch', 'ClaimSeat'];
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const UNICODE = ['\u0000', '\uFFFF', '\uD800', '\uDFFF', '\u202E', '😀', 'Ω', '\u200B', '𝕏', '\n', '"', '\\', '<script>'];

/**
 * A seeded generator of hostile room messages: wrong types, missing and extra keys, prototype
 * keys, NaN and infinities, huge and negative numbers, long strings, unicode junk, unknown message
 * types, commands for other seats and out-of-phase commands, and a share of valid ones.
 */
export class HostileMessages {
  private readonly rng: Rng;
  private n = 0;

  constructor(
    seed: string,
    private readonly idPrefix: string,
  ) {
    this.rng = new Rng(seedPrng(seed));
  }

  private int(max: number): number {
    return Math.floor(this.rng.next() * max);
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  private chance(p: number): boolean {
    return this.rng.next() < p;
  }

  junkString(length: number, unicode: readonly string[] = UNICODE): string {
    let s = '';
    while (s.length < length) s += this.chance(0.3) ? this.pick(unicode) : String.fromCharCode(32 + this.int(95));
    return s.slice(0, length);
  }

  /**
   * A message type: unicode junk, but no lone surrogates. The SDK writes a type's length from its
   * UTF-16 form, so a lone surrogate there makes an undecodable frame (see `undecodableFrame`).
   */
  private junkType(): string {
    return this.junkString(1 + this.int(20), UNICODE.filter((c) => !/[\uD800-\uDFFF]/.test(c)));
  }

  /** Long and ASCII, so its byte size is its length: over the room's 16 KiB limit, under the 64 KiB frame limit. */
  private longString(length: number): string {
    return 'L'.repeat(length);
  }

  /** Any value at all, favouring the ones rules trip over. */
  junkValue(depth = 0): unknown {
    switch (this.int(depth > 2 ? 9 : 12)) {
      case 0:
        return this.pick([NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, -0]);
      case 1:
        return -1 - this.int(1e9);
      case 2:
        return this.rng.next() * 1e6;
      case 3:
        return this.pick([Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 2 ** 31, -(2 ** 31), 2 ** 64]);
      case 4:
        return this.junkString(this.int(40));
      case 5:
        return this.pick([null, undefined, true, false, 0, '', '0', 'NaN']);
      case 6:
        return this.int(100);
      case 7:
        return this.pick([new Uint8Array([1, 2, 3]), new Date(0), 2n ** 63n - 1n, -(2n ** 63n)]);
      case 8:
        return this.junkString(this.int(3));
      case 9:
        return Array.from({ length: this.int(5) }, () => this.junkValue(depth + 1));
      case 10:
        return this.junkObject(depth + 1);
      default:
        return this.nastyObject(depth + 1);
    }
  }

  private junkObject(depth: number): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (let i = this.int(5); i > 0; i--) o[this.chance(0.5) ? this.pick(ORDER_KEYS) : this.junkString(1 + this.int(12))] = this.junkValue(depth);
    return o;
  }

  /** An object with own `__proto__`, `constructor` or `prototype` keys (as JSON.parse makes them). */
  private nastyObject(depth: number): Record<string, unknown> {
    const inner = JSON.stringify(this.chance(0.5) ? { polluted: true, isAdmin: true } : { seat: 0, quarter: 1 });
    const o = JSON.parse(`{"${this.pick(NASTY_KEYS)}": ${inner}}`) as Record<string, unknown>;
    if (this.chance(0.5)) o[this.pick(ORDER_KEYS)] = this.junkValue(depth);
    return o;
  }

  /** Orders that may be valid: small whole budgets, sometimes with one field made wrong. */
  private orders(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (let i = 1 + this.int(3); i > 0; i--) o[this.pick(['chipRnD', 'aiTraining', 'fsdRnD', 'robotRnD'])] = this.int(300);
    if (this.chance(0.4)) o[this.pick(ORDER_KEYS)] = this.junkValue();
    if (this.chance(0.1)) Object.assign(o, this.nastyObject(1));
    return o;
  }

  private command(me: SenderFacts): unknown {
    const ownSeat = me.seat ?? 0;
    const seat = this.chance(0.6) ? ownSeat : this.pick([ownSeat + 1, 7, 8, -1, 255, 1e308, NaN, '0', null]);
    const quarter = this.chance(0.7) ? me.quarter : this.pick([me.quarter + 1, me.quarter - 1, 0, 21, 61, -1, Infinity, 1.5, '1']);
    const type = this.chance(0.7) ? this.pick(['SubmitOrders', 'LockOrders', 'UnlockOrders']) : this.chance(0.8) ? this.pick(COMMAND_TYPES) : this.junkString(8);
    const data: Record<string, unknown> = { seat, quarter };
    if (type === 'SubmitOrders' || this.chance(0.1)) data.orders = this.chance(0.8) ? this.orders() : this.junkValue();
    switch (this.int(10)) {
      case 0:
        delete data[this.pick(['seat', 'quarter', 'orders'])];
        break;
      case 1:
        // defineProperty: `data.__proto__ = x` would set the prototype instead of adding a key.
        Object.defineProperty(data, this.chance(0.5) ? this.pick(NASTY_KEYS) : this.junkString(6), { value: this.junkValue(), enumerable: true });
        break;
      case 2:
        return { type, data: this.junkValue() };
      case 3:
        return { type, data, extra: this.junkValue() };
      case 4:
        return { data };
      case 5:
        return this.nastyObject(0);
      default:
    }
    return { type, data };
  }

  /** The next message. `largeBytes` is the length of the occasional long string (under the frame limit). */
  next(me: SenderFacts, largeBytes: number): Hostile {
    this.n += 1;
    const tracked = `${this.idPrefix}${this.n}`;
    const roll = this.rng.next();
    if (roll < 0.06) return { type: this.chance(0.5) ? this.junkType() : this.pick(['cmd', 'Command', 'ack', 'seat', '__proto__', 'constructor']), payload: this.junkValue(), trackedId: null };
    if (roll < 0.08) return { type: this.int(1000), payload: this.junkValue(), trackedId: null };
    if (roll < 0.12) return { type: 'command', payload: this.junkValue(), trackedId: null };
    if (roll < 0.14) return { type: 'command', payload: { id: tracked, command: { type: 'SubmitOrders', data: { seat: me.seat ?? 0, quarter: me.quarter, orders: { note: this.longString(largeBytes) } } } }, trackedId: tracked };
    if (roll < 0.2) {
      // An id the room must not echo (too long, or not a string or number): the reply has id null.
      const id = this.pick([this.junkString(65 + this.int(100)), { id: 1 }, [1], true, null]);
      return { type: 'command', payload: { id, command: this.command(me) }, trackedId: null };
    }
    if (roll < 0.23) return { type: 'command', payload: { id: tracked, command: this.command(me), [this.pick(NASTY_KEYS)]: this.junkValue() }, trackedId: tracked };
    if (roll < 0.25) return { type: 'command', payload: { id: tracked }, trackedId: tracked };
    // Chat: junk and unicode text (controls, separators, HTML), too long, the wrong shape.
    if (roll < 0.28) {
      const text = this.pick([this.junkString(1 + this.int(40)), this.longString(300 + this.int(2000)), this.pick(UNICODE), this.junkValue()]);
      return { type: 'say', payload: this.chance(0.9) ? { id: tracked, text } : { id: tracked, text, [this.pick(NASTY_KEYS)]: 1 }, trackedId: tracked };
    }
    return { type: 'command', payload: { id: tracked, command: this.command(me) }, trackedId: tracked };
  }
}
