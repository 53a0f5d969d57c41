/** A figure's definition: its stable name, unit, the ceiling it is judged against and its target. */
export type Unit = 'req/s' | 'ms' | 'events/s' | 'loans/s' | 'events/loan' | 'MiB';

/**
 * A target from DESIGN.md "Non-functional targets". Every bound given must hold for a pass;
 * ratio bounds compare the figure with its ceiling measured in the same run.
 */
export interface Target {
  atLeast?: number;
  /** ≤, for a ceiling DESIGN.md states as "≤" (peak RSS ≤ 300 MiB). */
  atMost?: number;
  below?: number;
  ratioAtLeast?: number;
  ratioAtMost?: number;
}

export interface FigureDef {
  name: string;
  unit: Unit;
  /** Name of the figure this one is divided by (ratio = measured / ceiling). */
  ceiling?: string;
  target?: Target;
}

/** What a suite hands back: a value, or null with the reason it could not be measured. */
export interface Measurement {
  name: string;
  measured: number | null;
  note?: string;
}

/** One row of bench/results/*.json, in the shape the issue fixes. */
export interface FigureRow {
  name: string;
  unit: Unit;
  measured: number | null;
  ceiling: number | null;
  ratio: number | null;
  target: string | null;
  pass: boolean | null;
}
