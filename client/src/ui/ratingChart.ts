import type { ProfileMatch } from '../../../shared/wire/ranked';
import { currentLocale, number, t } from '../i18n/i18n';
import { chartTable } from './chartTable';
import { h } from './dom';
import { matchDate } from './rankedFormat';

/**
 * The rating before the first ranked match (at 0), then after each one (1, 2, … oldest first):
 * match numbers on x, the rating on y; `at` holds the matches' times.
 */
export function ratingSeries(matches: readonly ProfileMatch[]): { x: number[]; ratings: number[]; at: number[] } {
  const oldestFirst = [...matches].sort((a, b) => a.at - b.at);
  const first = oldestFirst[0];
  if (!first) return { x: [], ratings: [], at: [] };
  return { x: [0, ...oldestFirst.map((_, i) => i + 1)], ratings: [first.rating - first.change, ...oldestFirst.map((m) => m.rating)], at: oldestFirst.map((m) => m.at) };
}

/**
 * The profile's rating chart, with uPlot loaded only when a profile is shown, and its numbers as a
 * table under it (chartTable.ts) for screen readers and exact figures.
 */
export async function renderRatingChart(box: HTMLElement, matches: readonly ProfileMatch[]): Promise<void> {
  const [{ default: uPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
  const data = ratingSeries(matches);
  const date = (i: number) => (i === 0 ? t('profileStart') : Number.isInteger(i) && data.at[i - 1] !== undefined ? matchDate(data.at[i - 1]!, currentLocale()) : '');
  const format = (v: number) => number(v);
  const widthOf = () => Math.max(280, Math.min(720, (box.clientWidth || 720) - 8));
  const holder = h('div', { id: 'rating-chart', class: 'chart', 'aria-hidden': 'true' });
  box.append(holder);
  const plot = new uPlot(
    {
      width: widthOf(),
      height: 220,
      scales: { x: { time: false } },
      series: [
        { label: t('colDate'), value: (_u: unknown, v: number | null) => (v === null ? '—' : date(v)) },
        { label: t('profileRating'), stroke: '#56b4e9', width: 2, points: { show: true, size: 6 }, value: (_u: unknown, v: number | null) => (v === null ? '—' : format(v)) },
      ],
      axes: [
        { label: t('profileMatchNumber'), labelSize: 24, stroke: '#9fb0c8', grid: { stroke: '#223' }, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500], values: (_u: unknown, ticks: number[]) => ticks.map((v) => String(v)) },
        { stroke: '#9fb0c8', grid: { stroke: '#223' }, size: 60, values: (_u: unknown, ticks: number[]) => ticks.map(format) },
      ],
    },
    [data.x, data.ratings],
    holder,
  );
  box.append(chartTable(t('profileChart'), data.x, [{ name: t('profileRating'), values: data.ratings }], format, { head: t('colDate'), label: date }));
  // uPlot draws at a fixed size: the chart follows its card when the page narrows or widens.
  new ResizeObserver(() => {
    const width = widthOf();
    if (plot.width !== width) plot.setSize({ width, height: 220 });
  }).observe(box);
}
