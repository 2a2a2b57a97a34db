import { z } from 'zod';
import { BOT_DIFFICULTIES, BOT_STRATEGIES } from './ids';
import type { Command } from './commands';
import { RuleError } from './errors';

// The shape of every command, checked at the edge and again by decide. Unknown keys are refused.
// Numbers are only checked to be numbers here: NaN, Infinity, negatives and fractions get their
// own precise codes from the orders rules.

const anyNumber = z.custom<number>((v) => typeof v === 'number', { message: 'expected a number' });
const seat = anyNumber;
const quarter = anyNumber;
const botSpec = z.strictObject({ strategy: z.enum(BOT_STRATEGIES), difficulty: z.enum(BOT_DIFFICULTIES) });
const unitOrder = z.strictObject({ qty: anyNumber, priceUsd: anyNumber });

export const ordersSchema = z.strictObject({
  chipRnD: anyNumber.optional(),
  aiTraining: anyNumber.optional(),
  foundryBid: z.strictObject({ chips: anyNumber, maxPriceUsd: anyNumber }).optional(),
  buyCars: anyNumber.optional(),
  fsdRnD: anyNumber.optional(),
  applyPermits: z.array(z.string().max(64)).max(32).optional(),
  ridePriceUsd: anyNumber.optional(),
  buildActuatorPlants: anyNumber.optional(),
  buildRobotLines: anyNumber.optional(),
  robotRnD: anyNumber.optional(),
  produceRobots: anyNumber.optional(),
  robotPriceUsd: anyNumber.optional(),
  deployInternal: anyNumber.optional(),
  actuatorSell: unitOrder.optional(),
  actuatorBuy: unitOrder.optional(),
  launches: anyNumber.optional(),
  phonePartnerships: anyNumber.optional(),
  spectrumBids: z
    .record(z.string().max(64), anyNumber)
    .refine((r) => Object.keys(r).length <= 32, 'too many bids')
    .optional(),
  subscriptionPriceUsd: anyNumber.optional(),
});

const empty = z.strictObject({});

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('CreateMatch'),
    data: z.strictObject({
      matchId: z.string().min(1).max(64),
      seed: z.string().max(128),
      // A custom scenario is checked field by field by validateScenario, which names every bad field.
      scenario: z.unknown().optional(),
      seats: anyNumber,
      winLoops: anyNumber,
      planningSeconds: anyNumber,
    }),
  }),
  z.strictObject({
    type: z.literal('ClaimSeat'),
    data: z.strictObject({ seat: seat.optional(), name: z.string().max(200), bot: botSpec.optional() }),
  }),
  z.strictObject({ type: z.literal('StartMatch'), data: z.strictObject({ fillBots: botSpec.optional() }) }),
  z.strictObject({
    type: z.literal('SubmitOrders'),
    data: z.strictObject({ seat, quarter, orders: ordersSchema }),
  }),
  z.strictObject({ type: z.literal('LockOrders'), data: z.strictObject({ seat, quarter }) }),
  z.strictObject({ type: z.literal('UnlockOrders'), data: z.strictObject({ seat, quarter }) }),
  z.strictObject({ type: z.literal('EndPlanning'), data: z.strictObject({ quarter }) }),
  z.strictObject({ type: z.literal('PauseMatch'), data: empty }),
  z.strictObject({ type: z.literal('ResumeMatch'), data: empty }),
  z.strictObject({ type: z.literal('SetPlanningTimer'), data: z.strictObject({ seconds: anyNumber }) }),
  z.strictObject({ type: z.literal('ReplaceSeat'), data: z.strictObject({ seat, bot: botSpec }) }),
  z.strictObject({
    type: z.literal('InjectShock'),
    data: z.strictObject({ cardId: z.string().max(64), cityId: z.string().max(64).optional() }),
  }),
]);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 8;

/** The path of the first key that could reach an object's prototype, or of nesting too deep. */
function findHostileKey(value: unknown, path: string, depth: number): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return path;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return `${path}.${key}`;
    const found = findHostileKey((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** A well-shaped Command, or RuleError MALFORMED_COMMAND saying where the shape is wrong. */
export function parseCommand(raw: unknown): Command {
  const hostile = findHostileKey(raw, 'command', 0);
  if (hostile) throw new RuleError('MALFORMED_COMMAND', `Malformed command: key or nesting not allowed at ${hostile}.`);
  const result = commandSchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0]!;
    const where = first.path.length ? first.path.map(String).join('.') : 'command';
    throw new RuleError('MALFORMED_COMMAND', `Malformed command at ${where}: ${first.message}`);
  }
  return result.data as Command;
}
