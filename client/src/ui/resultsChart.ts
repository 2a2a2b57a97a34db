import { LINES, type LineId } from '../../../shared/scenario/types';
import type { MessageKey } from '../i18n/en';
import { money, seatName, t } from '../i18n/i18n';
import { h } from './dom';
import { chartTable } from './chartTable';

type Row = Record<string, string>;

/** Rows of the match's CSV export: one per player per quarter. */
export function parseExport(csv: string): Row[] {
  const [head, ...lines] = csv.trim().split('\n');
  const cols = head!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i]!, v])));
}

export interface Series {
  quarters: number[];
  series: Array<{ name: string; values: number[] }>;
}

const quartersOf = (rows: Row[]) => [...new Set(rows.map((r) => Number(r.quarter)))].sort((a, b) => a - b);
const cell = (rows: Row[], seat: number, quarter: number, col: string) => Number(rows.find((r) => Number(r.seat) === seat && Number(r.quarter) === quarter)?.[col] ?? 0);

/** Valuation over time, one series per player: quarter on x, $B on y. */
export function valuationSeries(rows: Row[]): { quarters: number[]; players: Array<{ name: string; values: number[] }> } {
  const quarters = quartersOf(rows);
  const seats = [...new Set(rows.map((r) => Number(r.seat)))].sort((a, b) => a - b);
  return {
    quarters,
    players: seats.map((seat) => ({
      name: seatName(rows.find((r) => Number(r.seat) === seat)!.name!),
      values: quarters.map((q) => cell(rows, seat, q, 'valuation_usd') / 1e9),
    })),
  };
}

/** One seat's spending per quarter on each line and on the shared layer, in $M. */
export function allocationSeries(rows: Row[], seat: number, names: Record<LineId | 'shared', string>): Series {
  const quarters = quartersOf(rows);
  const accounts = [...LINES, 'shared'] as const;
  return {
    quarters,
    series: accounts.map((a) => ({ name: names[a], values: quarters.map((q) => Math.round(cell(rows, seat, q, `${a}_spend_usd`) / 1e6)) })),
  };
}

/** One seat's loop strength per line per quarter, in percent (capped at 300% to keep the scale readable). */
export function loopSeries(rows: Row[], seat: number, names: Record<LineId, string>): Series {
  const quarters = quartersOf(rows);
  return {
    quarters,
    series: LINES.map((l) => ({ name: names[l], values: quarters.map((q) => Math.min(300, Math.round(cell(rows, seat, q, `${l}_loop_strength`) * 100))) })),
  };
}

// Okabe–Ito colours, distinguishable with every common colour-vision deficiency.
export const COLORS = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#ffffff'];
const LINE_COLORS = ['#56b4e9', '#e69f00', '#009e73', '#9fb0c8'];

/**
 * The results charts, with uPlot loaded only now that the match is over: valuation per player,
 * and for the seat in focus its spending by line and its loop strength per line.
 */
export async function renderResultsChart(box: HTMLElement, matchId: string, seat: number): Promise<void> {
  const [{ default: uPlot }, csv] = await Promise.all([
    import('uplot'),
    fetch(`/api/matches/${encodeURIComponent(matchId)}/export?format=csv`).then((r) => r.text()),
    import('uplot/dist/uPlot.min.css'),
  ]);
  const rows = parseExport(csv);
  const lineNames = { robotaxi: t('robotaxi'), robots: t('robots'), satellites: t('satellites'), shared: t('shared') };
  const widthOf = () => Math.max(280, Math.min(560, (box.clientWidth || 560) - 8));
  const charts: uPlot[] = [];
  const chart = (id: string, title: MessageKey, data: Series, colors: string[], format: (v: number) => string) => {
    const holder = h('div', { id, class: 'chart' });
    box.append(h('h3', {}, t(title)), holder);
    const plot = new uPlot(
      {
        width: widthOf(),
        height: 220,
        scales: { x: { time: false } },
        series: [{ label: t('quarter') }, ...data.series.map((s, i) => ({ label: s.name, stroke: colors[i % colors.length], width: 2, value: (_u: unknown, v: number | null) => (v === null ? '—' : format(v)) }))],
        axes: [
          { stroke: '#9fb0c8', grid: { stroke: '#223' } },
          // As wide as the longest label needs ("200,0 Mrd. $" is wider than "$200.0B").
          {
            stroke: '#9fb0c8',
            grid: { stroke: '#223' },
            size: (_u: unknown, labels: string[] | null) => Math.max(80, 16 + 7 * Math.max(0, ...(labels ?? []).map((l) => l.length))),
            values: (_u: unknown, ticks: number[]) => ticks.map(format),
          },
        ],
      },
      [data.quarters, ...data.series.map((s) => s.values)],
      holder,
    );
    charts.push(plot);
    box.append(chartTable(t(title), data.quarters, data.series, format));
  };
  const valuation = valuationSeries(rows);
  chart('valuation-chart', 'chart_valuation', { quarters: valuation.quarters, series: valuation.players }, COLORS, (v) => money(v * 1e9));
  chart('allocation-chart', 'chart_allocation', allocationSeries(rows, seat, lineNames), LINE_COLORS, (v) => money(v * 1e6));
  chart('loops-chart', 'chart_loops', loopSeries(rows, seat, lineNames), LINE_COLORS, (v) => `${v}%`);
  // uPlot draws at a fixed size: the charts follow their panel when it narrows or widens (a phone
  // turned, a page zoomed), so they never reach past it.
  new ResizeObserver(() => {
    const width = widthOf();
    for (const plot of charts) if (plot.width !== width) plot.setSize({ width, height: 220 });
  }).observe(box);
}
