import type { Scenario } from '../scenario/types';
import type { BotSpec, SeatIndex } from './ids';
import type { Orders } from './orders';
import type { GameState } from './state';

// Commands are intents, named in the imperative. `type` equals the interface name.

export interface CreateMatch {
  type: 'CreateMatch';
  data: {
    matchId: string;
    seed: string;
    /** A custom scenario; the default scenario when absent. */
    scenario?: Scenario;
    seats: number;
    winLoops: number;
    /** 0 means no timer: a facilitator advances by hand. */
    planningSeconds: number;
    /** Quarters that spectators lag behind the players (0 or absent: live). */
    spectatorDelay?: number;
    /** A classroom match: its facilitator, not a player, starts it. */
    classroom?: boolean;
    /** false: nobody chats in this match (a class may turn chat off). */
    chat?: boolean;
    /** A ranked match (made by quick match): its final ranking moves its players' ratings. */
    ranked?: boolean;
  };
}

export interface ClaimSeat {
  type: 'ClaimSeat';
  data: { seat?: SeatIndex; name: string; bot?: BotSpec };
}

export interface ExpireMatch {
  type: 'ExpireMatch';
  /** The server closes a match that waited too long in the lobby without starting. */
  data: Record<string, never>;
}

export interface StartMatch {
  type: 'StartMatch';
  /** Strategy and difficulty of the bots that fill the seats nobody claimed. */
  data: { fillBots?: BotSpec };
}

export interface SubmitOrders {
  type: 'SubmitOrders';
  data: { seat: SeatIndex; quarter: number; orders: Orders };
}

export interface LockOrders {
  type: 'LockOrders';
  data: { seat: SeatIndex; quarter: number };
}

export interface UnlockOrders {
  type: 'UnlockOrders';
  data: { seat: SeatIndex; quarter: number };
}

export interface EndPlanning {
  type: 'EndPlanning';
  data: { quarter: number };
}

export interface PauseMatch {
  type: 'PauseMatch';
  data: Record<string, never>;
}

export interface ResumeMatch {
  type: 'ResumeMatch';
  data: Record<string, never>;
}

export interface InjectShock {
  type: 'InjectShock';
  /** A card of the scenario's deck; for a city pause, optionally the city (else drawn). */
  data: { cardId: string; cityId?: string };
}

export interface SetPlanningTimer {
  type: 'SetPlanningTimer';
  /** Seconds of planning per quarter from now on; 0: no timer, the facilitator advances. */
  data: { seconds: number };
}

export interface ReplaceSeat {
  type: 'ReplaceSeat';
  /** A facilitator hands a seat to a bot (a student left, or a seat is removed from play). */
  data: { seat: SeatIndex; bot: BotSpec };
}

export interface SetJoining {
  type: 'SetJoining';
  /** Whether new students may join a classroom match (the tokens handed out keep working). */
  data: { open: boolean };
}

export interface SetSpectatorDelay {
  type: 'SetSpectatorDelay';
  /** Spectators see the public state as of this many resolved quarters ago (0: live). */
  data: { quarters: number };
}

/** Seat of a what-if fork: played by a bot, or open for a new player. */
export type ForkSeat = { kind: 'open' } | { kind: 'bot'; bot: BotSpec };

export interface ForkMatch {
  type: 'ForkMatch';
  /**
   * A new match that starts from another match's state right after quarter `quarter` resolved
   * (the server folds `state` from the source log; decide records its hash).
   */
  data: { matchId: string; sourceMatchId: string; quarter: number; state: GameState; seats: ForkSeat[] };
}

export interface SetStagedReveal {
  type: 'SetStagedReveal';
  /** On: each quarter's results reach players only when the facilitator releases them. */
  data: { on: boolean };
}

export interface EndMatch {
  type: 'EndMatch';
  /** A facilitator ends the match now; the standings decide. */
  data: Record<string, never>;
}

export interface RevealResults {
  type: 'RevealResults';
  /** The resolved quarter whose results are released to the players. */
  data: { quarter: number };
}

export type ChatChannel = 'players' | 'spectators';

export interface SayChat {
  type: 'SayChat';
  /**
   * A line of chat. A player speaks in the players' channel as their seat; the room speaks for a
   * spectator (who has no seat) in the spectators' channel, under the name they joined with.
   */
  data: { channel: ChatChannel; text: string; name?: string };
}

export interface MuteChat {
  type: 'MuteChat';
  /** A facilitator silences one seat, or everyone when no seat is given. */
  data: { seat?: SeatIndex };
}

export interface UnmuteChat {
  type: 'UnmuteChat';
  /** One seat may speak again, or, without a seat, everyone (every seat's mute lifted). */
  data: { seat?: SeatIndex };
}

export type Command =
  | CreateMatch
  | ClaimSeat
  | StartMatch
  | ExpireMatch
  | SubmitOrders
  | LockOrders
  | UnlockOrders
  | EndPlanning
  | PauseMatch
  | ResumeMatch
  | InjectShock
  | SetPlanningTimer
  | ReplaceSeat
  | SetSpectatorDelay
  | SetJoining
  | ForkMatch
  | SetStagedReveal
  | RevealResults
  | EndMatch
  | SayChat
  | MuteChat
  | UnmuteChat;

export type CommandType = Command['type'];
