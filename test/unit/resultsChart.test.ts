import { describe, expect, it } from 'vitest';
import { allocationSeries, loopSeries, parseExport, valuationSeries } from '../../client/src/ui/resultsChart';

describe('results chart data', () => {
  it('turns the CSV export into one valuation series per player, in $B by quarter', () => {
    const csv = ['quarter,label,seat,name,valuation_usd', '1,Q4 2025,0,Ada,15000000000', '1,Q4 2025,1,Bo,14000000000', '2,Q1 2026,0,Ada,16500000000', '2,Q1 2026,1,Bo,13000000000'].join('\n');
    expect(valuationSeries(parseExport(csv))).toEqual({
      quarters: [1, 2],
      players: [
        { name: 'Ada', values: [15, 16.5] },
        { name: 'Bo', values: [14, 13] },
      ],
    });
  });
});

describe('results charts for the seat in focus', () => {
  const csv = [
    'quarter,label,seat,name,valuation_usd,robotaxi_spend_usd,robots_spend_usd,satellites_spend_usd,shared_spend_usd,robotaxi_loop_strength,robots_loop_strength,satellites_loop_strength',
    '1,Q4 2025,0,Ada,15000000000,1000000000,500000000,0,300000000,0,0.1,0',
    '1,Q4 2025,1,Bo,14000000000,9000000000,0,0,0,0,0,0',
    '2,Q1 2026,0,Ada,16500000000,1200000000,400000000,250000000,300000000,0.85,4.5,0.2',
  ].join('\n');
  const names = { robotaxi: 'Robotaxi', robots: 'Robots', satellites: 'Satellites', shared: 'Chips & AI' };

  it('splits one seat’s spending by line per quarter, in $M', () => {
    expect(allocationSeries(parseExport(csv), 0, names)).toEqual({
      quarters: [1, 2],
      series: [
        { name: 'Robotaxi', values: [1000, 1200] },
        { name: 'Robots', values: [500, 400] },
        { name: 'Satellites', values: [0, 250] },
        { name: 'Chips & AI', values: [300, 300] },
      ],
    });
  });

  it('gives loop strength per line in percent, capped at 300%', () => {
    expect(loopSeries(parseExport(csv), 0, names).series.map((s) => s.values)).toEqual([
      [0, 85],
      [10, 300],
      [0, 20],
    ]);
  });
});
