import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../shared/domain/errors';
import type { Actor } from '../../shared/domain/ids';
import { fold, stateHash } from '../../shared/replay/fold';
import { verifyLog } from '../../shared/replay/envelope';
import type { LocalMatch } from '../../shared/sim/LocalMatch';
import { actorArb, commandArb, type ActorHint } from '../support/arbitraries';
import { cashIdentityHolds } from '../support/invariants';
import { newTestMatch } from '../support/newTestMatch';

type Step = { command: unknown; actor: ActorHint };
const stepsArb = fc.array(fc.record({ command: commandArb(fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }) })), actor: actorArb }), {
  minLength: 1,
  maxLength: 60,
});

/** Plays the steps; returns the match. Anything thrown that is not a RuleError fails the property. */
function play(seed: string, steps: Step[], afterEach: (m: LocalMatch) => void = () => undefined): LocalMatch {
  const m = newTestMatch({ players: 4, seed });
  for (const { command, actor } of steps) {
    // Quarter 0 stands for "the current quarter", so that sheets land and quarters really resolve.
    const c = command as { data?: { quarter?: number } } | null;
    if (c && typeof c === 'object' && c.data && c.data.quarter === 0) c.data.quarter = m.state.quarter;
    const seat = (c?.data as { seat?: unknown } | undefined)?.seat;
    const who: Actor =
      actor.role !== 'owner' ? actor : typeof seat === 'number' ? { role: 'player', seat } : { role: 'system' };
    const before = stateHash(m.state);
    const logLength = m.log.length;
    try {
      m.exec(command as never, who);
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      // A refusal changes nothing.
      expect(m.log.length).toBe(logLength);
      expect(stateHash(m.state)).toBe(before);
    }
    afterEach(m);
    for (const p of m.state.players) {
      expect(p.cash).toBeGreaterThanOrEqual(0);
      if (p.debt > 0) expect(m.log.some((e) => e.type === 'EmergencyLoanTaken' && e.data.seat === p.seat)).toBe(true);
    }
  }
  accepted.quarters = Math.max(accepted.quarters, m.state.quarter);
  for (const e of m.log) if (e.type === 'OrdersSubmitted') accepted.orders++;
  return m;
}

const accepted = { quarters: 0, orders: 0 };

describe('engine properties', () => {
  it('random commands only ever raise RuleError, and a refusal changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), stepsArb, (seed, steps) => {
        play(`p-${seed}`, steps);
      }),
      { numRuns: 120, seed: 2025 },
    );
    // The generators must really reach deep states, not only be refused at the door.
    expect(accepted.quarters).toBeGreaterThanOrEqual(5);
    expect(accepted.orders).toBeGreaterThan(100);
  });

  it('money stays in whole dollars (prices with cents included) and the cash identity holds exactly after every command', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), stepsArb, (seed, steps) => {
        play(`money-${seed}`, steps, (m) => {
          for (const p of m.state.players) {
            expect(Number.isInteger(p.cash), `cash ${p.cash}`).toBe(true);
            expect(Number.isInteger(p.debt), `debt ${p.debt}`).toBe(true);
            expect(cashIdentityHolds(p)).toBe(true);
            checked++;
          }
        });
      }),
      { numRuns: 120, seed: 2027 },
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it('folding the stored log rebuilds the live state; the log verifies', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const m = play('fold', steps);
        expect(verifyLog(m.log)).toEqual({ ok: true, count: m.log.length });
        expect(stateHash(fold(m.log))).toBe(stateHash(m.state));
      }),
      { numRuns: 60, seed: 2026 },
    );
  });

  it('the same seed and commands give identical logs', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), stepsArb, (seed, steps) => {
        const a = play(seed, structuredClone(steps));
        const b = play(seed, structuredClone(steps));
        expect(b.log).toEqual(a.log);
        expect(stateHash(b.state)).toBe(stateHash(a.state));
      }),
      { numRuns: 40, seed: 2027 },
    );
  });
});
