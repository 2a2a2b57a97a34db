import type { Command } from './commands';
import { RuleError } from './errors';
import { BOT_DIFFICULTIES, BOT_STRATEGIES } from './ids';

// The shape of every command, checked at the edge and again by decide: exact keys, the right
// types, bounded strings and collections. Numbers are only checked to be numbers here: NaN,
// Infinity, negatives and fractions get their own precise codes from the orders rules.
// Hand-written rather than zod: decide runs it on every command, and it must stay cheap.

class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
type Rec = Record<string, unknown>;

function object(v: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Rec {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new ShapeError(path, 'expected an object');
  const o = v as Rec;
  for (const key of Object.keys(o)) {
    if (!required.includes(key) && !optional.includes(key)) throw new ShapeError(`${path}.${key}`, 'unknown key');
  }
  for (const key of required) if (o[key] === undefined) throw new ShapeError(`${path}.${key}`, 'required');
  return o;
}

function num(v: unknown, path: string): void {
  if (typeof v !== 'number') throw new ShapeError(path, 'expected a number');
}

function optNum(o: Rec, key: string, path: string): void {
  if (o[key] !== undefined) num(o[key], `${path}.${key}`);
}

function str(v: unknown, path: string, min: number, max: number): void {
  if (typeof v !== 'string') throw new ShapeError(path, 'expected a string');
  if (v.length < min || v.length > max) throw new ShapeError(path, `expected ${min} to ${max} characters`);
}

function oneOf(v: unknown, path: string, values: readonly string[]): void {
  if (typeof v !== 'string' || !values.includes(v)) throw new ShapeError(path, `expected one of ${values.join(', ')}`);
}

function botSpec(v: unknown, path: string): void {
  const o = object(v, path, ['strategy', 'difficulty']);
  oneOf(o.strategy, `${path}.strategy`, BOT_STRATEGIES);
  oneOf(o.difficulty, `${path}.difficulty`, BOT_DIFFICULTIES);
}

function unitOrder(o: Rec, key: string, path: string, fields: readonly [string, string]): void {
  if (o[key] === undefined) return;
  const u = object(o[key], `${path}.${key}`, fields);
  num(u[fields[0]], `${path}.${key}.${fields[0]}`);
  num(u[fields[1]], `${path}.${key}.${fields[1]}`);
}

const ORDER_NUMBERS = [
  'chipRnD',
  'aiTraining',
  'buyCars',
  'fsdRnD',
  'ridePriceUsd',
  'buildActuatorPlants',
  'buildRobotLines',
  'robotRnD',
  'produceRobots',
  'robotPriceUsd',
  'deployInternal',
  'launches',
  'phonePartnerships',
  'subscriptionPriceUsd',
] as const;
const ORDER_KEYS = [...ORDER_NUMBERS, 'foundryBid', 'applyPermits', 'actuatorSell', 'actuatorBuy', 'spectrumBids'];

function orders(v: unknown, path: string): void {
  const o = object(v, path, [], ORDER_KEYS);
  for (const key of ORDER_NUMBERS) optNum(o, key, path);
  unitOrder(o, 'foundryBid', path, ['chips', 'maxPriceUsd']);
  unitOrder(o, 'actuatorSell', path, ['qty', 'priceUsd']);
  unitOrder(o, 'actuatorBuy', path, ['qty', 'priceUsd']);
  if (o.applyPermits !== undefined) {
    const permits = o.applyPermits;
    if (!Array.isArray(permits)) throw new ShapeError(`${path}.applyPermits`, 'expected a list');
    if (permits.length > 32) throw new ShapeError(`${path}.applyPermits`, 'at most 32 cities');
    permits.forEach((city, i) => str(city, `${path}.applyPermits.${i}`, 0, 64));
  }
  if (o.spectrumBids !== undefined) {
    const bids = o.spectrumBids;
    if (bids === null || typeof bids !== 'object' || Array.isArray(bids)) throw new ShapeError(`${path}.spectrumBids`, 'expected an object');
    const keys = Object.keys(bids);
    if (keys.length > 32) throw new ShapeError(`${path}.spectrumBids`, 'at most 32 bids');
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key) || key.length > 64) throw new ShapeError(`${path}.spectrumBids.${key}`, 'key not allowed');
      num((bids as Rec)[key], `${path}.spectrumBids.${key}`);
    }
  }
}

const seatAndQuarter = (d: Rec, path: string) => {
  num(d.seat, `${path}.seat`);
  num(d.quarter, `${path}.quarter`);
};

/** One checker per command type: the data's exact shape. */
const DATA: Record<Command['type'], (data: unknown, path: string) => void> = {
  CreateMatch(v, path) {
    const d = object(v, path, ['matchId', 'seed', 'seats', 'winLoops', 'planningSeconds'], ['scenario', 'spectatorDelay', 'classroom', 'chat', 'ranked']);
    if (d.ranked !== undefined && typeof d.ranked !== 'boolean') throw new ShapeError(`${path}.ranked`, 'expected true or false');
    optNum(d, 'spectatorDelay', path);
    if (d.chat !== undefined && typeof d.chat !== 'boolean') throw new ShapeError(`${path}.chat`, 'expected true or false');
    if (d.classroom !== undefined && typeof d.classroom !== 'boolean') throw new ShapeError(`${path}.classroom`, 'expected true or false');
    str(d.matchId, `${path}.matchId`, 1, 64);
    str(d.seed, `${path}.seed`, 0, 128);
    num(d.seats, `${path}.seats`);
    num(d.winLoops, `${path}.winLoops`);
    num(d.planningSeconds, `${path}.planningSeconds`);
    // A custom scenario is checked field by field by validateScenario, which names every bad field.
    if (d.scenario !== undefined && hostileKey(d.scenario, `${path}.scenario`, 0)) throw new ShapeError(`${path}.scenario`, 'key or nesting not allowed');
  },
  ClaimSeat(v, path) {
    const d = object(v, path, ['name'], ['seat', 'bot']);
    optNum(d, 'seat', path);
    str(d.name, `${path}.name`, 0, 200);
    if (d.bot !== undefined) botSpec(d.bot, `${path}.bot`);
  },
  ExpireMatch: (v, path) => void object(v, path, []),
  StartMatch(v, path) {
    const d = object(v, path, [], ['fillBots']);
    if (d.fillBots !== undefined) botSpec(d.fillBots, `${path}.fillBots`);
  },
  SubmitOrders(v, path) {
    const d = object(v, path, ['seat', 'quarter', 'orders']);
    seatAndQuarter(d, path);
    orders(d.orders, `${path}.orders`);
  },
  LockOrders: (v, path) => seatAndQuarter(object(v, path, ['seat', 'quarter']), path),
  UnlockOrders: (v, path) => seatAndQuarter(object(v, path, ['seat', 'quarter']), path),
  EndPlanning: (v, path) => num(object(v, path, ['quarter']).quarter, `${path}.quarter`),
  PauseMatch: (v, path) => void object(v, path, []),
  ResumeMatch: (v, path) => void object(v, path, []),
  SetPlanningTimer: (v, path) => num(object(v, path, ['seconds']).seconds, `${path}.seconds`),
  ReplaceSeat(v, path) {
    const d = object(v, path, ['seat', 'bot']);
    num(d.seat, `${path}.seat`);
    botSpec(d.bot, `${path}.bot`);
  },
  SetStagedReveal(v, path) {
    const on = object(v, path, ['on']).on;
    if (typeof on !== 'boolean') throw new ShapeError(`${path}.on`, 'expected true or false');
  },
  EndMatch: (v, path) => void object(v, path, []),
  RevealResults: (v, path) => num(object(v, path, ['quarter']).quarter, `${path}.quarter`),
  SetSpectatorDelay: (v, path) => num(object(v, path, ['quarters']).quarters, `${path}.quarters`),
  SetJoining(v, path) {
    const open = object(v, path, ['open']).open;
    if (typeof open !== 'boolean') throw new ShapeError(`${path}.open`, 'expected true or false');
  },
  ForkMatch(v, path) {
    const d = object(v, path, ['matchId', 'sourceMatchId', 'quarter', 'state', 'seats']);
    str(d.matchId, `${path}.matchId`, 1, 64);
    str(d.sourceMatchId, `${path}.sourceMatchId`, 1, 64);
    num(d.quarter, `${path}.quarter`);
    // The state comes from the server's own fold of the source log: its main keys and no hostile ones.
    if (d.state === null || typeof d.state !== 'object' || Array.isArray(d.state)) throw new ShapeError(`${path}.state`, 'expected an object');
    for (const key of ['matchId', 'status', 'seats', 'players', 'scenario', 'quarter'])
      if ((d.state as Rec)[key] === undefined) throw new ShapeError(`${path}.state.${key}`, 'required');
    if (hostileKey(d.state, `${path}.state`, 0)) throw new ShapeError(`${path}.state`, 'key or nesting not allowed');
    if (!Array.isArray(d.seats) || d.seats.length > 8) throw new ShapeError(`${path}.seats`, 'expected a list of at most 8 seats');
    d.seats.forEach((seat: unknown, i: number) => {
      const s = object(seat, `${path}.seats.${i}`, ['kind'], ['bot']);
      oneOf(s.kind, `${path}.seats.${i}.kind`, ['open', 'bot']);
      if (s.kind === 'bot') botSpec(s.bot, `${path}.seats.${i}.bot`);
      else if (s.bot !== undefined) throw new ShapeError(`${path}.seats.${i}.bot`, 'only a bot seat has a bot');
    });
  },
  SayChat(v, path) {
    const d = object(v, path, ['channel', 'text'], ['name']);
    oneOf(d.channel, `${path}.channel`, ['players', 'spectators']);
    // Generous in UTF-16 units: the rules count code points and answer CHAT_TOO_LONG themselves.
    str(d.text, `${path}.text`, 0, 4 * 280);
    if (d.name !== undefined) str(d.name, `${path}.name`, 0, 64);
  },
  MuteChat: (v, path) => optNum(object(v, path, [], ['seat']), 'seat', path),
  UnmuteChat: (v, path) => optNum(object(v, path, [], ['seat']), 'seat', path),
  InjectShock(v, path) {
    const d = object(v, path, ['cardId'], ['cityId']);
    str(d.cardId, `${path}.cardId`, 0, 64);
    if (d.cityId !== undefined) str(d.cityId, `${path}.cityId`, 0, 64);
  },
};

const MAX_DEPTH = 8;

/** Whether a free-form payload (a custom scenario) holds a prototype key or nests too deep. */
function hostileKey(value: unknown, path: string, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > MAX_DEPTH) return true;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key) || hostileKey((value as Rec)[key], `${path}.${key}`, depth + 1)) return true;
  }
  return false;
}

/** A well-shaped Command, or RuleError MALFORMED_COMMAND saying where the shape is wrong. */
export function parseCommand(raw: unknown): Command {
  try {
    const c = object(raw, 'command', ['type', 'data']);
    if (typeof c.type !== 'string' || !Object.prototype.hasOwnProperty.call(DATA, c.type))
      throw new ShapeError('type', `expected one of ${Object.keys(DATA).join(', ')}`);
    DATA[c.type as Command['type']](c.data, 'data');
    return raw as Command;
  } catch (e) {
    if (e instanceof ShapeError) throw new RuleError('MALFORMED_COMMAND', `Malformed command at ${e.path}: ${e.problem}.`);
    throw e;
  }
}
