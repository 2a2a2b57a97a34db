import type { ClaimSeat, CreateMatch, ExpireMatch, StartMatch } from '../domain/commands';
import { RuleError } from '../domain/errors';
import type { GameEvent } from '../domain/events';
import type { DecideContext } from '../domain/ids';
import type { GameState } from '../domain/state';
import { seedPrng } from '../random/prng';
import { DEFAULT_SCENARIO } from '../scenario/loadScenario';
import { validateScenario } from '../scenario/validateScenario';
import { standingOrders } from './ordersRules';

export const MAX_SEATS = 8;
const MAX_NAME = 24;
export const MAX_PLANNING_SECONDS = 3600;

function requireRole(ctx: DecideContext, allowed: ReadonlyArray<DecideContext['actor']['role']>, what: string): void {
  if (!allowed.includes(ctx.actor.role)) throw new RuleError('NOT_ALLOWED', `A ${ctx.actor.role} cannot ${what}.`);
}

function requireLobby(state: GameState): void {
  if (state.status === 'new') throw new RuleError('MATCH_NOT_FOUND', 'This match has not been created.');
  if (state.status === 'ended') throw new RuleError('MATCH_ENDED', 'This match has ended.');
  if (state.status === 'expired') throw new RuleError('MATCH_EXPIRED', 'This match waited too long for players and was closed; create a new one.');
  if (state.status !== 'lobby') throw new RuleError('WRONG_PHASE', 'The match has already started.');
}

/** A match nobody started in time is closed for good (the server's timer decides when). */
export function decideExpireMatch(state: GameState, _cmd: ExpireMatch, ctx: DecideContext): GameEvent[] {
  requireRole(ctx, ['system'], 'expire a match');
  requireLobby(state);
  return [{ type: 'MatchExpired', data: {} }];
}

function checkSetting(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max)
    throw new RuleError('INVALID_SETTINGS', `${name} must be a whole number from ${min} to ${max} (got ${String(v)}).`, {
      field: name,
    });
}

export function decideCreateMatch(state: GameState, cmd: CreateMatch, ctx: DecideContext): GameEvent[] {
  requireRole(ctx, ['system', 'facilitator'], 'create a match');
  if (state.status !== 'new') throw new RuleError('MATCH_EXISTS', `Match ${state.matchId} already exists.`);
  const d = cmd.data;
  // A match without an explicit seed would have to fall back to the clock: refuse it instead.
  const seed = d.seed.trim();
  if (seed.length === 0) throw new RuleError('SEED_REQUIRED', 'Every match needs an explicit seed.');
  checkSetting('seats', d.seats, 1, MAX_SEATS);
  checkSetting('winLoops', d.winLoops, 1, 3);
  checkSetting('planningSeconds', d.planningSeconds, 0, MAX_PLANNING_SECONDS);
  const scenario = d.scenario === undefined ? DEFAULT_SCENARIO : validateScenario(d.scenario);
  const delay = d.spectatorDelay ?? 0;
  checkSpectatorDelay(delay, scenario.quarters);
  return [
    {
      type: 'MatchCreated',
      data: {
        matchId: d.matchId,
        seed,
        scenario,
        // Without a delay (or a class) the settings stay as older logs wrote them.
        settings: {
          seats: d.seats,
          winLoops: d.winLoops,
          planningSeconds: d.planningSeconds,
          ...(delay > 0 ? { spectatorDelay: delay } : {}),
          ...(d.classroom ? { classroom: true as const } : {}),
          ...(d.chat === false ? { chat: false as const } : {}),
          ...(d.ranked ? { ranked: true as const } : {}),
        },
        rng: seedPrng(seed),
      },
    },
  ];
}

export function checkSpectatorDelay(quarters: number, matchQuarters: number): void {
  checkSetting('spectatorDelay', quarters, 0, matchQuarters);
}

export function cleanName(raw: string): string {
  // Control characters and surrounding blanks never reach other players' screens.
  const name = raw.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '').trim();
  if (name.length < 1 || name.length > MAX_NAME)
    throw new RuleError('NAME_INVALID', `A display name needs 1 to ${MAX_NAME} characters.`);
  return name;
}

export function decideClaimSeat(state: GameState, cmd: ClaimSeat, ctx: DecideContext): GameEvent[] {
  requireRole(ctx, ['system', 'facilitator'], 'assign seats');
  requireLobby(state);
  const d = cmd.data;
  if (state.joiningClosed && !d.bot) throw new RuleError('JOINING_CLOSED', 'The facilitator has closed this match to new players.');
  const name = cleanName(d.name);
  let seat: number;
  if (d.seat === undefined) {
    const open = state.seats.find((s) => s.kind === 'open');
    if (!open) throw new RuleError('NO_FREE_SEAT', 'Every seat of this match is taken.');
    seat = open.index;
  } else {
    if (!Number.isInteger(d.seat) || d.seat < 0 || d.seat >= state.seats.length)
      throw new RuleError('UNKNOWN_SEAT', `There is no seat ${String(d.seat)}.`);
    if (state.seats[d.seat]!.kind !== 'open') throw new RuleError('SEAT_TAKEN', `Seat ${d.seat} is already taken.`);
    seat = d.seat;
  }
  return [
    {
      type: 'SeatClaimed',
      data: d.bot ? { seat, name, kind: 'bot', bot: { ...d.bot } } : { seat, name, kind: 'human' },
    },
  ];
}

export function decideStartMatch(state: GameState, cmd: StartMatch, ctx: DecideContext): GameEvent[] {
  // The host (seat 0) may start a friends' match; a classroom starts from its facilitator.
  if (ctx.actor.role === 'player' && state.settings.classroom) throw new RuleError('NOT_ALLOWED', 'In a classroom match the facilitator starts the match.');
  if (ctx.actor.role === 'player' && ctx.actor.seat !== 0)
    throw new RuleError('NOT_ALLOWED', 'Only the host or the facilitator can start the match.');
  requireLobby(state);
  const fill = cmd.data.fillBots ?? { strategy: 'balanced' as const, difficulty: 'normal' as const };
  const events: GameEvent[] = state.seats
    .filter((s) => s.kind === 'open')
    .map((s) => ({
      type: 'SeatClaimed' as const,
      data: { seat: s.index, name: `Bot ${s.index + 1} (${fill.strategy})`, kind: 'bot' as const, bot: { ...fill } },
    }));
  // A what-if fork already has its players: play resumes with the quarter after the fork point.
  if (state.players.length > 0) {
    const standing = state.players.map((p) => standingOrders(state, p));
    events.push({ type: 'PlanningOpened', data: { quarter: state.quarter + 1, standingOrders: standing } });
    return events;
  }
  const standing = state.seats.map(() => ({}));
  events.push({ type: 'MatchStarted', data: { seats: state.seats.length } });
  events.push({ type: 'PlanningOpened', data: { quarter: 1, standingOrders: standing } });
  return events;
}
