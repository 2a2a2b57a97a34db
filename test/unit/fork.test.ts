import { describe, expect, it } from 'vitest';
import type { ForkSeat } from '../../shared/domain/commands';
import { verifyLog } from '../../shared/replay/envelope';
import { buildSnapshots, fold, stateAt, stateHash } from '../../shared/replay/fold';
import { LocalMatch } from '../../shared/sim/LocalMatch';
import { given } from '../support/given';
import { historyOf } from '../support/newTestMatch';
import { scriptedMatch } from '../support/scriptedMatch';

const source = scriptedMatch(6);
const bot: ForkSeat = { kind: 'bot', bot: { strategy: 'balanced', difficulty: 'normal' } };

function fork(quarter: number, seats: ForkSeat[] = [{ kind: 'open' }, bot]): LocalMatch {
  const m = new LocalMatch('fork-1');
  m.exec({ type: 'ForkMatch', data: { matchId: 'fork-1', sourceMatchId: 'test-match', quarter, state: stateAt(source.log, quarter), seats } });
  return m;
}

describe('what-if fork genesis', () => {
  it('starts from the exact state of the source after quarter 5, hash for hash', () => {
    const m = fork(5);
    const genesis = m.log[0]!;
    expect(genesis.type).toBe('MatchForked');
    const sourceHash = stateHash(stateAt(source.log, 5));
    expect(genesis.data).toMatchObject({ sourceMatchId: 'test-match', quarter: 5, sourceStateHash: sourceHash });
    expect(stateHash(fold(m.log.slice(0, 1)))).toBe(sourceHash);
    expect(verifyLog(m.log)).toEqual({ ok: true, count: 2 });
  });

  it('takes its own id and seats and waits in the lobby for the open seat', () => {
    const m = fork(5);
    expect(m.state.matchId).toBe('fork-1');
    expect(m.state.status).toBe('lobby');
    expect(m.state.quarter).toBe(5);
    expect(m.state.seats.map((s) => s.kind)).toEqual(['open', 'bot']);
    expect(m.state.players.map((p) => p.cash)).toEqual(stateAt(source.log, 5).players.map((p) => p.cash));
  });

  it('resumes with quarter 6 once the seat is taken and the match starts, and replays standalone', () => {
    const m = fork(5);
    m.exec({ type: 'ClaimSeat', data: { name: 'Ada' } });
    const started = m.exec({ type: 'StartMatch', data: {} });
    expect(started.map((e) => e.type)).toEqual(['PlanningOpened']);
    expect(m.state.status).toBe('planning');
    expect(m.state.quarter).toBe(6);
    m.exec({ type: 'EndPlanning', data: { quarter: 6 } });
    expect(m.state.quarter).toBe(7);
    expect(verifyLog(m.log).ok).toBe(true);
    expect(stateHash(fold(m.log))).toBe(stateHash(m.state));
    expect(buildSnapshots(m.log).map((s) => s.quarter)).toEqual([5, 6]);
  });

  it('with the same orders and bots the fork plays out like the source (the PRNG state is carried over)', () => {
    const m = fork(3, [{ kind: 'open' }, { kind: 'open' }]);
    m.exec({ type: 'ClaimSeat', data: { name: 'A' } });
    m.exec({ type: 'ClaimSeat', data: { name: 'B' } });
    m.exec({ type: 'StartMatch', data: {} });
    const q4 = source.log.filter((e) => e.type === 'OrdersSubmitted' && e.data.quarter === 4);
    for (const e of q4) {
      const d = e.data as { seat: number; orders: object };
      m.exec({ type: 'SubmitOrders', data: { seat: d.seat, quarter: 4, orders: d.orders } }, { role: 'player', seat: d.seat });
    }
    m.exec({ type: 'EndPlanning', data: { quarter: 4 } });
    const forked = stateAt(m.log, 4);
    const original = stateAt(source.log, 4);
    expect(forked.players.map((p) => [p.cash, p.valuation])).toEqual(original.players.map((p) => [p.cash, p.valuation]));
    expect(forked.rng).toEqual(original.rng);
  });

  it('refuses players, a fork of an existing match, a wrong seat count and a state that is not the quarter named', () => {
    const cmd = (quarter: number, seats: ForkSeat[]) => ({
      type: 'ForkMatch',
      data: { matchId: 'f', sourceMatchId: 'test-match', quarter, state: stateAt(source.log, 5), seats },
    });
    given([]).when(cmd(5, [bot, bot]), { role: 'player', seat: 0 }).thenRejects('NOT_ALLOWED');
    given(historyOf(source)).when(cmd(5, [bot, bot])).thenRejects('MATCH_EXISTS');
    given([]).when(cmd(5, [bot])).thenRejects('FORK_SEATS');
    given([]).when(cmd(4, [bot, bot])).thenRejects('FORK_NOT_A_QUARTER');
    given([]).when({ ...cmd(5, [bot, bot]), data: { ...cmd(5, [bot, bot]).data, seats: [{ kind: 'human' }, bot] } }).thenRejects('MALFORMED_COMMAND');
  });

  it('refuses a fork from a quarter after which the match had ended', () => {
    const short = new LocalMatch('x');
    const last = stateAt(source.log, 6);
    const endedState = { ...last, status: 'ended' as const };
    expect(() =>
      short.exec({ type: 'ForkMatch', data: { matchId: 'x', sourceMatchId: 's', quarter: 6, state: endedState, seats: [bot, bot] } }),
    ).toThrow(/had ended/);
  });
});
