import { jitter, wholeM, type BotContext } from './context';

/**
 * AI training every quarter; chip R&D until the strategy's tape-out target is reached. While a
 * car or robot loop is closing, shared spending (charged to those lines) stays a sliver of their revenue.
 */
export function sharedPlan(ctx: BotContext, planned: number): void {
  const { me, weights } = ctx;
  const closingRevenueM = (['robotaxi', 'robots'] as const)
    .filter((l) => ctx.closing.has(l))
    .reduce((sum, l) => sum + me.flows.revenue[l] / 1e6, 0);
  const closing = ctx.closing.has('robotaxi') || ctx.closing.has('robots');
  const budgetM = closing ? Math.min(planned, closingRevenueM * 0.1) : planned;
  const chipGap = Math.max(0, weights.chipTarget - me.tech.chipRnDTotalM);
  const chipRnD = chipGap > 0 && !closing ? Math.min(chipGap, budgetM * 0.45) : 0;
  if (chipRnD > 0) ctx.orders.chipRnD = Math.ceil(chipRnD);
  const capped = ctx.skill.stopsResearchAtTarget && me.tech.capability >= 92;
  const training = capped ? budgetM * 0.1 : budgetM - chipRnD;
  if (training > 0) ctx.orders.aiTraining = wholeM(jitter(ctx, training));
}
