import type { MilestoneCheck } from '../../../../shared/rules/lines/milestones';
import { LINES, type LineId } from '../../../../shared/scenario/types';
import type { MessageKey } from '../../i18n/en';
import { money, number, t, tf } from '../../i18n/i18n';
import { h } from '../dom';
import { tip } from '../tooltip';

/** Where each line stands on its loop: the milestone's conditions, last quarter's money, the streak. */
export interface LoopStanding {
  checks: Record<LineId, MilestoneCheck[]>;
  /** Last quarter's revenue and spending per line (none before the first quarter resolved). */
  cash: Record<LineId, { revenue: number; spend: number }> | null;
  streak: Record<LineId, number>;
  closed: Record<LineId, number | null>;
  /** Quarters in a row a loop needs, and the strength it needs (revenue / spending). */
  quarters: number;
  minStrength: number;
}

const percent = new Set<MilestoneCheck['key']>(['adoption']);
const decimals = new Set<MilestoneCheck['key']>(['autonomy', 'dexterity']);

function value(c: MilestoneCheck, v: number): string {
  if (percent.has(c.key)) return `${number(v * 100, 0)}%`;
  return number(v, decimals.has(c.key) ? 1 : 0);
}

/** "autonomy 62.9/90 ✗": one condition with its numbers, in the reader's language. */
function checkText(c: MilestoneCheck): string {
  const label = t(`chk_${c.key}` as MessageKey);
  // Own actuators compare what the plants made with what the robots used.
  const figures = c.key === 'actuatorSupply' ? `${number(c.have)}/${number(c.need)}` : `${value(c, c.have)}/${value(c, c.need)}`;
  return `${label} ${figures} ${c.ok ? '✓' : '✗'}`;
}

/**
 * Per line, a plain checklist: "Milestone: autonomy 91/90 ✓ · cities 2/2 ✓ · revenue $2.0B ≥
 * spending $1.6B ✓ · quarters in a row 1/3", and what is still missing in words.
 */
export function loopChecklist(s: LoopStanding): HTMLElement {
  const rows = LINES.map((line) => {
    const closed = s.closed[line];
    if (closed !== null) return h('li', { class: `loop-line lane-${line} done`, 'data-line': line }, h('strong', {}, t(line)), ` · ⟳ ${tf('chk_closed', { q: closed })}`);
    const cash = s.cash?.[line];
    const cashOk = cash ? cash.revenue >= cash.spend * s.minStrength && cash.revenue > 0 : false;
    const parts = s.checks[line].map((c) => h('span', { class: c.ok ? 'ok' : 'missing' }, checkText(c)));
    const cashText = tf('chk_cashflow', { revenue: money(cash?.revenue ?? 0), spend: money(cash?.spend ?? 0) });
    parts.push(h('span', { class: cashOk ? 'ok' : 'missing' }, `${cashText} ${cashOk ? '✓' : '✗'}`));
    parts.push(h('span', {}, tf('chk_streak', { n: s.streak[line], of: s.quarters })));
    const missing = [...s.checks[line].filter((c) => !c.ok).map((c) => t(`chk_${c.key}` as MessageKey)), ...(cashOk ? [] : [t('chk_missingCash')])];
    return h(
      'li',
      { class: `loop-line lane-${line}`, 'data-line': line },
      h('strong', {}, t(line)),
      ` · ${t('milestone')}: `,
      ...parts.flatMap((p, i) => (i === 0 ? [p] : [' · ', p])),
      missing.length ? h('div', { class: 'muted' }, tf('chk_missing', { what: missing.join(', ') })) : null,
    );
  });
  return tip(h('div', { class: 'loop-checklist', id: 'loop-checklist' }, h('h3', {}, t('loopTitle')), h('ul', {}, ...rows)), tf('tip_loopChecklist', { of: s.quarters }));
}
