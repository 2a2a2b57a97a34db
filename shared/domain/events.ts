import type { PrngState } from '../random/prng';
import type { Scenario } from '../scenario/types';
import type { BotSpec, SeatIndex } from './ids';
import type { Orders } from './orders';
import type { GameState } from './state';

// Events are facts, named in the past tense. Money amounts are whole US dollars. Every outcome
// of chance is written into the event that needs it, so evolve never rolls dice.

type Ev<T extends string, D> = { type: T; data: D };

export type MatchCreated = Ev<
  'MatchCreated',
  { matchId: string; seed: string; scenario: Scenario; settings: GameState['settings']; rng: PrngState }
>;
export type SeatClaimed = Ev<'SeatClaimed', { seat: SeatIndex; name: string; kind: 'human' | 'bot'; bot?: BotSpec }>;
export type MatchStarted = Ev<'MatchStarted', { seats: number }>;
export type PlanningOpened = Ev<'PlanningOpened', { quarter: number; standingOrders: Orders[] }>;
export type OrdersSubmitted = Ev<'OrdersSubmitted', { seat: SeatIndex; quarter: number; orders: Orders }>;
export type OrdersLocked = Ev<'OrdersLocked', { seat: SeatIndex; quarter: number }>;
export type OrdersUnlocked = Ev<'OrdersUnlocked', { seat: SeatIndex; quarter: number }>;
export type MatchPaused = Ev<'MatchPaused', { quarter: number }>;
export type MatchResumed = Ev<'MatchResumed', { quarter: number }>;
export type PlanningEnded = Ev<'PlanningEnded', { quarter: number }>;

export type LegacyIncomePaid = Ev<'LegacyIncomePaid', { seat: SeatIndex; amount: number }>;
export type InterestCharged = Ev<'InterestCharged', { seat: SeatIndex; amount: number }>;
export type DebtRepaid = Ev<'DebtRepaid', { seat: SeatIndex; amount: number }>;
export type ChipGenerationActivated = Ev<'ChipGenerationActivated', { seat: SeatIndex; generation: number }>;
export type DataBonusMeasured = Ev<'DataBonusMeasured', { seat: SeatIndex; dataBonus: number }>;
export type ChipResearchFunded = Ev<'ChipResearchFunded', { seat: SeatIndex; amount: number; totalM: number }>;
export type ChipTapedOut = Ev<'ChipTapedOut', { seat: SeatIndex; generation: number; fromQuarter: number }>;
export type AiTrained = Ev<
  'AiTrained',
  { seat: SeatIndex; amount: number; multiplier: number; dataBonus: number; capabilityBefore: number; capability: number }
>;

export interface FoundryAward {
  seat: SeatIndex;
  requested: number;
  maxPriceUsd: number;
  chips: number;
  paid: number;
}
export type FoundryAuctionCleared = Ev<
  'FoundryAuctionCleared',
  { quarter: number; supply: number; clearingPriceUsd: number | null; sold: number; awards: FoundryAward[] }
>;
export type EmergencyLoanTaken = Ev<'EmergencyLoanTaken', { seat: SeatIndex; amount: number }>;
export type ValuationAssessed = Ev<'ValuationAssessed', { quarter: number; valuations: number[] }>;
export type QuarterResolved = Ev<'QuarterResolved', { quarter: number; rng: PrngState }>;
export type MatchEnded = Ev<
  'MatchEnded',
  { winner: SeatIndex; ranking: SeatIndex[]; reason: 'loops' | 'valuation'; valuations: number[] }
>;

export type GameEvent =
  | MatchCreated
  | SeatClaimed
  | MatchStarted
  | PlanningOpened
  | OrdersSubmitted
  | OrdersLocked
  | OrdersUnlocked
  | MatchPaused
  | MatchResumed
  | PlanningEnded
  | LegacyIncomePaid
  | InterestCharged
  | DebtRepaid
  | ChipGenerationActivated
  | DataBonusMeasured
  | ChipResearchFunded
  | ChipTapedOut
  | AiTrained
  | FoundryAuctionCleared
  | EmergencyLoanTaken
  | ValuationAssessed
  | QuarterResolved
  | MatchEnded;

export type EventType = GameEvent['type'];
export type EventOf<T extends EventType> = Extract<GameEvent, { type: T }>;
