import type { Measurement } from './figure.js';

/**
 * Marks figures as not measured, with the reason, instead of aborting the whole run: one missing
 * piece must not hide every other figure. `prefixes` name the figures (as `--only` does).
 */
export function unmeasured(prefixes: string[], error: unknown): Measurement[] {
  const note = error instanceof Error ? error.message : String(error);
  return prefixes.map((name) => ({ name, measured: null, note }));
}
