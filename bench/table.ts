import type { FigureRow } from './figure.js';

const HEADERS = ['figure', 'unit', 'measured', 'ceiling', 'ratio', 'target', 'result'] as const;

function cell(value: number | string | null): string {
  return value === null ? '—' : String(value);
}

function verdict(pass: boolean | null): string {
  if (pass === null) return '—';
  return pass ? 'pass' : 'SHORT';
}

/** The rows as an aligned plain-text table, one line per figure, numbers right-aligned. */
export function formatTable(rows: FigureRow[]): string {
  const lines = rows.map((r) => [r.name, r.unit, cell(r.measured), cell(r.ceiling), cell(r.ratio), cell(r.target), verdict(r.pass)]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const numeric = new Set([2, 3, 4]);
  const render = (cells: readonly string[]): string =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [render(HEADERS), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}
