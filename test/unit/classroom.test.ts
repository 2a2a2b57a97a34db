import { describe, expect, it } from 'vitest';
import { foundryPrices, loopMoments, seatSeries, spectrumSeries } from '../../client/src/facilitator/debriefSeries';
import { parseExport } from '../../client/src/ui/resultsChart';
import { exportCsv } from '../../server/http/summaries';
import { isTeamSeat, roster, teamWithRoom } from '../../server/rooms/teams';
import type { Seat } from '../../shared/domain/state';
import { endPlanning, newTestMatch, submit } from '../support/newTestMatch';

const seats: Seat[] = [
  { index: 0, name: 'Ada', kind: 'human' },
  { index: 1, name: 'Bot 2 (robots)', kind: 'bot', bot: { strategy: 'robots', difficulty: 'easy' } },
  { index: 2, name: 'Cy', kind: 'human' },
];

describe('team mapping', () => {
  it('puts a new student in the human seat with the fewest members, lowest seat first', () => {
    expect(teamWithRoom(seats, [])).toBe(0);
    expect(teamWithRoom(seats, [{ id: 'a', name: 'Ada', seat: 0 }])).toBe(2);
    expect(teamWithRoom(seats, [{ id: 'a', name: 'Ada', seat: 0 }, { id: 'c', name: 'Cy', seat: 2 }])).toBe(0);
    expect(teamWithRoom([seats[1]!], [])).toBeNull();
  });

  it('only seats played by students take team members', () => {
    expect([0, 1, 2, 3, 0.5, -1].map((s) => isTeamSeat(seats, s))).toEqual([true, false, true, false, false, false]);
    expect(isTeamSeat([{ index: 0, name: '', kind: 'open' }], 0)).toBe(false);
  });

  it('lists the roster by seat, members in join order', () => {
    const rows = roster([
      { id: 'x', name: 'Di', seat: 2 },
      { id: 'y', name: 'Ada', seat: 0 },
      { id: 'z', name: 'Cy', seat: 2 },
    ]);
    expect(rows).toEqual([
      { id: 'y', name: 'Ada', seat: 0 },
      { id: 'x', name: 'Di', seat: 2 },
      { id: 'z', name: 'Cy', seat: 2 },
    ]);
  });
});

describe('debrief series', () => {
  // A real match: two players, three quarters, seat 0 bids for chips in quarter 1.
  const m = newTestMatch({ players: 2, seed: 'debrief' });
  submit(m, 0, { foundryBid: { chips: 1000, maxPriceUsd: 1500 }, chipRnD: 200 });
  endPlanning(m);
  endPlanning(m);
  endPlanning(m);
  const rows = parseExport(exportCsv(m.log));
  const events = m.log.map((e) => ({ type: e.type, data: e.data as unknown as Record<string, unknown> }));

  it('gives one seat’s columns per quarter, scaled, from the CSV export', () => {
    const s = seatSeries(rows, 0, [{ name: 'shared', column: 'shared_spend_usd' }, { name: 'none', column: 'no_such_column' }], 1e-6);
    expect(s.quarters).toEqual([1, 2, 3]);
    const q1 = rows.find((r) => r.seat === '0' && r.quarter === '1')!;
    expect(s.lines[0]!.values[0]).toBe(Math.round(Number(q1.shared_spend_usd) / 1e4) / 100);
    expect(s.lines[0]!.values[0]).toBeGreaterThan(200);
    expect(s.lines[1]!.values).toEqual([null, null, null]);
  });

  it('reads the foundry clearing price of every quarter from the events', () => {
    const f = foundryPrices(events);
    expect(f.quarters).toEqual([1, 2, 3]);
    const cleared = m.log.flatMap((e) => (e.type === 'FoundryAuctionCleared' ? [e.data.clearingPriceUsd] : []));
    expect(f.prices).toEqual(cleared);
    expect(f.prices[0]).toBeGreaterThanOrEqual(800);
  });

  it('places each spectrum sale at its quarter, and lists loop closings in order', () => {
    const sold = [
      { type: 'SpectrumAuctionCleared', data: { quarter: 2, licenseId: 'L1', winner: 1, price: 1_500_000_000, bids: [], reofferedIn: null } },
      { type: 'SpectrumAuctionCleared', data: { quarter: 3, licenseId: 'L2', winner: null, price: 0, bids: [], reofferedIn: 5 } },
      { type: 'LoopClosed', data: { quarter: 7, seat: 1, line: 'robots' } },
      { type: 'LoopClosed', data: { quarter: 9, seat: 0, line: 'robotaxi' } },
    ];
    expect(spectrumSeries(sold, [1, 2, 3])).toEqual({ licenses: ['L1'], values: [[null, 1500, null]] });
    expect(loopMoments(sold)).toEqual([
      { quarter: 7, seat: 1, line: 'robots' },
      { quarter: 9, seat: 0, line: 'robotaxi' },
    ]);
  });
});
