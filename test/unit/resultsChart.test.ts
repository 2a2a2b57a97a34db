import { describe, expect, it } from 'vitest';
import { parseExport, valuationSeries } from '../../client/src/ui/resultsChart';

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
