import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../shared/domain/events';
import { seedPrng } from '../../shared/random/prng';
import { DEFAULT_SCENARIO } from '../../shared/scenario/loadScenario';
import { given } from '../support/given';
import { asPlayer } from '../support/newTestMatch';

const settings = { seats: 3, winLoops: 2, planningSeconds: 90 };
const created: GameEvent = {
  type: 'MatchCreated',
  data: { matchId: 'm1', seed: 'lc', scenario: DEFAULT_SCENARIO, settings, rng: seedPrng('lc') },
};
const ada: GameEvent = { type: 'SeatClaimed', data: { seat: 0, name: 'Ada', kind: 'human' } };
const started: GameEvent[] = [
  ada,
  { type: 'SeatClaimed', data: { seat: 1, name: 'Bot 2 (robots)', kind: 'bot', bot: { strategy: 'robots', difficulty: 'hard' } } },
  { type: 'SeatClaimed', data: { seat: 2, name: 'Bot 3 (robots)', kind: 'bot', bot: { strategy: 'robots', difficulty: 'hard' } } },
  { type: 'MatchStarted', data: { seats: 3 } },
  { type: 'PlanningOpened', data: { quarter: 1, standingOrders: [{}, {}, {}] } },
];

describe('match lifecycle', () => {
  it('creates a match with its seed, scenario and settings', () => {
    given([])
      .when({ type: 'CreateMatch', data: { matchId: 'm1', seed: 'lc', ...settings } })
      .then([created]);
  });

  it('refuses a second CreateMatch and bad settings', () => {
    given([created]).when({ type: 'CreateMatch', data: { matchId: 'm1', seed: 'lc', ...settings } }).thenRejects('MATCH_EXISTS');
    given([]).when({ type: 'CreateMatch', data: { matchId: 'm', seed: 's', ...settings, seats: 9 } }).thenRejects('INVALID_SETTINGS');
    given([]).when({ type: 'CreateMatch', data: { matchId: 'm', seed: 's', ...settings, seats: 0 } }).thenRejects('INVALID_SETTINGS');
    given([]).when({ type: 'CreateMatch', data: { matchId: 'm', seed: 's', ...settings, winLoops: 4 } }).thenRejects('INVALID_SETTINGS');
    given([])
      .when({ type: 'CreateMatch', data: { matchId: 'm', seed: 's', ...settings, planningSeconds: 1.5 } })
      .thenRejects('INVALID_SETTINGS');
    given([])
      .when({ type: 'CreateMatch', data: { matchId: 'm', seed: 's', ...settings } }, asPlayer(0))
      .thenRejects('NOT_ALLOWED');
  });

  it('a classroom match is marked at creation, and only its facilitator starts it', () => {
    const classroom: GameEvent = { type: 'MatchCreated', data: { matchId: 'c1', seed: 'lc', scenario: DEFAULT_SCENARIO, settings: { ...settings, classroom: true }, rng: seedPrng('lc') } };
    given([]).when({ type: 'CreateMatch', data: { matchId: 'c1', seed: 'lc', ...settings, classroom: true } }).then([classroom]);
    given([]).when({ type: 'CreateMatch', data: { matchId: 'c1', seed: 'lc', ...settings, classroom: 'yes' } }).thenRejects('MALFORMED_COMMAND');
    given([classroom, ada]).when({ type: 'StartMatch', data: {} }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given([classroom, ada]).when({ type: 'StartMatch', data: {} }, asPlayer(1)).thenRejects('NOT_ALLOWED');
    expect(given([classroom, ada]).when({ type: 'StartMatch', data: {} }, { role: 'facilitator' }).events().map((e) => e.type)).toContain('MatchStarted');
    // A friends' match: its host (seat 0) starts it.
    expect(given([created, ada]).when({ type: 'StartMatch', data: {} }, asPlayer(0)).events().map((e) => e.type)).toContain('MatchStarted');
  });

  it('claims the first open seat or a named one, for people and bots', () => {
    given([created]).when({ type: 'ClaimSeat', data: { name: '  Ada  ' } }).then([ada]);
    given([created, ada])
      .when({ type: 'ClaimSeat', data: { name: 'Bo', bot: { strategy: 'robotaxi', difficulty: 'easy' } } })
      .then([{ type: 'SeatClaimed', data: { seat: 1, name: 'Bo', kind: 'bot', bot: { strategy: 'robotaxi', difficulty: 'easy' } } }]);
    given([created, ada]).when({ type: 'ClaimSeat', data: { seat: 0, name: 'Eve' } }).thenRejects('SEAT_TAKEN');
    given([created]).when({ type: 'ClaimSeat', data: { seat: 7, name: 'Eve' } }).thenRejects('UNKNOWN_SEAT');
    given([created]).when({ type: 'ClaimSeat', data: { name: '\u0000\u0007 ' } }).thenRejects('NAME_INVALID');
    given([created]).when({ type: 'ClaimSeat', data: { name: 'x'.repeat(25) } }).thenRejects('NAME_INVALID');
    given([created])
      .when({ type: 'ClaimSeat', data: { name: 'B', bot: { strategy: 'chaos', difficulty: 'easy' } } })
      .thenRejects('MALFORMED_COMMAND');
    const full = [created, ada, ...[1, 2].map((seat) => ({ type: 'SeatClaimed', data: { seat, name: `P${seat}`, kind: 'human' } }) as GameEvent)];
    given(full).when({ type: 'ClaimSeat', data: { name: 'Late' } }).thenRejects('NO_FREE_SEAT');
  });

  it('the server expires a match still in the lobby; nobody joins or starts it after that', () => {
    const expired: GameEvent = { type: 'MatchExpired', data: {} };
    given([created, ada]).when({ type: 'ExpireMatch', data: {} }).then([expired]);
    given([created]).when({ type: 'ExpireMatch', data: {} }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given([created]).when({ type: 'ExpireMatch', data: {} }, { role: 'facilitator' }).thenRejects('NOT_ALLOWED');
    given([created, ...started]).when({ type: 'ExpireMatch', data: {} }).thenRejects('WRONG_PHASE');
    expect(given([created, expired]).state.status).toBe('expired');
    given([created, expired]).when({ type: 'ClaimSeat', data: { name: 'Late' } }).thenRejects('MATCH_EXPIRED');
    given([created, expired]).when({ type: 'StartMatch', data: {} }).thenRejects('MATCH_EXPIRED');
    given([created, expired]).when({ type: 'ExpireMatch', data: {} }).thenRejects('MATCH_EXPIRED');
  });

  it('a facilitator closes joining: no new player takes a seat, a bot still may; reopening lets them in', () => {
    const facilitator = { role: 'facilitator' } as const;
    const closed: GameEvent = { type: 'JoiningSet', data: { open: false } };
    given([created]).when({ type: 'SetJoining', data: { open: false } }, facilitator).then([closed]);
    given([created, closed]).when({ type: 'SetJoining', data: { open: false } }, facilitator).then([]);
    given([created]).when({ type: 'SetJoining', data: { open: false } }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given([created]).when({ type: 'SetJoining', data: { open: 'no' } }, facilitator).thenRejects('MALFORMED_COMMAND');
    expect(given([created, closed]).state.joiningClosed).toBe(true);
    given([created, closed]).when({ type: 'ClaimSeat', data: { name: 'Eve' } }).thenRejects('JOINING_CLOSED');
    given([created, closed])
      .when({ type: 'ClaimSeat', data: { name: 'Bo', bot: { strategy: 'robotaxi', difficulty: 'easy' } } })
      .then([{ type: 'SeatClaimed', data: { seat: 0, name: 'Bo', kind: 'bot', bot: { strategy: 'robotaxi', difficulty: 'easy' } } }]);
    given([created, closed, { type: 'JoiningSet', data: { open: true } }]).when({ type: 'ClaimSeat', data: { name: '  Ada  ' } }).then([ada]);
  });

  it('starts by filling open seats with bots and opening quarter 1', () => {
    given([created, ada])
      .when({ type: 'StartMatch', data: { fillBots: { strategy: 'robots', difficulty: 'hard' } } })
      .then(started.slice(1));
    given([created, ada]).when({ type: 'StartMatch', data: {} }, asPlayer(1)).thenRejects('NOT_ALLOWED');
    given([created, ...started]).when({ type: 'StartMatch', data: {} }).thenRejects('WRONG_PHASE');
    given([created, ...started]).when({ type: 'ClaimSeat', data: { name: 'Late' } }).thenRejects('WRONG_PHASE');
    given([]).when({ type: 'StartMatch', data: {} }).thenRejects('MATCH_NOT_FOUND');
  });

  it('a started match gives every seat the same starting position', () => {
    const { state } = given([created, ...started]);
    expect(state.status).toBe('planning');
    expect(state.quarter).toBe(1);
    for (const p of state.players) {
      expect(p.cash).toBe(15_000_000_000);
      expect(p.tech).toMatchObject({ chipGeneration: 0, capability: 30, autonomy: 50, dexterity: 10, phoneAdoption: 0 });
    }
  });

  it('pauses and resumes; a paused match refuses orders and the end of planning', () => {
    const paused: GameEvent = { type: 'MatchPaused', data: { quarter: 1 } };
    given([created, ...started]).when({ type: 'PauseMatch', data: {} }, { role: 'facilitator' }).then([paused]);
    given([created, ...started]).when({ type: 'PauseMatch', data: {} }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given([created, ...started, paused]).when({ type: 'PauseMatch', data: {} }).thenRejects('MATCH_PAUSED');
    given([created, ...started]).when({ type: 'ResumeMatch', data: {} }).thenRejects('NOT_PAUSED');
    given([created, ...started, paused])
      .when({ type: 'ResumeMatch', data: {} }, { role: 'facilitator' })
      .then([{ type: 'MatchResumed', data: { quarter: 1 } }]);
    given([created, ...started, paused])
      .when({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: {} } }, asPlayer(0))
      .thenRejects('MATCH_PAUSED');
    given([created, ...started, paused]).when({ type: 'EndPlanning', data: { quarter: 1 } }).thenRejects('MATCH_PAUSED');
    given([created]).when({ type: 'PauseMatch', data: {} }).thenRejects('WRONG_PHASE');
  });
});
