// A scenario is every tunable number of the game as plain data. Units are in the names:
// `…M` is millions of US dollars, `…Usd` is US dollars, everything else is a count or a ratio.

export type LineId = 'robotaxi' | 'robots' | 'satellites';
export const LINES: readonly LineId[] = ['robotaxi', 'robots', 'satellites'];

/** A record with one value per line, made by `of`. */
export const perLine = <T>(of: (line: LineId) => T): Record<LineId, T> => Object.fromEntries(LINES.map((l) => [l, of(l)])) as Record<LineId, T>;

export type Band = 'L' | 'S';

export interface ChipGeneration {
  id: string;
  /** Cumulative chip R&D ($M) at which this generation tapes out (0 for the starting one). */
  tapeOutAtM: number;
  /** μ: multiplier on capability, autonomy and dexterity progress. */
  multiplier: number;
  /** Compute cost per car or robot built on this generation. */
  computeCostUsd: number;
}

export interface City {
  id: string;
  name: string;
  /** Ride demand in the first quarter (rides per quarter). */
  demandQ1: number;
  minAutonomy: number;
  permitSlots: number;
}

export interface Region {
  id: string;
  name: string;
  /** Phone users in millions. */
  usersM: number;
}

export interface License {
  id: string;
  region: string;
  band: Band;
  auctionQuarter: number;
  reserveM: number;
}

export type ShockEffect =
  | { kind: 'foundrySupply'; factor: number }
  | { kind: 'actuatorCost'; factor: number }
  | { kind: 'cityPause' }
  | { kind: 'launchFailure'; launchesLost: number }
  | { kind: 'aiBreakthrough'; capabilityGain: number }
  | { kind: 'phoneDelay' }
  | { kind: 'spectrumSale' };

export interface ShockCard {
  id: string;
  headline: string;
  effect: ShockEffect;
  /** Quarters the effect lasts, counting the quarter it is drawn in. */
  durationQuarters: number;
  weight: number;
}

export interface Scenario {
  id: string;
  name: string;
  quarters: number;
  /** Calendar label of quarter 1: year and quarter of year (Q4 2025 in the default). */
  calendarStart: { year: number; quarter: number };
  startingCashM: number;
  legacyIncomeM: number;
  start: {
    chipGeneration: number;
    capability: number;
    autonomy: number;
    dexterity: number;
    phoneAdoption: number;
  };
  chips: { generations: ChipGeneration[] };
  ai: { trainingScaleM: number };
  /** Data bonus D = min(1, cars/carsForFull + robots deployed/robotsForFull). */
  dataBonus: { carsForFull: number; robotsForFull: number };
  foundry: {
    supplyQ1: number;
    growthPerQuarter: number;
    reserveUsd: number;
    /** The foundry's list price: no bid may exceed it, and when bids at it outrun supply, chips are shared pro rata. */
    ceilingUsd?: number;
    /** `supplyQ1` is for this many seats; a match with more or fewer scales it (none: the same for any match). */
    seatsForSupply?: number;
  };
  finance: {
    loanInterestPerQuarter: number;
    bookValueFactor: number;
    openLoopMultiple: number;
    closedLoopMultiple: number;
  };
  limits: {
    maxMoneyOrderM: number;
    maxQuantityOrder: number;
    maxUnitPriceUsd: number;
    maxPlantsPerQuarter: number;
    maxRobotLinesPerQuarter: number;
  };
  robotaxi: {
    carPriceUsd: number;
    ridesPerCarQuarter: number;
    autonomyScaleM: number;
    aiTrainingWeight: number;
    unsupervisedAt: number;
    costSupervisedUsd: number;
    costUnsupervisedUsd: number;
    defaultRidePriceUsd: number;
    demandGrowthPerQuarter: number;
    priceElasticity: number;
    cities: City[];
    /** The most city permits one company may hold (applications beyond it are refused); none when absent. */
    maxPermitsPerPlayer?: number;
    milestone: { autonomy: number; cities: number };
  };
  robots: {
    handActuators: number;
    hands: number;
    bodyActuators: number;
    plantCostM: number;
    plantCapacityPerQuarter: number;
    plantBuildQuarters: number;
    actuatorUnitCostUsd: number;
    /** Cost drop per doubling of cumulative actuator output (0.15 = −15%). */
    learningRate: number;
    /** Cumulative output at which the learning curve starts. */
    learningBaseUnits: number;
    lineCostM: number;
    lineCapacityPerQuarter: number;
    lineBuildQuarters: number;
    otherPartsUsd: number;
    dexterityScaleM: number;
    aiTrainingWeight: number;
    marketDemandQ1: number;
    marketGrowthPerQuarter: number;
    referencePriceUsd: number;
    defaultPriceUsd: number;
    priceElasticity: number;
    /** Remote-sites demand, as a share of the robot market, opened by the satellite network. */
    remoteSitesShare: number;
    deploymentCutPer1000: number;
    deploymentCutMax: number;
    upkeepUsd: number;
    milestone: { dexterity: number; deployed: number };
  };
  satellites: {
    satellitesPerLaunch: number;
    launchCostM: number;
    maxLaunchesPerQuarter: number;
    decayPerQuarter: number;
    opsCostPer100M: number;
    satellitesForFullCoverage: number;
    oneBandFactor: number;
    adoptionStartQuarter: number;
    adoptionBaseM: number;
    adoptionScaleM: number;
    defaultPriceUsd: number;
    /** Monthly price of the incumbent carriers' roaming offer: the outside option. */
    incumbentPriceUsd: number;
    priceElasticity: number;
    monthsPerQuarter: number;
    synergyMax: number;
    regions: Region[];
    licenses: License[];
    /** The most licenses one company may bid for in a quarter (an activity rule against a sweep); none when absent. */
    maxBidsPerQuarter?: number;
    milestone: { coverage: number; regions: number; adoption: number };
  };
  shocks: { enabled: boolean; chancePerQuarter: number; firstQuarter: number; deck: ShockCard[] };
  loop: { qualifyingQuarters: number; minStrength: number };
}
