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
  /** Spectrum bids as a share of the license's estimated worth. */
  spectrumAppetite: number;
}

export const SKILLS: Record<BotDifficulty, Skill> = {
  easy: { noise: 0.35, foundryMargin: 1.6, spendRate: 0.55, stopsResearchAtTarget: false, pricesWell: false, spectrumAppetite: 0.35 },
  normal: { noise: 0.15, foundryMargin: 1.25, spendRate: 0.7, stopsResearchAtTarget: true, pricesWell: false, spectrumAppetite: 0.5 },
  hard: { noise: 0.03, foundryMargin: 1.08, spendRate: 0.8, stopsResearchAtTarget: true, pricesWell: true, spectrumAppetite: 0.6 },
};
