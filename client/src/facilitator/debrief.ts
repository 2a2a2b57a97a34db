import type uPlotClass from 'uplot';
import type { GameEvent } from '../../../shared/domain/events';
import type { LineId } from '../../../shared/scenario/types';
import type { MessageKey } from '../i18n/en';
import { money, seatName, t } from '../i18n/i18n';
import { clear, h } from '../ui/dom';
import { parseExport, valuationSeries } from '../ui/resultsChart';
import { foundryPrices, loopMoments, seatSeries, spectrumSeries } from './debriefSeries';
import { downloadExport, fetchExport } from './facilitatorApi';
import { playersLog } from '../../../shared/rules/reveal';
import { chartTable } from '../ui/chartTable';

type Line = { name: string; values: Array<number | null> };

// Wide enough for the longest tick label ("12,0 Mrd. $" in German is twice "$12.0B"): about 6.5 px
// a character at the axis font, plus the tick and a gap.
const axisWidth = (_u: unknown, values: string[] | null) => Math.max(48, Math.ceil(Math.max(0, ...(values ?? []).map((v) => v.length)) * 6.5) + 24);

// Okabe–Ito colours as on the results screen: distinguishable with common colour-vision deficiencies.
const COLORS = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#ffffff'];
const LINE_COLORS = ['#56b4e9', '#e69f00', '#009e73', '#9fb0c8'];
const quarterTicks = { incrs: [1, 2, 4, 5, 10], values: (_u: unknown, ticks: number[]) => ticks.map((q) => `Q${q}`) };

function chart(uPlot: typeof uPlotClass, box: HTMLElement, opts: { id?: string; title: string; quarters: number[]; lines: Line[]; colors: string[]; format: (v: number) => string; width: number; height: number; points?: boolean }): void {
  const holder = h('div', { class: 'fc-chart', ...(opts.id ? { id: opts.id } : {}) });
  box.append(h('h4', {}, opts.title), holder);
  new uPlot(
    {
      width: opts.width,
      height: opts.height,
      scales: { x: { time: false } },
      series: [
        { label: t('quarter') },
        ...opts.lines.map((s, i) => ({
          label: s.name,
          stroke: opts.colors[i % opts.colors.length],
          width: opts.points ? 0 : 2,
          points: { show: true, size: opts.points ? 9 : 4, fill: opts.colors[i % opts.colors.length] },
          value: (_u: unknown, v: number | null) => (v === null ? '—' : opts.format(v)),
        })),
      ],
      axes: [
        { stroke: '#9fb0c8', grid: { stroke: '#223' }, ...quarterTicks },
        { stroke: '#9fb0c8', grid: { stroke: '#223' }, size: axisWidth, values: (_u: unknown, ticks: number[]) => ticks.map(opts.format) },
      ],
    },
    [opts.quarters, ...opts.lines.map((s) => s.values)] as never,
    holder,
  );
  box.append(chartTable(opts.title, opts.quarters, opts.lines, opts.format));
}

/** One match's debrief: its charts across all players, the moments loops closed, and its exports. */
async function matchDebrief(uPlot: typeof uPlotClass, column: HTMLElement, matchId: string, title: string, held: number | null, width: number): Promise<void> {
  // Read with the key (while live only the facilitator may read every team's books), but the
  // charts show what the class has seen: a quarter held for a staged reveal stays out.
  const [csv, file] = await Promise.all([(await fetchExport(matchId, 'csv', true)).text(), (await fetchExport(matchId, 'json', true)).json() as Promise<{ events: GameEvent[] }>]);
  const rows = parseExport(csv).filter((r) => held === null || Number(r.quarter) < held);
  const events = playersLog(file.events, held);
  column.append(
    h(
      'div',
      { class: 'fc-debrief-head' },
      h('h3', {}, title),
      h('button', { class: 'secondary', 'data-export': 'csv', onclick: () => void downloadExport(matchId, 'csv') }, t('fcExportCsv')),
      h('button', { class: 'secondary', 'data-export': 'json', onclick: () => void downloadExport(matchId, 'json') }, t('fcExportJson')),
    ),
  );
  if (rows.length === 0) {
    column.append(h('p', { class: 'muted' }, t('fcNoData')));
    return;
  }
  const spend = (['robotaxi', 'robots', 'satellites', 'shared'] as const).map((a) => ({ name: a === 'shared' ? t('fcShared') : t(a), column: `${a}_spend_usd` }));
  const strength = (['robotaxi', 'robots', 'satellites'] as const).map((l) => ({ name: t(l), column: `${l}_loop_strength` }));
  const valuation = valuationSeries(rows);
  chart(uPlot, column, { id: `valuation-${matchId}`, title: t('fcValuation'), quarters: valuation.quarters, lines: valuation.players, colors: COLORS, format: (v) => money(v * 1e9), width, height: 220 });
  const names = new Map(rows.map((r) => [Number(r.seat), seatName(r.name!)]));
  const grid = (titleKey: MessageKey) => {
    column.append(h('h4', {}, t(titleKey)));
    const g = h('div', { class: 'fc-multiples' });
    column.append(g);
    return g;
  };
  const small = Math.max(220, Math.floor(width / 2) - 12);
  const alloc = grid('fcAllocation');
  const loops = grid('fcLoopStrength');
  for (const [seat, name] of names) {
    const a = seatSeries(rows, seat, spend, 1e-6);
    const cellA = h('div', { class: 'fc-small' });
    alloc.append(cellA);
    chart(uPlot, cellA, { title: name, quarters: a.quarters, lines: a.lines, colors: LINE_COLORS, format: (v) => money(v * 1e6), width: small, height: 150 });
    const l = seatSeries(rows, seat, strength, 100);
    const cellL = h('div', { class: 'fc-small' });
    loops.append(cellL);
    chart(uPlot, cellL, { title: name, quarters: l.quarters, lines: l.lines, colors: LINE_COLORS, format: (v) => `${v}%`, width: small, height: 150 });
  }
  const foundry = foundryPrices(events);
  if (foundry.prices.some((p) => p !== null))
    chart(uPlot, column, { title: t('fcFoundryChart'), quarters: foundry.quarters, lines: [{ name: t('fcFoundry'), values: foundry.prices }], colors: ['#4cc9f0'], format: (v) => money(v), width, height: 180 });
  else column.append(h('h4', {}, t('fcFoundryChart')), h('p', { class: 'muted' }, t('fcNoChipsSold')));
  const spectrum = spectrumSeries(events, valuation.quarters);
  if (spectrum.licenses.length > 0)
    chart(uPlot, column, { title: t('fcSpectrumChart'), quarters: valuation.quarters, lines: spectrum.licenses.map((id, i) => ({ name: id, values: spectrum.values[i]! })), colors: COLORS, format: (v) => money(v * 1e6), width, height: 180, points: true });
  const moments = loopMoments(events);
  column.append(
    h('h4', {}, t('fcLoopMoments')),
    moments.length === 0
      ? h('p', { class: 'muted' }, t('fcNoLoopsYet'))
      : h(
          'ol',
          { class: 'fc-moments' },
          ...moments.map((m) => h('li', {}, h('strong', {}, `Q${m.quarter}`), ` ${t('fcClosedLine').replace('{who}', names.get(m.seat) ?? `#${m.seat + 1}`).replace('{line}', t(m.line as LineId))}`)),
        ),
  );
}

/** The debrief of one match or, for a class session, of all its matches side by side. */
export async function renderDebrief(box: HTMLElement, matches: ReadonlyArray<{ matchId: string; title: string; held: number | null }>): Promise<void> {
  clear(box);
  const [{ default: uPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
  const columns = h('div', { class: `fc-debrief cols-${Math.min(matches.length, 3)}`, id: 'debrief' });
  box.append(columns);
  const width = Math.max(300, Math.floor((box.clientWidth || 1200) / Math.min(matches.length, 3)) - 40);
  await Promise.all(
    matches.map((m) => {
      const column = h('section', { class: 'card fc-debrief-col' });
      columns.append(column);
      return matchDebrief(uPlot, column, m.matchId, m.title, m.held, width);
    }),
  );
}
