// Every refusal the engine can give, as one closed list: clients translate codes to plain words.
export type RuleErrorCode =
  | 'MALFORMED_COMMAND'
  | 'NOT_ALLOWED'
  | 'MATCH_EXISTS'
  | 'MATCH_NOT_FOUND'
  | 'MATCH_ENDED'
  | 'MATCH_EXPIRED'
  | 'SEED_REQUIRED'
  | 'INVALID_SCENARIO'
  | 'INVALID_SETTINGS'
  | 'WRONG_PHASE'
  | 'MATCH_PAUSED'
  | 'NOT_PAUSED'
  | 'STALE_QUARTER'
  | 'UNKNOWN_SEAT'
  | 'SEAT_TAKEN'
  | 'NO_FREE_SEAT'
  | 'JOINING_CLOSED'
  | 'NO_PLAYERS'
  | 'SEAT_NOT_YOURS'
  | 'NAME_INVALID'
  | 'UNKNOWN_STRATEGY'
  | 'ORDERS_LOCKED'
  | 'NOT_LOCKED'
  | 'NOT_FINITE'
  | 'NEGATIVE_AMOUNT'
  | 'NOT_INTEGER'
  | 'PRICE_TOO_LOW'
  | 'AMOUNT_TOO_LARGE'
  | 'UNKNOWN_CITY'
  | 'UNKNOWN_LICENSE'
  | 'LICENSE_NOT_FOR_SALE'
  | 'BID_BELOW_RESERVE'
  | 'BID_ABOVE_CEILING'
  | 'TOO_MANY_LAUNCHES'
  | 'TOO_MANY_PLANTS'
  | 'TOO_MANY_ROBOT_LINES'
  | 'TOO_MANY_PERMITS'
  | 'TOO_MANY_BIDS'
  | 'INSUFFICIENT_CASH'
  | 'CROSSING_ORDERS'
  | 'UNKNOWN_SHOCK'
  | 'FORK_AFTER_END'
  | 'FORK_NOT_A_QUARTER'
  | 'FORK_SEATS'
  | 'RESULTS_HELD'
  | 'NOTHING_HELD'
  | 'CHAT_EMPTY'
  | 'CHAT_TOO_LONG'
  | 'CHAT_INVALID'
  | 'CHAT_OFF'
  | 'CHAT_MUTED';

export class RuleError extends Error {
  readonly code: RuleErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: RuleErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'RuleError';
    this.code = code;
    if (details) this.details = details;
  }
}

