import { runBotMatch } from '../shared/sim/runBotMatch';
const strategies = ['robotaxi', 'robots', 'satellites', 'balanced', 'vertical'] as const;
const N = Number(process.argv[2] ?? 600);
for (let i = 0; i < 100; i++) runBotMatch({ seed: 'w' + i, bots: [0, 1, 2, 3].map((s) => ({ strategy: strategies[(i + s * 2) % 5]!, difficulty: 'normal' as const })) });
const t0 = performance.now();
for (let i = 0; i < N; i++) runBotMatch({ seed: 'b' + i, bots: [0, 1, 2, 3].map((s) => ({ strategy: strategies[(i + s * 2) % 5]!, difficulty: 'normal' as const })) });
console.log('matches/s', (N / (performance.now() - t0) * 1000).toFixed(1));
