import type { BotDifficulty } from '../domain/ids';

/**
 * How well a bot prices and bids. Difficulty never changes what a bot may do, only how close its
 * numbers come to good ones.
 */
export interface Skill {
  /** Relative noise on budgets and prices (0 = exact). */
  noise: number;
  /** Foundry bid as a multiple of last quarter's clearing price. */
  foundryMargin: number;
  /** Share of cash above the operating reserve spent each quarter. */
  spendRate: number;
  /** Stops research on a line once its milestone target is met. */
  stopsResearchAtTarget: boolean;
  /** Prices towards the revenue-maximising point instead of the list price. */
  pricesWell: boolean;
  /** How far a price moves in a quarter when the market says it is too low or too high (0 = never). */
  priceStep: number;
  /** Spectrum bids as a share of the license's estimated worth. */
  spectrumAppetite: number;
  /** Holds a line's spending under its revenue once its milestone is met, to close the loop. */
  closesLoops: boolean;
}

export const SKILLS: Record<BotDifficulty, Skill> = {
  easy: { noise: 0.35, foundryMargin: 1.6, spendRate: 0.55, stopsResearchAtTarget: false, pricesWell: false, priceStep: 0, spectrumAppetite: 0.35, closesLoops: false },
  normal: { noise: 0.15, foundryMargin: 1.25, spendRate: 0.7, stopsResearchAtTarget: true, pricesWell: false, priceStep: 0.05, spectrumAppetite: 0.5, closesLoops: true },
  hard: { noise: 0.03, foundryMargin: 1.08, spendRate: 0.8, stopsResearchAtTarget: true, pricesWell: true, priceStep: 0.1, spectrumAppetite: 0.6, closesLoops: true },
};
