import type { FigureDef } from './figure.js';

/** True when `name` is `pattern` or lies under it (`http` selects `http.bare.c10`). */
function matches(name: string, pattern: string): boolean {
  return name === pattern || name.startsWith(`${pattern}.`);
}

/**
 * The figures to report for `--only` patterns (all when null), plus the ceilings they are divided
 * by, so a ratio is never computed against a ceiling from another run.
 */
export function selectFigures(defs: FigureDef[], only: string[] | null): FigureDef[] {
  if (only === null) return defs;
  const chosen = new Set(defs.filter((d) => only.some((p) => matches(d.name, p))).map((d) => d.name));
  for (const def of defs) if (chosen.has(def.name) && def.ceiling) chosen.add(def.ceiling);
  return defs.filter((d) => chosen.has(d.name));
}
