import { runBotMatch } from '../../shared/sim/runBotMatch';
import { fitBotRatings, measuringSeats } from '../ratings/botStrength';
import { intArg, parseArgs, UsageError } from './args';

const USAGE = `usage: npm run ratings:bots -- [--matches N]

Plays N four-bot matches of the default scenario (every combination of difficulties in turn, seeds
"bots-0", "bots-1", …) and rates every plan at every difficulty with openskill from the rankings.
Prints each difficulty's μ and σ on the players' scale (normal anchored at a newcomer's 25): the
fixed ratings quick match gives its bots (server/ratings/wengLin.ts).`;

try {
  const args = parseArgs(process.argv.slice(2), { matches: 'value' });
  const n = intArg(args, 'matches', 810, 81, 100_000);
  const started = Date.now();
  const played = Array.from({ length: n }, (_, i) => {
    const seats = measuringSeats(i);
    return { seats, ranking: runBotMatch({ seed: `bots-${i}`, bots: seats }).ranking };
  });
  const fitted = fitBotRatings(played);
  const round = (x: number) => Math.round(x * 100) / 100;
  for (const [d, r] of Object.entries(fitted)) process.stdout.write(`${d.padEnd(7)} μ ${round(r.mu).toFixed(2).padStart(6)}  σ ${round(r.sigma).toFixed(2)}\n`);
  process.stdout.write(`${n} matches in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`${e.message}\n\n${USAGE}\n`);
  process.exit(2);
}
