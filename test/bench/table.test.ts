import { describe, expect, it } from 'vitest';
import { formatTable } from '../../bench/table.js';

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers and spells the verdict', () => {
    const table = formatTable([
      { name: 'rebuild.all', unit: 'events/s', measured: 126000, ceiling: 280000, ratio: 0.45, target: '≥ 0.5× ceiling', pass: false },
      { name: 'schedule.360', unit: 'ms', measured: 0.412, ceiling: null, ratio: null, target: '< 1', pass: true },
      { name: 'scan.raw', unit: 'events/s', measured: null, ceiling: null, ratio: null, target: null, pass: null },
    ]);
    expect(table.split('\n')).toEqual([
      'figure        unit      measured  ceiling  ratio  target          result',
      '------------  --------  --------  -------  -----  --------------  ------',
      'rebuild.all   events/s    126000   280000   0.45  ≥ 0.5× ceiling  SHORT',
      'schedule.360  ms           0.412        —      —  < 1             pass',
      'scan.raw      events/s         —        —      —  —               —',
    ]);
  });
});
