import { botCommands } from '../shared/bots/botTurn';
import { decide } from '../shared/rules/decide';
import { applyEvent } from '../shared/rules/evolve';
import { initialState } from '../shared/rules/initialState';
import { viewFor } from '../shared/views/viewFor';
import { stateHash } from '../shared/replay/fold';
import { PIPELINE } from '../shared/rules/resolveQuarter';
import type { BotSpec } from '../shared/domain/ids';
const T: Record<string, number> = {};
const t = (k: string, f: () => any) => { const s = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - s; return r; };
(PIPELINE as any[]).forEach((step, i) => { (PIPELINE as any[])[i] = Object.defineProperty((ctx: any) => t('step:' + step.name, () => step(ctx)), 'name', { value: step.name }); });
const strategies = ['robotaxi', 'robots', 'satellites', 'balanced', 'vertical'] as const;
function run(seed: string, bots: BotSpec[]) {
  const state = initialState(); const sys = { actor: { role: 'system' as const } };
  const ex = (c: any, ctx: any) => { for (const e of decide(state, c, ctx)) applyEvent(state, e); };
  ex({ type: 'CreateMatch', data: { matchId: 'x', seed, seats: 4, winLoops: 2, planningSeconds: 0 } }, sys);
  bots.forEach((bot, seat) => ex({ type: 'ClaimSeat', data: { seat, name: 'b', bot } }, sys));
  ex({ type: 'StartMatch', data: {} }, sys);
  while (state.status === 'planning') {
    for (let seat = 0; seat < 4; seat++) {
      const view = t('viewFor', () => viewFor(state, { role: 'player', seat }));
      const cmds = t('botCommands', () => botCommands(view, bots[seat]!, seed));
      t('submit', () => ex(cmds[0], { actor: { role: 'player', seat } }));
      t('lock', () => ex(cmds[1], { actor: { role: 'player', seat } }));
    }
    t('endPlanning', () => decide(state, { type: 'EndPlanning', data: { quarter: state.quarter } }, { ...sys, consume: true }));
  }
  t('stateHash', () => stateHash(state));
}
const N = Number(process.argv[2] ?? 600);
const t0 = performance.now();
for (let i = 0; i < N; i++) run('p' + i, [0, 1, 2, 3].map((s) => ({ strategy: strategies[(i + s * 2) % 5]!, difficulty: 'normal' })));
const total = performance.now() - t0;
for (const k of Object.keys(T)) T[k] = T[k]! / N;
console.log('total µs/match', (total / N * 1000).toFixed(0));
console.log(Object.entries(T).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.padEnd(28)} ${(v * 1000).toFixed(0)} µs/match`).join('\n'));
