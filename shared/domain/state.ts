import type { PrngState } from '../random/prng';
import type { LineId, Scenario, ShockEffect } from '../scenario/types';
import type { BotSpec, SeatIndex } from './ids';
import type { Orders } from './orders';

// All money in the state is whole US dollars: sums stay exact, so the cash identity holds to
// the dollar. Orders keep the sheet's $M; rules convert with `usdFromM`.

export type MatchStatus = 'new' | 'lobby' | 'planning' | 'ended' | 'expired';

export interface Seat {
  index: SeatIndex;
  name: string;
  kind: 'open' | 'human' | 'bot';
  bot?: BotSpec;
}

export type LedgerAccount = LineId | 'shared';

/** What happened to one player's books in the quarter being resolved; reset when planning ends. */
export interface QuarterFlows {
  cashAtStart: number;
  legacyIncome: number;
  interest: number;
  loans: number;
  repaid: number;
  revenue: Record<LedgerAccount, number>;
  spend: Record<LedgerAccount, number>;
  /** The part of `spend` that builds the future (capex, research, licenses), not running costs. */
  invest: Record<LedgerAccount, number>;
  /** Chips consumed by each line this quarter: the key for splitting shared-layer spend. */
  chipsUsed: { robotaxi: number; robots: number };
  actuatorsMade: number;
  actuatorsUsed: number;
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

/** Plants or lines under construction, by the quarter they come online. */
export interface Build {
  count: number;
  readyQuarter: number;
}

export interface RobotaxiState {
  cars: number;
  carsOnOrder: number;
  permits: string[];
}

export interface RobotsState {
  plants: number;
  plantsBuilding: Build[];
  lines: number;
  linesBuilding: Build[];
  actuators: number;
  actuatorsMadeTotal: number;
  inventory: number;
  deployed: number;
}

export interface SatellitesState {
  /** Fractional: a fleet decays by a percentage each quarter. */
  satellites: number;
  licenses: string[];
}

export interface LoopState {
  streak: number;
  closedQuarter: number | null;
  strength: number;
  milestone: boolean;
}

export interface PlayerState {
  seat: SeatIndex;
  cash: number;
  debt: number;
  orders: Orders;
  locked: boolean;
  tech: TechState;
  chips: number;
  robotaxi: RobotaxiState;
  robots: RobotsState;
  satellites: SatellitesState;
  /** What was paid for each held license, for its book value. */
  licenseCost: number;
  loops: Record<LineId, LoopState>;
  flows: QuarterFlows;
  valuation: number;
}

export interface FoundryResult {
  quarter: number;
  supply: number;
  clearingPriceUsd: number | null;
  sold: number;
}

export interface LicenseState {
  holder: SeatIndex | null;
  pricePaid: number;
  /** When it takes bids: the scenario's quarter, moved by a surprise sale or a failed auction. */
  auctionQuarter: number | null;
}

export interface ActiveShock {
  cardId: string;
  effect: ShockEffect;
  fromQuarter: number;
  untilQuarter: number;
  cityId?: string;
  licenseId?: string;
}

export interface NewsItem {
  quarter: number;
  cardId: string;
  headline: string;
  injected: boolean;
}

export interface GameState {
  matchId: string;
  status: MatchStatus;
  paused: boolean;
  seed: string;
  rng: PrngState;
  scenario: Scenario;
  /** spectatorDelay: quarters spectators lag behind (absent: live; kept out of older logs' states). */
  settings: { seats: number; winLoops: number; planningSeconds: number; spectatorDelay?: number; classroom?: true; chat?: false; ranked?: true };
  /** 0 in the lobby, then 1..scenario.quarters. */
  quarter: number;
  seats: Seat[];
  players: PlayerState[];
  foundry: FoundryResult | null;
  /** Permit holders by city id. */
  permits: Record<string, SeatIndex[]>;
  licenses: Record<string, LicenseState>;
  shocks: { active: ActiveShock[]; injected: Array<{ cardId: string; cityId?: string }> };
  news: NewsItem[];
  result: { winner: SeatIndex; ranking: SeatIndex[]; reason: 'loops' | 'valuation' } | null;
  /** Staged reveal: players see a quarter's results only up to `revealed` while `staged` is on. */
  reveal: { staged: boolean; revealed: number };
  /** A facilitator closed the classroom to new students (those who joined keep their tokens). */
  joiningClosed: boolean;
  /** Who the facilitator silenced (absent until a first mute, so older logs fold to the same state). */
  chatMuted?: { all: boolean; seats: SeatIndex[] };
}
