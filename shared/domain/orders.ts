// The orders sheet of GAME.md. Budgets are in $M (as players think of them); unit prices are in
// US dollars (per chip, per ride, per robot, per actuator, per month); the rest are counts.

export interface FoundryBid {
  chips: number;
  maxPriceUsd: number;
}

export interface ActuatorOrder {
  qty: number;
  priceUsd: number;
}

export interface Orders {
  chipRnD?: number;
  aiTraining?: number;
  foundryBid?: FoundryBid;
  buyCars?: number;
  fsdRnD?: number;
  applyPermits?: string[];
  ridePriceUsd?: number;
  buildActuatorPlants?: number;
  buildRobotLines?: number;
  robotRnD?: number;
  produceRobots?: number;
  robotPriceUsd?: number;
  deployInternal?: number;
  /** Sell surplus actuators: `priceUsd` is the lowest acceptable price. */
  actuatorSell?: ActuatorOrder;
  /** Buy actuators: `priceUsd` is the highest acceptable price. */
  actuatorBuy?: ActuatorOrder;
  launches?: number;
  phonePartnerships?: number;
  /** Sealed bids in $M, by license id. */
  spectrumBids?: Record<string, number>;
  subscriptionPriceUsd?: number;
}

/** Budget fields in $M. */
export const BUDGET_FIELDS = ['chipRnD', 'aiTraining', 'fsdRnD', 'robotRnD', 'phonePartnerships'] as const;
/** Whole-unit counts. */
export const COUNT_FIELDS = [
  'buyCars',
  'buildActuatorPlants',
  'buildRobotLines',
  'produceRobots',
  'deployInternal',
  'launches',
] as const;
/** Unit prices in US dollars. */
export const PRICE_FIELDS = ['ridePriceUsd', 'robotPriceUsd', 'subscriptionPriceUsd'] as const;
