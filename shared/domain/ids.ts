export type SeatIndex = number;

export type Actor =
  | { role: 'player'; seat: SeatIndex }
  | { role: 'facilitator' }
  /** The server itself: the room clock, the lobby, crash recovery. */
  | { role: 'system' };

export interface DecideContext {
  actor: Actor;
}

export const BOT_STRATEGIES = ['balanced', 'robotaxi', 'robots', 'satellites', 'vertical', 'random'] as const;
export type BotStrategy = (typeof BOT_STRATEGIES)[number];
export const BOT_DIFFICULTIES = ['easy', 'normal', 'hard'] as const;
export type BotDifficulty = (typeof BOT_DIFFICULTIES)[number];

export interface BotSpec {
  strategy: BotStrategy;
  difficulty: BotDifficulty;
}
