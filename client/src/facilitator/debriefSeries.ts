import type { LineId } from '../../../shared/scenario/types';

// Pure series for the debrief charts: one seat's columns of the CSV export (parsed by
// ui/resultsChart.ts), and from the JSON export's events the markets and the moments loops closed.

type Row = Record<string, string>;

/** One seat's values of several CSV columns per quarter, scaled (a missing cell is a gap). */
export function seatSeries(rows: readonly Row[], seat: number, columns: ReadonlyArray<{ name: string; column: string }>, scale: number): { quarters: number[]; lines: Array<{ name: string; values: Array<number | null> }> } {
  const mine = rows.filter((r) => Number(r.seat) === seat).sort((a, b) => Number(a.quarter) - Number(b.quarter));
  return {
    quarters: mine.map((r) => Number(r.quarter)),
    lines: columns.map(({ name, column }) => ({ name, values: mine.map((r) => (r[column] === undefined || r[column] === '' ? null : Math.round(Number(r[column]) * scale * 100) / 100)) })),
  };
}

interface LoggedEvent {
  type: string;
  data: Record<string, unknown>;
}

/** The foundry's clearing price per quarter ($ per chip; null when nothing cleared). */
export function foundryPrices(events: readonly LoggedEvent[]): { quarters: number[]; prices: Array<number | null> } {
  const cleared = events.filter((e) => e.type === 'FoundryAuctionCleared');
  return {
    quarters: cleared.map((e) => e.data.quarter as number),
    prices: cleared.map((e) => (e.data.clearingPriceUsd as number | null) ?? null),
  };
}

/** Each spectrum license sold: the quarter, the price paid ($M) and the winner. */
export function spectrumSales(events: readonly LoggedEvent[]): Array<{ quarter: number; licenseId: string; priceM: number; winner: number }> {
  return events
    .filter((e) => e.type === 'SpectrumAuctionCleared' && e.data.winner !== null)
    .map((e) => ({ quarter: e.data.quarter as number, licenseId: e.data.licenseId as string, priceM: (e.data.price as number) / 1e6, winner: e.data.winner as number }));
}

/** Spectrum prices as chart series: one per license, a point at the quarter it sold. */
export function spectrumSeries(events: readonly LoggedEvent[], quarters: readonly number[]): { licenses: string[]; values: Array<Array<number | null>> } {
  const sales = spectrumSales(events);
  const licenses = [...new Set(sales.map((s) => s.licenseId))];
  return {
    licenses,
    values: licenses.map((id) => quarters.map((q) => sales.find((s) => s.licenseId === id && s.quarter === q)?.priceM ?? null)),
  };
}

/** The moments loops closed, in the order they happened. */
export function loopMoments(events: readonly LoggedEvent[]): Array<{ quarter: number; seat: number; line: LineId }> {
  return events
    .filter((e) => e.type === 'LoopClosed')
    .map((e) => ({ quarter: e.data.quarter as number, seat: e.data.seat as number, line: e.data.line as LineId }));
}
