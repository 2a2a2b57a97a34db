import { botCommands } from '../shared/bots/botTurn';
import type { BotSpec } from '../shared/domain/ids';
import { verifyLog } from '../shared/replay/envelope';
import { fold, stateHash } from '../shared/replay/fold';
import { quarterLabel } from '../shared/rules/calendar';
import { LINES } from '../shared/scenario/types';
import { LocalMatch } from '../shared/sim/LocalMatch';
import { quarterReport } from '../shared/views/quarterReport';
import { viewFor } from '../shared/views/viewFor';

// A headless demo match until the server lands: four bot conglomerates, one per strategy, played
// through the live path (decide → hash-chained log → immer), with a line per quarter.

const bots: Array<{ name: string; spec: BotSpec }> = [
  { name: 'Ada Robotaxi', spec: { strategy: 'robotaxi', difficulty: 'hard' } },
  { name: 'Borealis Robotics', spec: { strategy: 'robots', difficulty: 'hard' } },
  { name: 'Cygnus Orbital', spec: { strategy: 'satellites', difficulty: 'hard' } },
  { name: 'Delta Vertical', spec: { strategy: 'vertical', difficulty: 'hard' } },
];
const seed = process.argv[2] ?? 'demo-2025';
const m = new LocalMatch('demo');
m.exec({ type: 'CreateMatch', data: { matchId: 'demo', seed, seats: bots.length, winLoops: 2, planningSeconds: 0 } });
bots.forEach(({ name, spec }, seat) => m.exec({ type: 'ClaimSeat', data: { seat, name, bot: spec } }));
m.exec({ type: 'StartMatch', data: {} });

const SHORT = { robotaxi: 'Taxi', robots: 'Robots', satellites: 'Sats' } as const;
const $b = (usd: number) => `$${(usd / 1e9).toFixed(0)}B`.padStart(6);
console.log(`Closed Loop — headless demo match, seed "${seed}" (${m.state.scenario.quarters} quarters, first to 2 loops)\n`);
console.log(`quarter  ${bots.map((b) => b.name.padEnd(20)).join(' ')}`);
while (m.state.status === 'planning') {
  const q = m.state.quarter;
  bots.forEach(({ spec }, seat) => {
    for (const command of botCommands(viewFor(m.state, { role: 'player', seat }), spec, seed)) m.exec(command, { role: 'player', seat });
  });
  m.exec({ type: 'EndPlanning', data: { quarter: q } });
  const report = quarterReport(m.log, q, { role: 'spectator' }, bots.length).public;
  const cells = m.state.players.map((p) => {
    const closed = LINES.filter((l) => p.loops[l].closedQuarter !== null).map((l) => SHORT[l]);
    return `${$b(p.valuation)} ${closed.join('+') || '—'}`.padEnd(20);
  });
  console.log(`${quarterLabel(m.state.scenario, q)}  ${cells.join(' ')}`);
  for (const n of report.news) console.log(`         news: ${n.headline}`);
  for (const l of report.loopsClosed) console.log(`         ${bots[l.seat]!.name} closes the ${l.line} loop!`);
}
const result = m.state.result!;
console.log(`\nWinner: ${bots[result.winner]!.name} (${result.reason === 'loops' ? 'first to close 2 loops' : 'highest valuation'})`);
console.log(`Ranking: ${result.ranking.map((s) => bots[s]!.name).join(' > ')}`);
const check = verifyLog(m.log);
console.log(`Event log: ${m.log.length} events, hash chain ${check.ok ? 'verified' : 'BROKEN'}, replay ${stateHash(fold(m.log)) === stateHash(m.state) ? 'matches the live state' : 'DIFFERS'}.`);
