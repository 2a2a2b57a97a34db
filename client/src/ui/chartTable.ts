import { t } from '../i18n/i18n';
import { h } from './dom';
import './chartTable.css';

/**
 * A chart's numbers as a table, folded under the chart: a quarter per row, a series per column,
 * each value written as the chart's axis writes it. Screen readers and anyone who wants the exact
 * figures read this instead of the canvas. `rows` names the rows otherwise (a chart over matches, not quarters).
 */
export function chartTable(
  title: string,
  quarters: readonly number[],
  series: ReadonlyArray<{ name: string; values: ReadonlyArray<number | null> }>,
  format: (v: number) => string,
  rows: { head: string; label: (x: number) => string } = { head: t('quarter'), label: (q) => `Q${q}` },
): HTMLElement {
  return h(
    'details',
    { class: 'chart-data' },
    h('summary', {}, `${t('chartTable')}: ${title}`),
    h(
      'div',
      { class: 'chart-data-scroll' },
      h(
        'table',
        {},
        h('caption', { class: 'sr-only' }, title),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, rows.head), ...series.map((s) => h('th', { scope: 'col' }, s.name)))),
        h(
          'tbody',
          {},
          ...quarters.map((q, i) => h('tr', {}, h('th', { scope: 'row' }, rows.label(q)), ...series.map((s) => h('td', {}, s.values[i] === null || s.values[i] === undefined ? '—' : format(s.values[i]!))))),
        ),
      ),
    ),
  );
}
