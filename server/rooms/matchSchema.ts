import { schema, t, type SchemaType } from '@colyseus/schema';

// The Colyseus state is a read model projected from the engine's state after every change. It
// holds no rules. Fields tagged .view() reach only clients whose StateView holds that seat.

export const SeatState = schema(
  {
    seat: t.uint8().default(0),
    name: t.string().default(''),
    kind: t.string().default('open'),
    strategy: t.string().default(''),
    difficulty: t.string().default(''),
    connected: t.boolean().default(false),
    autopilot: t.boolean().default(false),
    locked: t.boolean().default(false),
    valuation: t.number().default(0),
    loopsClosed: t.uint8().default(0),
    loopsJson: t.string().default('{}'),
    chipGeneration: t.string().default(''),
    cars: t.number().default(0),
    robotsDeployed: t.number().default(0),
    satellites: t.number().default(0),
    permits: t.array('string'),
    licenses: t.array('string'),
    // Private to the seat's own client (and to everyone once the match has ended).
    cash: t.number().default(0).view(),
    debt: t.number().default(0).view(),
    ordersJson: t.string().default('{}').view(),
    booksJson: t.string().default('{}').view(),
    reportJson: t.string().default('').view(),
  },
  'SeatState',
);
export type SeatState = SchemaType<typeof SeatState>;

export const MatchState = schema(
  {
    matchId: t.string().default(''),
    joinCode: t.string().default(''),
    classroom: t.boolean().default(false),
    status: t.string().default('lobby'),
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
    seq: t.number().default(0),
    foundryPriceUsd: t.number().default(0),
    news: t.array('string'),
    /** Public results of the last resolved quarter (JSON of the engine's public report). */
    reportJson: t.string().default(''),
    /** The match's rules (cities, licenses, prices): sent once. */
    scenarioJson: t.string().default(''),
    /** Public market state: permit holders by city, license holders and auction quarters. */
    marketJson: t.string().default('{}'),
    /** Staged reveal: on, and the resolved quarter whose results players do not see yet (0: none). */
    stagedReveal: t.boolean().default(false),
    /** The facilitator closed the class to new students. */
    joiningClosed: t.boolean().default(false),
    resultsHeld: t.uint8().default(0),
    /** Students in each seat's team: JSON [{id, name, seat}]. */
    membersJson: t.string().default('[]'),
    winner: t.int8().default(-1),
    ranking: t.array('uint8'),
    players: t.array(SeatState),
  },
  'MatchState',
);
export type MatchState = SchemaType<typeof MatchState>;
