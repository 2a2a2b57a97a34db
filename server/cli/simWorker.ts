import { parentPort, workerData } from 'node:worker_threads';
import { runPlannedMatch, type SimPlan } from '../../shared/sim/matchPlan';
import type { Scenario } from '../../shared/scenario/types';

// One simulator thread: plays the match indices it is given and reports each summary.
const { plan, scenario, indices } = workerData as { plan: SimPlan; scenario: Scenario; indices: number[] };
for (const index of indices) parentPort!.postMessage(runPlannedMatch(plan, index, scenario));
