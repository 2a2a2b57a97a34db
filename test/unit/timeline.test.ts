import { describe, expect, it } from 'vitest';
import { buildSnapshots, fold, stateHash } from '../../shared/replay/fold';
import { momentsOf, quarterAtCount, quarterMarks, stateAtCount, stepPosition } from '../../shared/replay/timeline';
import { runBotMatch } from '../../shared/sim/runBotMatch';
import { scriptedMatch } from '../support/scriptedMatch';

const log = scriptedMatch(4).log;
const snapshots = buildSnapshots(log);
const marks = quarterMarks(snapshots);

describe('replay timeline', () => {
  it('marks the start and the end of every resolved quarter', () => {
    expect(marks.map((m) => m.quarter)).toEqual([0, 1, 2, 3, 4]);
    for (const m of marks.slice(1)) expect(log[m.count - 1]!.type).toBe('QuarterResolved');
    expect(log[marks[0]!.count - 1]!.type).toBe('MatchStarted');
  });

  it('folds to any position from the nearest snapshot, equal to a full fold', () => {
    for (const count of [0, 1, marks[2]!.count, marks[2]!.count + 3, log.length]) {
      expect(stateHash(stateAtCount(log, snapshots, count))).toBe(stateHash(fold(log.slice(0, count))));
    }
  });

  it('steps by one event or one quarter and stays inside the log', () => {
    const q2 = marks[2]!.count;
    expect(stepPosition(q2, 1, 'event', marks, log.length)).toBe(q2 + 1);
    expect(stepPosition(q2, -1, 'event', marks, log.length)).toBe(q2 - 1);
    expect(stepPosition(q2, 1, 'quarter', marks, log.length)).toBe(marks[3]!.count);
    expect(stepPosition(q2 + 1, -1, 'quarter', marks, log.length)).toBe(q2);
    expect(stepPosition(q2, -1, 'quarter', marks, log.length)).toBe(marks[1]!.count);
    expect(stepPosition(0, -1, 'event', marks, log.length)).toBe(0);
    expect(stepPosition(0, -1, 'quarter', marks, log.length)).toBe(0);
    expect(stepPosition(log.length, 1, 'event', marks, log.length)).toBe(log.length);
    expect(stepPosition(marks[4]!.count, 1, 'quarter', marks, log.length)).toBe(log.length);
  });

  it('names the quarter resolved at a position', () => {
    expect(quarterAtCount(marks, 0)).toBeNull();
    expect(quarterAtCount(marks, marks[0]!.count)).toBe(0);
    expect(quarterAtCount(marks, marks[3]!.count - 1)).toBe(2);
    expect(quarterAtCount(marks, marks[3]!.count)).toBe(3);
  });

  it('finds every loop closed, auction and shock of a whole bot match, in log order', () => {
    const match = runBotMatch({
      seed: 'moments-1',
      bots: [
        { strategy: 'balanced', difficulty: 'hard' },
        { strategy: 'robotaxi', difficulty: 'hard' },
        { strategy: 'satellites', difficulty: 'hard' },
      ],
      record: true,
    });
    const events = match.recorded.flat();
    const moments = momentsOf(events);
    const loops = moments.filter((m) => m.kind === 'loop');
    expect(loops.map((m) => m.kind === 'loop' && { seat: m.seat, line: m.line, quarter: m.quarter })).toEqual(match.loopsClosed);
    expect(moments.filter((m) => m.kind === 'foundry')).toHaveLength(match.lastQuarter);
    expect(moments.filter((m) => m.kind === 'shock').length).toBe(events.filter((e) => e.type === 'ShockDrawn').length);
    expect(moments.filter((m) => m.kind === 'spectrum').length).toBe(events.filter((e) => e.type === 'SpectrumAuctionCleared').length);
    for (const m of moments) expect(['LoopClosed', 'SpectrumAuctionCleared', 'FoundryAuctionCleared', 'ShockDrawn']).toContain(events[m.count - 1]!.type);
    expect(moments.map((m) => m.count)).toEqual([...moments.map((m) => m.count)].sort((a, b) => a - b));
  });
});
