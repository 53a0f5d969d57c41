import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../bench/catalog.js';
import { selectFigures } from '../../bench/select.js';

const names = (only: string[] | null) => selectFigures(FIGURES, only).map((f) => f.name);

describe('selectFigures', () => {
  it('selects everything without --only', () => {
    expect(names(null)).toEqual(FIGURES.map((f) => f.name));
  });

  it('adds the ceilings a selected figure is divided by', () => {
    expect(names(['rebuild.all'])).toEqual(['scan.raw', 'rebuild.all']);
    expect(names(['load.loan5000'])).toEqual(['load.loan10', 'load.loan5000', 'load.loan5000.nosnapshot']);
  });

  it('treats a name as a prefix of dotted names, not of arbitrary text', () => {
    expect(names(['schedule'])).toEqual(['schedule.360']);
    expect(names(['http.bare.c1'])).toEqual([]);
    expect(names(['http.bare.c10'])).toEqual(['http.bare.c10', 'http.bare.c10.p50', 'http.bare.c10.p99']);
  });
});
