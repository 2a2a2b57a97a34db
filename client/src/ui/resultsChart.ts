import { money, t } from '../i18n/i18n';
import { h } from './dom';

/** Rows of the match's CSV export: one per player per quarter. */
export function parseExport(csv: string): Array<Record<string, string>> {
  const [head, ...lines] = csv.trim().split('\n');
  const cols = head!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i]!, v])));
}

/** Valuation over time, one series per player: quarter on x, $B on y. */
export function valuationSeries(rows: Array<Record<string, string>>): { quarters: number[]; players: Array<{ name: string; values: number[] }> } {
  const quarters = [...new Set(rows.map((r) => Number(r.quarter)))].sort((a, b) => a - b);
  const seats = [...new Set(rows.map((r) => Number(r.seat)))].sort((a, b) => a - b);
  return {
    quarters,
    players: seats.map((seat) => ({
      name: rows.find((r) => Number(r.seat) === seat)!.name!,
      values: quarters.map((q) => Number(rows.find((r) => Number(r.seat) === seat && Number(r.quarter) === q)?.valuation_usd ?? 0) / 1e9),
    })),
  };
}

// Okabe–Ito colours, distinguishable with every common colour-vision deficiency.
const COLORS = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#ffffff'];

/** The results chart, with uPlot loaded only now that the match is over. */
export async function renderResultsChart(box: HTMLElement, matchId: string): Promise<void> {
  const [{ default: uPlot }, csv] = await Promise.all([
    import('uplot'),
    fetch(`/api/matches/${encodeURIComponent(matchId)}/export?format=csv`).then((r) => r.text()),
    import('uplot/dist/uPlot.min.css'),
  ]);
  const { quarters, players } = valuationSeries(parseExport(csv));
  const holder = h('div', { id: 'valuation-chart' });
  box.append(h('h3', {}, t('valuation')), holder);
  new uPlot(
    {
      width: Math.min(560, box.clientWidth || 560),
      height: 260,
      scales: { x: { time: false } },
      series: [{ label: t('quarter') }, ...players.map((p, i) => ({ label: p.name, stroke: COLORS[i % COLORS.length], width: 2, value: (_u: unknown, v: number | null) => (v === null ? '—' : money(v * 1e9)) }))],
      axes: [
        { stroke: '#9fb0c8', grid: { stroke: '#223' } },
        { stroke: '#9fb0c8', grid: { stroke: '#223' }, size: 80, values: (_u: unknown, ticks: number[]) => ticks.map((v) => money(v * 1e9)) },
      ],
    },
    [quarters, ...players.map((p) => p.values)],
    holder,
  );
}
