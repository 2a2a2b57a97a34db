import type { PrngState } from '../random/prng';
import type { LineId, Scenario, ShockEffect } from '../scenario/types';
import type { BotSpec, SeatIndex } from './ids';
import type { Orders } from './orders';
import type { GameState, Seat } from './state';

// Events are facts, named in the past tense. Money amounts are whole US dollars. Every outcome
// of chance is written into the event that needs it, so evolve never rolls dice.

type Ev<T extends string, D> = { type: T; data: D };

export type MatchCreated = Ev<
  'MatchCreated',
  { matchId: string; seed: string; scenario: Scenario; settings: GameState['settings']; rng: PrngState }
>;
export type SeatClaimed = Ev<'SeatClaimed', { seat: SeatIndex; name: string; kind: 'human' | 'bot'; bot?: BotSpec }>;
export type MatchStarted = Ev<'MatchStarted', { seats: number }>;
export type MatchExpired = Ev<'MatchExpired', Record<string, never>>;
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
export type ShockInjected = Ev<'ShockInjected', { quarter: number; cardId: string; cityId?: string }>;
export type ShockDrawn = Ev<
  'ShockDrawn',
  {
    quarter: number;
    cardId: string;
    headline: string;
    effect: ShockEffect;
    untilQuarter: number;
    injected: boolean;
    cityId?: string;
    licenseId?: string;
    /** An AI breakthrough: every seat's AI capability after it (capped by the rules). */
    capabilities?: number[];
    /** A surprise spectrum sale: the quarter `licenseId` now takes bids in. */
    offeredIn?: number;
  }
>;
export type ShockExpired = Ev<'ShockExpired', { quarter: number; cardId: string }>;
export type AutonomyImproved = Ev<'AutonomyImproved', { seat: SeatIndex; amount: number; before: number; after: number }>;
export type DexterityImproved = Ev<'DexterityImproved', { seat: SeatIndex; amount: number; before: number; after: number }>;
export type PhoneAdoptionGrew = Ev<
  'PhoneAdoptionGrew',
  { seat: SeatIndex; amount: number; before: number; after: number; stalled: boolean }
>;

export interface SpectrumBid {
  seat: SeatIndex;
  amountM: number;
}
export type SpectrumAuctionCleared = Ev<
  'SpectrumAuctionCleared',
  {
    quarter: number;
    licenseId: string;
    bids: SpectrumBid[];
    winner: SeatIndex | null;
    /** Second price, at least the reserve. */
    price: number;
    /** When nobody bid: the quarter it comes back, or null if the match ends first. */
    reofferedIn: number | null;
  }
>;
export type PermitsAwarded = Ev<
  'PermitsAwarded',
  { quarter: number; cityId: string; granted: SeatIndex[]; refused: Array<{ seat: SeatIndex; reason: 'autonomy' | 'slots' }> }
>;
export type CarsDelivered = Ev<'CarsDelivered', { seat: SeatIndex; cars: number }>;
export type CarsOrdered = Ev<'CarsOrdered', { seat: SeatIndex; cars: number; requested: number; cost: number }>;
export type PlantsStarted = Ev<
  'PlantsStarted',
  { seat: SeatIndex; kind: 'actuatorPlant' | 'robotLine'; count: number; cost: number; readyQuarter: number }
>;
export type PlantsCompleted = Ev<'PlantsCompleted', { seat: SeatIndex; kind: 'actuatorPlant' | 'robotLine'; count: number }>;
export type ActuatorsProduced = Ev<'ActuatorsProduced', { seat: SeatIndex; qty: number; unitCostUsd: number; cost: number }>;
export type RobotsProduced = Ev<
  'RobotsProduced',
  { seat: SeatIndex; robots: number; requested: number; actuators: number; cost: number }
>;
export type RobotsDeployed = Ev<'RobotsDeployed', { seat: SeatIndex; robots: number }>;
export type SatellitesLaunched = Ev<
  'SatellitesLaunched',
  { seat: SeatIndex; launches: number; failed: number; satellites: number; cost: number }
>;
export type SatellitesDecayed = Ev<'SatellitesDecayed', { seat: SeatIndex; before: number; after: number }>;

export interface RideOperator {
  seat: SeatIndex;
  cars: number;
  capacity: number;
  priceUsd: number;
  served: number;
  revenue: number;
}
export type RidesServed = Ev<
  'RidesServed',
  { quarter: number; cities: Array<{ cityId: string; demand: number; paused: boolean; operators: RideOperator[] }> }
>;

export interface RobotSeller {
  seat: SeatIndex;
  priceUsd: number;
  offered: number;
  sold: number;
  remoteSold: number;
  revenue: number;
}
export type RobotsSold = Ev<'RobotsSold', { quarter: number; demand: number; remoteDemand: number; sellers: RobotSeller[] }>;

export interface RegionProvider {
  seat: SeatIndex;
  coverage: number;
  priceUsd: number;
  subscribers: number;
  revenue: number;
}
export type SubscribersServed = Ev<
  'SubscribersServed',
  { quarter: number; regions: Array<{ regionId: string; providers: RegionProvider[] }> }
>;

export interface ActuatorFill {
  seat: SeatIndex;
  side: 'sell' | 'buy';
  qty: number;
  amount: number;
}
export type ActuatorExchangeCleared = Ev<
  'ActuatorExchangeCleared',
  { quarter: number; priceUsd: number | null; volume: number; fills: ActuatorFill[] }
>;
export type OperatingCostsCharged = Ev<
  'OperatingCostsCharged',
  { seat: SeatIndex; robotaxi: number; robots: number; satellites: number }
>;

export interface LineCashFlow {
  revenue: number;
  spend: number;
  /** Shared-layer spend assigned to this line (already inside `spend`). */
  sharedSpend: number;
  strength: number;
  milestone: boolean;
}
export type LineCashFlowsReported = Ev<
  'LineCashFlowsReported',
  { quarter: number; seat: SeatIndex; lines: Record<LineId, LineCashFlow> }
>;
export type LoopProgressed = Ev<
  'LoopProgressed',
  { quarter: number; seat: SeatIndex; line: LineId; qualifying: boolean; streak: number }
>;
export type LoopClosed = Ev<'LoopClosed', { quarter: number; seat: SeatIndex; line: LineId }>;
export type PlanningTimerSet = Ev<'PlanningTimerSet', { seconds: number }>;
export type SeatReplaced = Ev<'SeatReplaced', { seat: SeatIndex; name: string; bot: BotSpec }>;
export type SpectatorDelaySet = Ev<'SpectatorDelaySet', { quarters: number }>;
export type JoiningSet = Ev<'JoiningSet', { open: boolean }>;
/** A what-if fork's first event: the source's state verbatim, so the fork's log replays standalone. */
export type MatchForked = Ev<'MatchForked', { sourceMatchId: string; quarter: number; sourceStateHash: string; state: GameState }>;
/** The fork takes its own id and seats (bots or open for new players) and waits in the lobby. */
export type ForkOpened = Ev<'ForkOpened', { matchId: string; seats: Seat[] }>;
export type StagedRevealSet = Ev<'StagedRevealSet', { on: boolean }>;
export type ResultsRevealed = Ev<'ResultsRevealed', { quarter: number }>;
export type EmergencyLoanTaken = Ev<'EmergencyLoanTaken', { seat: SeatIndex; amount: number }>;
export type ValuationAssessed = Ev<'ValuationAssessed', { quarter: number; valuations: number[] }>;
export type QuarterResolved = Ev<'QuarterResolved', { quarter: number; rng: PrngState }>;
export type MatchEnded = Ev<
  'MatchEnded',
  { winner: SeatIndex; ranking: SeatIndex[]; reason: 'loops' | 'valuation'; valuations: number[] }
>;

/** A line of chat: a seat's in the players' channel, a spectator's (by name) in theirs. Economics never read it. */
export type ChatSaid = Ev<'ChatSaid', { channel: 'players' | 'spectators'; seat?: SeatIndex; name?: string; text: string; quarter: number }>;
/** The facilitator silenced a seat, or everyone (no seat). */
export type ChatMuted = Ev<'ChatMuted', { seat?: SeatIndex }>;
export type ChatUnmuted = Ev<'ChatUnmuted', { seat?: SeatIndex }>;

export type GameEvent =
  | MatchCreated
  | SeatClaimed
  | MatchStarted
  | MatchExpired
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
  | PlanningTimerSet
  | SeatReplaced
  | StagedRevealSet
  | ResultsRevealed
  | ShockInjected
  | ShockDrawn
  | ShockExpired
  | AutonomyImproved
  | DexterityImproved
  | PhoneAdoptionGrew
  | SpectrumAuctionCleared
  | PermitsAwarded
  | CarsDelivered
  | CarsOrdered
  | PlantsStarted
  | PlantsCompleted
  | ActuatorsProduced
  | RobotsProduced
  | RobotsDeployed
  | SatellitesLaunched
  | SatellitesDecayed
  | RidesServed
  | RobotsSold
  | SubscribersServed
  | ActuatorExchangeCleared
  | OperatingCostsCharged
  | LineCashFlowsReported
  | LoopProgressed
  | LoopClosed
  | SpectatorDelaySet
  | JoiningSet
  | MatchForked
  | ForkOpened
  | EmergencyLoanTaken
  | ValuationAssessed
  | QuarterResolved
  | MatchEnded
  | ChatSaid
  | ChatMuted
  | ChatUnmuted;

export type EventType = GameEvent['type'];
export type EventOf<T extends EventType> = Extract<GameEvent, { type: T }>;
