import type { BotStrategy } from '../domain/ids';

/** Shares of a quarter's budget by area, and when the shared layer is front-loaded. */
export interface StrategyWeights {
  shared: number;
  robotaxi: number;
  robots: number;
  satellites: number;
  /** Chip R&D target ($M cumulative): 2,500 for AI5, 8,000 for AI6, 0 for none. */
  chipTarget: number;
  /** Quarters spent on the shared layer before the lines get money. */
  shareFirstQuarters: number;
}

export const STRATEGY_WEIGHTS: Record<Exclude<BotStrategy, 'random'>, StrategyWeights> = {
  balanced: { shared: 0.25, robotaxi: 0.25, robots: 0.25, satellites: 0.25, chipTarget: 2500, shareFirstQuarters: 0 },
  robotaxi: { shared: 0.3, robotaxi: 0.7, robots: 0, satellites: 0, chipTarget: 2500, shareFirstQuarters: 0 },
  robots: { shared: 0.3, robotaxi: 0, robots: 0.7, satellites: 0, chipTarget: 2500, shareFirstQuarters: 0 },
  satellites: { shared: 0.05, robotaxi: 0, robots: 0, satellites: 0.95, chipTarget: 0, shareFirstQuarters: 0 },
  vertical: { shared: 0.5, robotaxi: 0.25, robots: 0.25, satellites: 0, chipTarget: 8000, shareFirstQuarters: 3 },
};
