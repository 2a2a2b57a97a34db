import { parentPort, workerData } from 'node:worker_threads';
import { runPlannedMatch, type SimPlan } from '../../shared/sim/matchPlan';
import { validateScenario } from '../../shared/scenario/validateScenario';

// One simulator thread: plays the match indices it is given and reports each summary. The
// scenario arrives as a copy: validated once here, then shared by every match of the thread.
const { plan, indices } = workerData as { plan: SimPlan; indices: number[] };
const scenario = validateScenario((workerData as { scenario: unknown }).scenario);
for (const index of indices) parentPort!.postMessage(runPlannedMatch(plan, index, scenario));
