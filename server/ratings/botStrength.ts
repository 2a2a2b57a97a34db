import { rate, rating, type Rating } from 'openskill';
import type { BotDifficulty, BotStrategy } from '../../shared/domain/ids';
import { BOT_DIFFICULTIES } from '../../shared/domain/ids';

/** The bots measured: each strategy at each difficulty is one player with its own rating. */
export const MEASURED_PLANS: BotStrategy[] = ['balanced', 'robotaxi', 'robots', 'satellites'];

export interface BotSeat {
  strategy: BotStrategy;
  difficulty: BotDifficulty;
}

/**
 * The seats of the i-th measuring match: every combination of four difficulties in turn (3⁴ = 81),
 * the plans rotated so that each plan meets each difficulty alike.
 */
export function measuringSeats(i: number): BotSeat[] {
  const combo = i % 81;
  return [0, 1, 2, 3].map((seat) => ({
    difficulty: BOT_DIFFICULTIES[Math.floor(combo / 3 ** seat) % 3]!,
    strategy: MEASURED_PLANS[(seat + Math.floor(i / 81)) % MEASURED_PLANS.length]!,
  }));
}

/**
 * Each difficulty's strength on the players' scale, from bot matches' rankings: openskill rates
 * every (plan, difficulty) bot over the matches in order; a difficulty's μ is its bots' mean,
 * shifted so that `anchor` (normal) sits at a newcomer's 25.
 */
export function fitBotRatings(matches: ReadonlyArray<{ seats: BotSeat[]; ranking: number[] }>, anchor: BotDifficulty = 'normal'): Record<BotDifficulty, Rating> {
  const players = new Map<string, Rating>();
  const key = (s: BotSeat) => `${s.strategy}/${s.difficulty}`;
  for (const m of matches) {
    const before = m.seats.map((s) => players.get(key(s)) ?? rating());
    const after = rate(
      before.map((r) => [r]),
      { rank: m.seats.map((_, seat) => m.ranking.indexOf(seat) + 1) },
    );
    // The same bot twice in a match: its last seat's update stands (rare; the combinations spread them).
    m.seats.forEach((s, seat) => players.set(key(s), after[seat]![0]!));
  }
  const mean = (d: BotDifficulty) => {
    const rated = MEASURED_PLANS.map((p) => players.get(`${p}/${d}`)).filter((r): r is Rating => r !== undefined);
    return { mu: rated.reduce((a, r) => a + r.mu, 0) / rated.length, sigma: rated.reduce((a, r) => a + r.sigma, 0) / rated.length };
  };
  const shift = 25 - mean(anchor).mu;
  return Object.fromEntries(BOT_DIFFICULTIES.map((d) => [d, { mu: mean(d).mu + shift, sigma: mean(d).sigma }])) as Record<BotDifficulty, Rating>;
}
