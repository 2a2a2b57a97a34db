import { jitter, wholeM, type BotContext } from './context';

/** AI training every quarter; chip R&D until the strategy's tape-out target is reached. */
export function sharedPlan(ctx: BotContext, budgetM: number): void {
  const { me, weights } = ctx;
  const chipGap = Math.max(0, weights.chipTarget - me.tech.chipRnDTotalM);
  const chipRnD = chipGap > 0 ? Math.min(chipGap, budgetM * 0.45) : 0;
  if (chipRnD > 0) ctx.orders.chipRnD = Math.ceil(chipRnD);
  const capped = ctx.skill.stopsResearchAtTarget && me.tech.capability >= 92;
  const training = capped ? budgetM * 0.1 : budgetM - chipRnD;
  if (training > 0) ctx.orders.aiTraining = wholeM(jitter(ctx, training));
}
