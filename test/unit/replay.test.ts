import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEvent, verifyLog, type EventEnvelope } from '../../shared/replay/envelope';
import { buildSnapshots, fold, stateAt, stateHash } from '../../shared/replay/fold';
import type { GameEvent } from '../../shared/domain/events';
import { evolveAll } from '../../shared/rules/evolve';
import { initialState } from '../../shared/rules/initialState';
import { runBotMatch } from '../../shared/sim/runBotMatch';
import { scriptedMatch } from '../support/scriptedMatch';

const match = scriptedMatch(4);
const log = match.log;
const clone = (): EventEnvelope[] => structuredClone(log);

describe('event envelope and hash chain', () => {
  it('chains every event to the previous one', () => {
    expect(log[0]!.prevHash).toBe(GENESIS_HASH);
    expect(log[0]!.seq).toBe(1);
    for (let i = 1; i < log.length; i++) {
      expect(log[i]!.seq).toBe(i + 1);
      expect(log[i]!.prevHash).toBe(log[i - 1]!.hash);
      expect(log[i]!.matchId).toBe('test-match');
    }
    expect(verifyLog(log)).toEqual({ ok: true, count: log.length });
  });

  it('names the first bad seq of a changed event', () => {
    const changed = clone();
    (changed[9]!.data as { quarter?: number }).quarter = 99;
    expect(verifyLog(changed)).toMatchObject({ ok: false, seq: 10 });
  });

  it('catches a changed event even when its own hash was recomputed', () => {
    const forged = clone();
    const target = forged.find((e) => e.type === 'FoundryAuctionCleared')!;
    (target.data as { clearingPriceUsd: number }).clearingPriceUsd = 1;
    target.hash = hashEvent(target);
    expect(verifyLog(forged)).toMatchObject({ ok: false, seq: target.seq + 1, reason: expect.stringContaining('prevHash') });
  });

  it('names the first bad seq of a removed and of a reordered event', () => {
    const removed = clone();
    removed.splice(6, 1);
    expect(verifyLog(removed)).toMatchObject({ ok: false, seq: 8, index: 6 });
    const reordered = clone();
    [reordered[11], reordered[12]] = [reordered[12]!, reordered[11]!];
    expect(verifyLog(reordered)).toMatchObject({ ok: false, seq: 13, index: 11 });
    const wrongMatch = clone();
    wrongMatch[3]!.matchId = 'other';
    expect(verifyLog(wrongMatch)).toMatchObject({ ok: false, seq: 4 });
  });
});

describe('replay', () => {
  it('fold(log) rebuilds the live state exactly', () => {
    expect(fold(log)).toEqual(match.state);
    expect(stateHash(fold(log))).toBe(stateHash(match.state));
  });

  it('stateAt gives the state after each quarter from snapshots', () => {
    const snapshots = buildSnapshots(log);
    expect(snapshots.map((s) => s.quarter)).toEqual([0, 1, 2, 3, 4]);
    for (let q = 1; q <= 4; q++) {
      const upTo = log.findIndex((e) => e.type === 'QuarterResolved' && e.data.quarter === q);
      expect(stateHash(stateAt(log, q))).toBe(stateHash(fold(log.slice(0, upTo + 1))));
    }
    expect(stateAt(log, 2)).not.toBe(stateAt(log, 2));
    expect(() => stateAt(log, 9)).toThrow(RangeError);
  });

  it('a full 20-quarter match ends, and its state hash is the same in another process', () => {
    const full = scriptedMatch(20, 'cross-process');
    expect(full.state.status).toBe('ended');
    expect(full.state.result!.ranking).toHaveLength(2);
    const script = `
      import { scriptedMatch } from './test/support/scriptedMatch.ts';
      import { stateHash } from './shared/replay/fold.ts';
      console.log(stateHash(scriptedMatch(20, 'cross-process').state));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
    }).trim();
    expect(out).toBe(stateHash(full.state));
    expect(out).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the live path of evolve', () => {
  const groups = runBotMatch({
    seed: 'live-path',
    bots: [{ strategy: 'robotaxi', difficulty: 'normal' }, { strategy: 'robots', difficulty: 'hard' }, { strategy: 'satellites', difficulty: 'easy' }],
    record: true,
  }).recorded;

  it('reaches the replay path’s state after every command, and never changes the state it started from', () => {
    let live = initialState();
    const soFar: GameEvent[] = [];
    const paths = new Set<string>();
    for (const group of groups) {
      const before = stateHash(live);
      const next = evolveAll(live, group);
      expect(stateHash(live)).toBe(before);
      soFar.push(...group);
      expect(stateHash(next)).toBe(stateHash(fold(soFar)));
      paths.add(group.length === 1 && group[0]!.type.startsWith('Orders') ? 'by hand' : group.length >= 8 ? 'copy' : 'immer');
      live = next;
    }
    expect([...paths].sort()).toEqual(['by hand', 'copy', 'immer']);
  });

  it('unlocks a locked seat by hand exactly as the recipes do', () => {
    const upTo = groups.findIndex((g) => g.length === 1 && g[0]!.type === 'OrdersLocked');
    const history = groups.slice(0, upTo + 1).flat();
    const locked = evolveAll(fold(history.slice(0, -1)), [history[history.length - 1]!]);
    const { seat, quarter } = history[history.length - 1]!.data as { seat: number; quarter: number };
    const unlock: GameEvent = { type: 'OrdersUnlocked', data: { seat, quarter } };
    const unlocked = evolveAll(locked, [unlock]);
    expect(locked.players[seat]!.locked).toBe(true);
    expect(unlocked.players[seat]!.locked).toBe(false);
    expect(stateHash(unlocked)).toBe(stateHash(fold([...history, unlock])));
  });
});
