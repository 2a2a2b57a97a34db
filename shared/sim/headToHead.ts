import type { SimStrategy } from './policies';
import type { MatchSummary } from './simReport';

/** Two-seat matches between every pair of strategies: `rate[a][b]` is how often `a` beat `b`. */
export interface HeadToHead {
  matchesPerPair: number;
  seed: string;
  strategies: SimStrategy[];
  rate: Record<string, Record<string, number>>;
}

/** Every unordered pair of different strategies, in pool order. */
export function pairsOf(pool: readonly SimStrategy[]): Array<[SimStrategy, SimStrategy]> {
  const pairs: Array<[SimStrategy, SimStrategy]> = [];
  pool.forEach((a, i) => pool.slice(i + 1).forEach((b) => pairs.push([a, b])));
  return pairs;
}

/** The matrix from each pair's match summaries (a pair's matches seat its two strategies in turn). */
export function headToHead(
  pool: readonly SimStrategy[],
  results: ReadonlyArray<{ pair: [SimStrategy, SimStrategy]; summaries: readonly MatchSummary[] }>,
  seed: string,
): HeadToHead {
  const rate: HeadToHead['rate'] = Object.fromEntries(pool.map((s) => [s, {}]));
  let matchesPerPair = 0;
  for (const { pair, summaries } of results) {
    const [a, b] = pair;
    const aWins = summaries.filter((m) => m.seats[m.winner]!.strategy === a).length;
    const n = Math.max(1, summaries.length);
    rate[a]![b] = Math.round((aWins / n) * 10_000) / 10_000;
    rate[b]![a] = Math.round(((summaries.length - aWins) / n) * 10_000) / 10_000;
    matchesPerPair = summaries.length;
  }
  return { matchesPerPair, seed, strategies: [...pool], rate };
}

export function renderHeadToHead(h: HeadToHead, command: string): string {
  const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
  const lines = ['# Head to head: two-player matches', '', '```', command, '```', ''];
  lines.push(`${h.matchesPerPair} matches per pair · seed \`${h.seed}\` · each cell: how often the row's strategy beat the column's`, '');
  lines.push(`| row beats column | ${h.strategies.join(' | ')} |`, `|---|${h.strategies.map(() => '---:').join('|')}|`);
  for (const a of h.strategies) lines.push(`| ${a} | ${h.strategies.map((b) => (a === b ? '—' : pct(h.rate[a]![b]))).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}
