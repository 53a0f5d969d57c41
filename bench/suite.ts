import type { BenchConfig } from './config.js';
import type { Measurement } from './figure.js';

/** A group of figures measured together because they share set-up (a server, a generated log). */
export interface Suite {
  name: string;
  /** The figure names the suite can report; it runs when any of them is selected. */
  figures: string[];
  run(config: BenchConfig, workDir: string): Promise<Measurement[]>;
}
