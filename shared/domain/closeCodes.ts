// The codes the match and watch rooms close a link with, one list for the server that sends them
// and the clients that read them.

/** Dropped for flooding; the seat waits before it may join again. */
export const FLOODED_CLOSE_CODE = 4008;
/** Another process hosts the match now: join again. */
export const MATCH_MOVED_CLOSE_CODE = 4009;
/** Spectators moved to the watch room, which shows a delayed view. */
export const SPECTATOR_DELAYED_CLOSE_CODE = 4011;
/** The facilitator revoked this student's credential. */
export const REVOKED_CLOSE_CODE = 4012;
