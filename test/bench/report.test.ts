import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../bench/catalog.js';
import type { FigureDef } from '../../bench/figure.js';
import { shapeRows } from '../../bench/report.js';

const defs: FigureDef[] = [
  { name: 'scan.raw', unit: 'events/s' },
  { name: 'rebuild.all', unit: 'events/s', ceiling: 'scan.raw', target: { ratioAtLeast: 0.5 } },
  { name: 'schedule.360', unit: 'ms', target: { below: 1 } },
];

describe('shapeRows', () => {
  it('divides each figure by its ceiling from the same run and judges it', () => {
    const rows = shapeRows(defs, [
      { name: 'scan.raw', measured: 280_000.4 },
      { name: 'rebuild.all', measured: 126_000 },
      { name: 'schedule.360', measured: 0.41234 },
    ]);
    expect(rows).toEqual([
      { name: 'scan.raw', unit: 'events/s', measured: 280_000, ceiling: null, ratio: null, target: null, pass: null },
      { name: 'rebuild.all', unit: 'events/s', measured: 126_000, ceiling: 280_000, ratio: 0.45, target: '≥ 0.5× ceiling', pass: false },
      { name: 'schedule.360', unit: 'ms', measured: 0.412, ceiling: null, ratio: null, target: '< 1', pass: true },
    ]);
  });

  it('keeps a figure nobody measured, with nulls, so names stay stable', () => {
    const rows = shapeRows(defs, [{ name: 'rebuild.all', measured: null, note: 'missing piece' }]);
    expect(rows.map((r) => [r.name, r.measured, r.ratio, r.pass])).toEqual([
      ['scan.raw', null, null, null],
      ['rebuild.all', null, null, null],
      ['schedule.360', null, null, null],
    ]);
  });

  it('gives no ratio against a zero ceiling', () => {
    const [, rebuild] = shapeRows(defs, [{ name: 'scan.raw', measured: 0 }, { name: 'rebuild.all', measured: 5 }]);
    expect(rebuild?.ratio).toBeNull();
  });
});

describe('the catalog', () => {
  it('names every ceiling it divides by, and each name once', () => {
    const names = FIGURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of FIGURES) if (f.ceiling) expect(names).toContain(f.ceiling);
  });

  it('carries the targets of DESIGN.md', () => {
    const target = (name: string) => FIGURES.find((f) => f.name === name)?.target;
    expect(target('http.repayment.c50')).toEqual({ ratioAtLeast: 0.4 });
    expect(target('http.repayment.c50.p99')).toEqual({ below: 25 });
    expect(target('rebuild.all')).toEqual({ ratioAtLeast: 0.5, atLeast: 100_000 });
    expect(target('load.loan5000')).toEqual({ below: 2, ratioAtMost: 2 });
    expect(target('schedule.360')).toEqual({ below: 1 });
    expect(target('eod.loans')).toEqual({ atLeast: 5_000 });
  });
});
