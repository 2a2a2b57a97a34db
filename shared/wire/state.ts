import { schema, t, type SchemaType } from '@colyseus/schema';

// The room's state as both sides decode it: a read model the server projects from the engine's
// state after every change; it holds no rules. The server and the client build the same classes,
// so the client's `room.state` is typed. A field the engine keeps as `null` is left unset here
// (an optional field; `toJSON()` omits it). Fields tagged .view() reach only the clients whose
// StateView holds that seat's row (and everyone once the match has ended).

// `number` sends a fraction as a float32 when that is within 1e-4, so a price of 11.77 would
// arrive as 11.770000457…: fractional values (prices per unit, levels, strengths, the sheet's $M)
// are float64. Whole dollars and counts stay `number`, which sends integers in 1 to 9 bytes, exactly.
const money = () => t.number().default(0);
const count = () => t.number().default(0);
const exact = () => t.float64().default(0);

// ── loops ───────────────────────────────────────────────────────────────────

const loopFields = {
  strength: exact(),
  streak: t.uint8().default(0),
  /** The quarter the loop closed in; unset while it is open. */
  closedQuarter: t.uint8().optional(),
};
/** One line's progress towards closing its loop, as everyone sees it. */
export const LoopRow = schema(loopFields, 'LoopRow');
export const LoopRows = schema({ robotaxi: LoopRow, robots: LoopRow, satellites: LoopRow }, 'LoopRows');
/** The same for the seat itself: also whether the line has reached its milestone. */
export const LoopDetail = schema({ ...loopFields, milestone: t.boolean().default(false) }, 'LoopDetail');
export const LoopDetails = schema({ robotaxi: LoopDetail, robots: LoopDetail, satellites: LoopDetail }, 'LoopDetails');

// ── public market ───────────────────────────────────────────────────────────

export const CityPermits = schema({ holders: t.array('uint8') }, 'CityPermits');
export const LicenseRow = schema(
  {
    holder: t.uint8().optional(),
    pricePaid: money(),
    /** When it takes bids; unset when it is not offered. */
    auctionQuarter: t.uint8().optional(),
  },
  'LicenseRow',
);
export const Member = schema({ id: t.string().default(''), name: t.string().default(''), seat: t.uint8().default(0) }, 'Member');

// ── a seat's own sheet and books (private) ──────────────────────────────────

export const FoundryBidRow = schema({ chips: count(), maxPriceUsd: exact() }, 'FoundryBidRow');
export const ActuatorOrderRow = schema({ qty: count(), priceUsd: exact() }, 'ActuatorOrderRow');

/**
 * The last sheet the seat saved: every field the player left out stays unset (lists stay empty).
 * A list of plain values inside a seat's private side must exist before the view that reads it
 * holds the seat (@colyseus/schema does not pass such a list's visibility down), so the lists are
 * not optional and `orders` and `books` are made with the row.
 */
export const OrdersState = schema(
  {
    chipRnD: t.float64().optional(),
    aiTraining: t.float64().optional(),
    foundryBid: t.ref(FoundryBidRow).optional(),
    buyCars: t.float64().optional(),
    fsdRnD: t.float64().optional(),
    applyPermits: t.array('string'),
    ridePriceUsd: t.float64().optional(),
    buildActuatorPlants: t.float64().optional(),
    buildRobotLines: t.float64().optional(),
    robotRnD: t.float64().optional(),
    produceRobots: t.float64().optional(),
    robotPriceUsd: t.float64().optional(),
    deployInternal: t.float64().optional(),
    actuatorSell: t.ref(ActuatorOrderRow).optional(),
    actuatorBuy: t.ref(ActuatorOrderRow).optional(),
    launches: t.float64().optional(),
    phonePartnerships: t.float64().optional(),
    spectrumBids: t.map('float64'),
    subscriptionPriceUsd: t.float64().optional(),
  },
  'OrdersState',
);

export const PendingGeneration = schema({ generation: t.uint8().default(0), fromQuarter: t.uint8().default(0) }, 'PendingGeneration');
export const TechRow = schema(
  {
    chipGeneration: t.uint8().default(0),
    pendingGeneration: t.ref(PendingGeneration).optional(),
    chipRnDTotalM: exact(),
    capability: exact(),
    autonomy: exact(),
    dexterity: exact(),
    phoneAdoption: exact(),
    dataBonus: exact(),
  },
  'TechRow',
);
export const BuildRow = schema({ count: count(), readyQuarter: t.uint8().default(0) }, 'BuildRow');
export const RobotaxiBooks = schema({ cars: count(), carsOnOrder: count(), permits: t.array('string') }, 'RobotaxiBooks');
export const RobotsBooks = schema(
  {
    plants: count(),
    plantsBuilding: t.array(BuildRow),
    lines: count(),
    linesBuilding: t.array(BuildRow),
    actuators: count(),
    actuatorsMadeTotal: count(),
    inventory: count(),
    deployed: count(),
  },
  'RobotsBooks',
);
export const SatellitesBooks = schema({ satellites: exact(), licenses: t.array('string') }, 'SatellitesBooks');
/** Dollars by ledger account: each line and the shared layer. */
export const Ledger = schema({ robotaxi: money(), robots: money(), satellites: money(), shared: money() }, 'Ledger');
export const FlowsRow = schema(
  {
    cashAtStart: money(),
    legacyIncome: money(),
    interest: money(),
    loans: money(),
    repaid: money(),
    revenue: Ledger,
    spend: Ledger,
    invest: Ledger,
    chipsUsed: schema({ robotaxi: count(), robots: count() }, 'ChipsUsed'),
    actuatorsMade: count(),
    actuatorsUsed: count(),
  },
  'FlowsRow',
);
export const BooksState = schema(
  {
    tech: TechRow,
    chips: count(),
    robotaxi: RobotaxiBooks,
    robots: RobotsBooks,
    satellites: SatellitesBooks,
    flows: FlowsRow,
    loops: LoopDetails,
  },
  'BooksState',
);

// ── the public report of the last resolved quarter ──────────────────────────

export const ChipsWon = schema({ seat: t.uint8().default(0), chips: count() }, 'ChipsWon');
export const FoundryReport = schema(
  { supply: count(), clearingPriceUsd: t.float64().optional(), sold: count(), chipsWon: t.array(ChipsWon) },
  'FoundryReport',
);
export const NewsRow = schema({ cardId: t.string().default(''), headline: t.string().default(''), injected: t.boolean().default(false) }, 'NewsRow');
export const SpectrumRow = schema(
  { licenseId: t.string().default(''), winner: t.uint8().optional(), price: money(), bidders: t.uint8().default(0), reofferedIn: t.uint8().optional() },
  'SpectrumRow',
);
export const Refusal = schema({ seat: t.uint8().default(0), reason: t.string<'autonomy' | 'slots'>().default('slots') }, 'Refusal');
export const PermitsRow = schema({ cityId: t.string().default(''), granted: t.array('uint8'), refused: t.array(Refusal) }, 'PermitsRow');
export const RideShare = schema({ seat: t.uint8().default(0), served: count(), priceUsd: exact() }, 'RideShare');
export const RidesRow = schema({ cityId: t.string().default(''), demand: count(), paused: t.boolean().default(false), shares: t.array(RideShare) }, 'RidesRow');
export const RobotShare = schema({ seat: t.uint8().default(0), sold: count(), remoteSold: count(), priceUsd: exact() }, 'RobotShare');
export const RobotsReport = schema({ demand: count(), remoteDemand: count(), shares: t.array(RobotShare) }, 'RobotsReport');
export const SubscriberShare = schema({ seat: t.uint8().default(0), subscribers: count(), coverage: exact(), priceUsd: exact() }, 'SubscriberShare');
export const SubscribersRow = schema({ regionId: t.string().default(''), shares: t.array(SubscriberShare) }, 'SubscribersRow');
export const ExchangeReport = schema({ priceUsd: t.float64().optional(), volume: count() }, 'ExchangeReport');
export const LoopClosedRow = schema({ seat: t.uint8().default(0), line: t.string<'robotaxi' | 'robots' | 'satellites'>().default('robotaxi') }, 'LoopClosedRow');
export const EndedRow = schema({ winner: t.uint8().default(0), ranking: t.array('uint8'), reason: t.string<'loops' | 'valuation'>().default('valuation') }, 'EndedRow');

/** What everyone learns when a quarter resolves (quarter 0: none yet, or held back). */
export const PublicReportState = schema(
  {
    quarter: t.uint8().default(0),
    news: t.array(NewsRow),
    foundry: t.ref(FoundryReport).optional(),
    spectrum: t.array(SpectrumRow),
    permits: t.array(PermitsRow),
    rides: t.array(RidesRow),
    robots: t.ref(RobotsReport).optional(),
    subscribers: t.array(SubscribersRow),
    actuatorExchange: t.ref(ExchangeReport).optional(),
    loopsClosed: t.array(LoopClosedRow),
    valuations: t.array('number'),
    ended: t.ref(EndedRow).optional(),
  },
  'PublicReportState',
);

// ── a seat's own side of the last resolved quarter (private) ────────────────

export const LineFlowRow = schema({ revenue: money(), spend: money(), sharedSpend: money(), strength: exact(), milestone: t.boolean().default(false) }, 'LineFlowRow');
export const LineFlows = schema({ robotaxi: LineFlowRow, robots: LineFlowRow, satellites: LineFlowRow }, 'LineFlows');
export const LoopStep = schema(
  { line: t.string<'robotaxi' | 'robots' | 'satellites'>().default('robotaxi'), qualifying: t.boolean().default(false), streak: t.uint8().default(0), closed: t.boolean().default(false) },
  'LoopStep',
);
export const Change = schema({ before: exact(), after: exact() }, 'Change');
export const ResearchRow = schema(
  {
    capability: t.ref(Change).optional(),
    autonomy: t.ref(Change).optional(),
    dexterity: t.ref(Change).optional(),
    phoneAdoption: t.ref(Change).optional(),
    tapedOut: t.uint8().optional(),
  },
  'ResearchRow',
);
export const FoundryFill = schema({ requested: count(), maxPriceUsd: exact(), chips: count(), paid: money() }, 'FoundryFill');
export const BidResult = schema({ licenseId: t.string().default(''), amountM: exact(), won: t.boolean().default(false), price: money() }, 'BidResult');
export const ProductionRow = schema(
  { carsDelivered: count(), carsOrdered: count(), actuatorsMade: count(), robotsMade: count(), robotsDeployed: count(), satellitesLaunched: count(), launchesFailed: count() },
  'ProductionRow',
);
export const RevenueRow = schema({ rides: money(), robots: money(), subscriptions: money(), actuatorSales: money() }, 'RevenueRow');
export const ActuatorTrade = schema({ side: t.string<'sell' | 'buy'>().default('sell'), qty: count(), amount: money() }, 'ActuatorTrade');
export const CostsRow = schema({ robotaxi: money(), robots: money(), satellites: money() }, 'CostsRow');

export const SeatReportState = schema(
  {
    /** The quarter this is the seat's side of (0: none yet, or held back). */
    quarter: t.uint8().default(0),
    seat: t.uint8().default(0),
    legacyIncome: money(),
    interest: money(),
    loans: money(),
    repaid: money(),
    lines: t.ref(LineFlows).optional(),
    loops: t.array(LoopStep),
    research: ResearchRow,
    foundry: t.ref(FoundryFill).optional(),
    spectrumBids: t.array(BidResult),
    production: ProductionRow,
    revenue: RevenueRow,
    actuatorTrades: t.array(ActuatorTrade),
    operatingCosts: CostsRow,
  },
  'SeatReportState',
);

// ── seats and the match ─────────────────────────────────────────────────────

/**
 * A seat's private side. The row's `own` field is tagged for the seat's view, and everything
 * inside shares that visibility, also structures that arrive later (the first report, the books at
 * the start). A client that may not read it never receives it.
 */
export const OwnState = schema(
  {
    cash: money(),
    debt: money(),
    orders: OrdersState,
    books: BooksState,
    /** Unset until the first quarter has resolved. */
    report: t.ref(SeatReportState).optional(),
  },
  'OwnState',
);

export const SeatState = schema(
  {
    seat: t.uint8().default(0),
    name: t.string().default(''),
    kind: t.string<'open' | 'human' | 'bot'>().default('open'),
    strategy: t.string().default(''),
    difficulty: t.string().default(''),
    connected: t.boolean().default(false),
    autopilot: t.boolean().default(false),
    locked: t.boolean().default(false),
    valuation: money(),
    loopsClosed: t.uint8().default(0),
    loops: LoopRows,
    chipGeneration: t.string().default(''),
    cars: count(),
    robotsDeployed: count(),
    satellites: count(),
    permits: t.array('string'),
    licenses: t.array('string'),
    /**
     * Private to the seat's own client (and to everyone once the match has ended); unset on the
     * others. The server makes it with the row, before any view holds the row.
     */
    own: t.ref(OwnState).optional().view(),
  },
  'SeatState',
);
export type SeatState = SchemaType<typeof SeatState>;

export const MatchState = schema(
  {
    matchId: t.string().default(''),
    joinCode: t.string().default(''),
    classroom: t.boolean().default(false),
    /** A quick match's: its end moves its players' ratings. */
    ranked: t.boolean().default(false),
    status: t.string<'new' | 'lobby' | 'planning' | 'ended' | 'expired'>().default('lobby'),
    paused: t.boolean().default(false),
    quarter: t.uint8().default(0),
    quarterLabel: t.string().default(''),
    quarters: t.uint8().default(0),
    winLoops: t.uint8().default(2),
    planningSeconds: t.uint16().default(0),
    /** Quarters a spectator's view lags behind the players (0: live). */
    spectatorDelay: t.uint8().default(0),
    /** When planning ends, in server wall time (ms); 0 without a timer. */
    deadline: t.number().default(0),
    foundryPriceUsd: exact(),
    news: t.array('string'),
    /** Public results of the last resolved quarter. */
    report: PublicReportState,
    /** The match's rules (cities, licenses, prices) as JSON: sent once, at join. */
    scenarioJson: t.string().default(''),
    /** Public market: permit holders by city id, licenses by id. */
    permits: t.map(CityPermits),
    licenses: t.map(LicenseRow),
    /** Staged reveal: on, and the resolved quarter whose results players do not see yet (0: none). */
    stagedReveal: t.boolean().default(false),
    /** The facilitator closed the class to new students. */
    joiningClosed: t.boolean().default(false),
    /** A class turned its chat off at creation. */
    chatOff: t.boolean().default(false),
    /** The facilitator muted the whole class, or these seats. */
    chatMutedAll: t.boolean().default(false),
    chatMutedSeats: t.array('uint8'),
    resultsHeld: t.uint8().default(0),
    /** Students in each seat's team. */
    members: t.array(Member),
    /** The winning seat once the match has ended; unset before. */
    winner: t.uint8().optional(),
    ranking: t.array('uint8'),
    players: t.array(SeatState),
  },
  'MatchState',
);
export type MatchState = SchemaType<typeof MatchState>;

/**
 * A view of an engine type that also takes its copy decoded from the room: every field the engine
 * keeps as `null` may be missing (an unset schema field). Screens that draw both a room's state
 * and a replayed log's take this.
 */
export type Loose<T> = T extends readonly (infer U)[]
  ? readonly Loose<U>[]
  : T extends object
    ? { [K in keyof T as null extends T[K] ? never : K]: Loose<T[K]> } & { [K in keyof T as null extends T[K] ? K : never]?: Loose<T[K]> }
    : T;
