export type SeatIndex = number;

export type Actor =
  | { role: 'player'; seat: SeatIndex }
  | { role: 'facilitator' }
  /** The server itself: the room clock, the lobby, crash recovery. */
  | { role: 'system' };

export interface DecideContext {
  actor: Actor;
  /**
   * The caller hands its state over: a quarter's resolution may then work on it directly instead
   * of on a copy, and on return the state already holds the returned events. Only a caller that
   * owns a private, mutable state (the headless simulator) may set this.
   */
  consume?: boolean;
}

export const BOT_STRATEGIES = ['balanced', 'robotaxi', 'robots', 'satellites', 'vertical', 'random'] as const;
export type BotStrategy = (typeof BOT_STRATEGIES)[number];
export const BOT_DIFFICULTIES = ['easy', 'normal', 'hard'] as const;
export type BotDifficulty = (typeof BOT_DIFFICULTIES)[number];

export interface BotSpec {
  strategy: BotStrategy;
  difficulty: BotDifficulty;
}
