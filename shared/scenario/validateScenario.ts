import { z } from 'zod';
import { RuleError } from '../domain/errors';
import { deepFreeze } from '../util/deepFreeze';
import type { Scenario } from './types';

const count = z.number().int().nonnegative();
const positive = z.number().positive();
const ratio = z.number().min(0).max(1);
const money = z.number().nonnegative();
const score = z.number().min(0).max(100);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase id of letters, digits and dashes');

const shockEffect = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('foundrySupply'), factor: ratio }),
  z.strictObject({ kind: z.literal('actuatorCost'), factor: positive }),
  z.strictObject({ kind: z.literal('cityPause') }),
  z.strictObject({ kind: z.literal('launchFailure'), launchesLost: count }),
  z.strictObject({ kind: z.literal('aiBreakthrough'), capabilityGain: score }),
  z.strictObject({ kind: z.literal('phoneDelay') }),
  z.strictObject({ kind: z.literal('spectrumSale') }),
]);

const scenarioSchema = z.strictObject({
  id,
  name: z.string().min(1).max(80),
  quarters: z.number().int().min(1).max(60),
  calendarStart: z.strictObject({ year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) }),
  startingCashM: money,
  legacyIncomeM: money,
  start: z.strictObject({
    chipGeneration: count,
    capability: score,
    autonomy: score,
    dexterity: score,
    phoneAdoption: ratio,
  }),
  chips: z.strictObject({
    generations: z
      .array(z.strictObject({ id: z.string().min(1), tapeOutAtM: money, multiplier: positive, computeCostUsd: money }))
      .min(1),
  }),
  ai: z.strictObject({ trainingScaleM: positive }),
  dataBonus: z.strictObject({ carsForFull: positive, robotsForFull: positive }),
  foundry: z
    .strictObject({
      supplyQ1: count,
      growthPerQuarter: z.number().min(-0.5).max(2),
      reserveUsd: money,
      ceilingUsd: positive.optional(),
      seatsForSupply: z.number().int().min(1).max(8).optional(),
    })
    .refine((f) => f.ceilingUsd === undefined || f.ceilingUsd >= f.reserveUsd, 'the ceiling is below the reserve'),
  finance: z.strictObject({
    loanInterestPerQuarter: ratio,
    bookValueFactor: ratio,
    openLoopMultiple: money,
    closedLoopMultiple: money,
  }),
  limits: z.strictObject({
    maxMoneyOrderM: positive,
    maxQuantityOrder: positive,
    maxUnitPriceUsd: positive,
    maxPlantsPerQuarter: count,
    maxRobotLinesPerQuarter: count,
  }),
  robotaxi: z.strictObject({
    carPriceUsd: money,
    ridesPerCarQuarter: positive,
    autonomyScaleM: positive,
    aiTrainingWeight: money,
    unsupervisedAt: score,
    costSupervisedUsd: money,
    costUnsupervisedUsd: money,
    defaultRidePriceUsd: positive,
    demandGrowthPerQuarter: z.number().min(-0.5).max(2),
    priceElasticity: positive,
    cities: z
      .array(z.strictObject({ id, name: z.string().min(1), demandQ1: count, minAutonomy: score, permitSlots: count }))
      .min(1),
    maxPermitsPerPlayer: z.number().int().min(1).optional(),
    milestone: z.strictObject({ autonomy: score, cities: count }),
  }),
  robots: z.strictObject({
    handActuators: count,
    hands: count,
    bodyActuators: count,
    plantCostM: money,
    plantCapacityPerQuarter: count,
    plantBuildQuarters: z.number().int().min(0).max(8),
    actuatorUnitCostUsd: money,
    learningRate: z.number().min(0).lt(1),
    learningBaseUnits: positive,
    lineCostM: money,
    lineCapacityPerQuarter: count,
    lineBuildQuarters: z.number().int().min(0).max(8),
    otherPartsUsd: money,
    dexterityScaleM: positive,
    aiTrainingWeight: money,
    marketDemandQ1: count,
    marketGrowthPerQuarter: z.number().min(-0.5).max(2),
    referencePriceUsd: positive,
    defaultPriceUsd: positive,
    priceElasticity: positive,
    remoteSitesShare: ratio,
    deploymentCutPer1000: ratio,
    deploymentCutMax: ratio,
    upkeepUsd: money,
    milestone: z.strictObject({ dexterity: score, deployed: count }),
  }),
  satellites: z.strictObject({
    satellitesPerLaunch: count,
    launchCostM: money,
    maxLaunchesPerQuarter: count,
    decayPerQuarter: ratio,
    opsCostPer100M: money,
    satellitesForFullCoverage: positive,
    oneBandFactor: ratio,
    adoptionStartQuarter: z.number().int().min(1),
    adoptionBaseM: money,
    adoptionScaleM: positive,
    defaultPriceUsd: positive,
    incumbentPriceUsd: positive,
    priceElasticity: positive,
    monthsPerQuarter: positive,
    synergyMax: ratio,
    regions: z.array(z.strictObject({ id, name: z.string().min(1), usersM: money })).min(1),
    licenses: z.array(
      z.strictObject({
        id,
        region: z.string(),
        band: z.enum(['L', 'S']),
        auctionQuarter: z.number().int().min(1),
        reserveM: money,
      }),
    ),
    maxBidsPerQuarter: z.number().int().min(1).optional(),
    milestone: z.strictObject({ coverage: ratio, regions: count, adoption: ratio }),
  }),
  shocks: z.strictObject({
    enabled: z.boolean(),
    chancePerQuarter: ratio,
    firstQuarter: z.number().int().min(1),
    deck: z.array(
      z.strictObject({
        id,
        headline: z.string().min(1).max(200),
        effect: shockEffect,
        durationQuarters: z.number().int().min(1).max(8),
        weight: positive,
      }),
    ),
  }),
  loop: z.strictObject({ qualifyingQuarters: z.number().int().min(1), minStrength: positive }),
});

type Problem = { path: string; message: string };

/** Relations between tables that a per-field schema cannot see. */
function crossCheck(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const dup = (ids: string[], path: string) => {
    const seen = new Set<string>();
    ids.forEach((value, i) => {
      if (seen.has(value)) problems.push({ path: `${path}.${i}.id`, message: `duplicate id "${value}"` });
      seen.add(value);
    });
  };
  dup(s.robotaxi.cities.map((c) => c.id), 'robotaxi.cities');
  dup(s.satellites.regions.map((r) => r.id), 'satellites.regions');
  dup(s.satellites.licenses.map((l) => l.id), 'satellites.licenses');
  dup(s.shocks.deck.map((c) => c.id), 'shocks.deck');
  const regionIds = new Set(s.satellites.regions.map((r) => r.id));
  const bands = new Set<string>();
  s.satellites.licenses.forEach((l, i) => {
    if (!regionIds.has(l.region)) problems.push({ path: `satellites.licenses.${i}.region`, message: `unknown region "${l.region}"` });
    if (l.auctionQuarter > s.quarters)
      problems.push({ path: `satellites.licenses.${i}.auctionQuarter`, message: `quarter ${l.auctionQuarter} is after the last quarter (${s.quarters})` });
    const key = `${l.region}/${l.band}`;
    if (bands.has(key)) problems.push({ path: `satellites.licenses.${i}.band`, message: `second ${l.band}-band license in ${l.region}` });
    bands.add(key);
  });
  s.chips.generations.forEach((g, i) => {
    const prev = s.chips.generations[i - 1];
    if (i === 0 && g.tapeOutAtM !== 0) problems.push({ path: 'chips.generations.0.tapeOutAtM', message: 'the first generation is the starting one: 0' });
    if (prev && g.tapeOutAtM <= prev.tapeOutAtM)
      problems.push({ path: `chips.generations.${i}.tapeOutAtM`, message: 'must be above the previous generation' });
  });
  if (s.start.chipGeneration >= s.chips.generations.length)
    problems.push({ path: 'start.chipGeneration', message: `no generation with index ${s.start.chipGeneration}` });
  if (s.shocks.enabled && s.shocks.deck.length === 0) problems.push({ path: 'shocks.deck', message: 'shocks are enabled but the deck is empty' });
  return problems;
}

// Scenarios that passed validation (and were frozen by it): they cannot have changed since.
const validated = new WeakSet<object>();

/** The scenario, checked; otherwise a RuleError INVALID_SCENARIO naming every bad field. */
export function validateScenario(input: unknown): Scenario {
  if (typeof input === 'object' && input !== null && validated.has(input)) return input as Scenario;
  const parsed = scenarioSchema.safeParse(input);
  const problems: Problem[] = parsed.success
    ? crossCheck(parsed.data as Scenario)
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      }));
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new RuleError('INVALID_SCENARIO', `The scenario has ${problems.length} bad field(s): ${list}`, {
      fields: problems.map((p) => p.path),
    });
  }
  // A scenario is read-only for the whole match; frozen, it is shared safely between states.
  const scenario = deepFreeze(parsed.data as Scenario);
  validated.add(scenario);
  return scenario;
}
