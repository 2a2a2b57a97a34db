import { LocalMatch } from '../shared/sim/LocalMatch';
import { quarterLabel } from '../shared/rules/calendar';
import { verifyLog } from '../shared/replay/envelope';
import { fold, stateHash } from '../shared/replay/fold';
import type { Orders } from '../shared/domain/orders';

// A headless demo match (until the server lands): three scripted conglomerates, one line each
// in spirit, played through commands; prints what each quarter did to their books.

const names = ['Ada Dynamics', 'Borealis Motors', 'Cygnus Orbital'];
const sheets: Array<(q: number) => Orders> = [
  (q) => ({ chipRnD: q <= 4 ? 900 : 200, aiTraining: 1200, foundryBid: { chips: 30_000, maxPriceUsd: 1100 } }),
  (q) => ({ aiTraining: 1800, fsdRnD: 600, foundryBid: { chips: 25_000 + 2_000 * q, maxPriceUsd: 950 } }),
  () => ({ chipRnD: 300, aiTraining: 600, foundryBid: { chips: 10_000, maxPriceUsd: 850 } }),
];

const m = new LocalMatch('demo');
m.exec({ type: 'CreateMatch', data: { matchId: 'demo', seed: 'demo-2025', seats: 3, winLoops: 2, planningSeconds: 0 } });
names.forEach((name, seat) => m.exec({ type: 'ClaimSeat', data: { seat, name } }));
m.exec({ type: 'StartMatch', data: {} });

const $b = (usd: number) => `$${(usd / 1e9).toFixed(2)}B`.padStart(9);
console.log(`Closed Loop — headless demo match (seed "${m.state.seed}", ${m.state.scenario.quarters} quarters)\n`);
while (m.state.status === 'planning') {
  const q = m.state.quarter;
  m.state.players.forEach((p) => {
    m.exec({ type: 'SubmitOrders', data: { seat: p.seat, quarter: q, orders: sheets[p.seat]!(q) } }, { role: 'player', seat: p.seat });
    m.exec({ type: 'LockOrders', data: { seat: p.seat, quarter: q } }, { role: 'player', seat: p.seat });
  });
  m.exec({ type: 'EndPlanning', data: { quarter: q } });
  const foundry = m.state.foundry!;
  const cols = m.state.players.map((p) => {
    const gen = m.state.scenario.chips.generations[p.tech.chipGeneration]!.id;
    return `${names[p.seat]!.split(' ')[0]!.padEnd(8)} ${$b(p.valuation)} ${gen} A=${p.tech.capability.toFixed(1).padStart(5)} chips=${String(p.chips).padStart(7)}`;
  });
  console.log(`${quarterLabel(m.state.scenario, q)}  foundry ${foundry.clearingPriceUsd ?? '—'}$/chip | ${cols.join(' | ')}`);
}
const result = m.state.result!;
console.log(`\nWinner: ${names[result.winner]} (${result.reason}); ranking: ${result.ranking.map((s) => names[s]).join(' > ')}`);
const check = verifyLog(m.log);
console.log(`Event log: ${m.log.length} events, hash chain ${check.ok ? 'verified' : 'BROKEN'}, replay ${stateHash(fold(m.log)) === stateHash(m.state) ? 'matches' : 'DIFFERS'}.`);
