import type { FigureDef, FigureRow, Measurement } from './figure.js';
import { describeTarget, judge } from './judge.js';
import type { Machine } from './machine.js';

export interface BenchReport {
  machine: Machine;
  figures: FigureRow[];
}

/** Rounds for the report: three significant decimals is more than any of these figures can claim. */
function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(3));
}

/**
 * One row per selected definition, in catalog order; ratios come from the ceiling measured in the
 * same run, and a figure nobody measured is kept with `measured: null` so names stay stable.
 */
export function shapeRows(defs: FigureDef[], measurements: Measurement[]): FigureRow[] {
  const measured = new Map(measurements.map((m) => [m.name, m.measured]));
  const valueOf = (name: string | undefined): number | null => (name === undefined ? null : (measured.get(name) ?? null));
  return defs.map((def) => {
    const value = valueOf(def.name);
    const ceiling = valueOf(def.ceiling);
    const ratio = value !== null && ceiling !== null && ceiling !== 0 ? value / ceiling : null;
    return {
      name: def.name,
      unit: def.unit,
      measured: value === null ? null : round(value),
      ceiling: ceiling === null ? null : round(ceiling),
      ratio: ratio === null ? null : Number(ratio.toFixed(3)),
      target: describeTarget(def.target),
      pass: judge(def.target, value, ratio),
    };
  });
}
