import type { PrngState } from '../random/prng';
import type { LineId, Scenario } from '../scenario/types';
import type { BotSpec, SeatIndex } from './ids';
import type { Orders } from './orders';

// All money in the state is whole US dollars: sums stay exact, so the cash identity holds to
// the dollar. Orders keep the sheet's $M; rules convert with `usdFromM`.

export type MatchStatus = 'new' | 'lobby' | 'planning' | 'ended';

export interface Seat {
  index: SeatIndex;
  name: string;
  kind: 'open' | 'human' | 'bot';
  bot?: BotSpec;
}

export type LedgerAccount = LineId | 'shared';

/** Cash movements of the quarter being resolved, by account: the loop checks read this. */
export interface QuarterFlows {
  cashAtStart: number;
  legacyIncome: number;
  interest: number;
  loans: number;
  repaid: number;
  revenue: Record<LedgerAccount, number>;
  spend: Record<LedgerAccount, number>;
}

export interface TechState {
  chipGeneration: number;
  /** A taped-out generation waiting for the next quarter. */
  pendingGeneration: { generation: number; fromQuarter: number } | null;
  chipRnDTotalM: number;
  capability: number;
  autonomy: number;
  dexterity: number;
  phoneAdoption: number;
  dataBonus: number;
}

export interface PlayerState {
  seat: SeatIndex;
  cash: number;
  debt: number;
  orders: Orders;
  locked: boolean;
  tech: TechState;
  chips: number;
  /** Active fleet counts that feed the data bonus (filled in by the business lines). */
  cars: number;
  robotsDeployed: number;
  flows: QuarterFlows;
  valuation: number;
}

export interface FoundryResult {
  quarter: number;
  supply: number;
  clearingPriceUsd: number | null;
  sold: number;
}

export interface GameState {
  matchId: string;
  status: MatchStatus;
  paused: boolean;
  seed: string;
  rng: PrngState;
  scenario: Scenario;
  settings: { seats: number; winLoops: number; planningSeconds: number };
  /** 0 in the lobby, then 1..scenario.quarters. */
  quarter: number;
  seats: Seat[];
  players: PlayerState[];
  foundry: FoundryResult | null;
  result: { winner: SeatIndex; ranking: SeatIndex[]; reason: 'loops' | 'valuation' } | null;
}
