import type { RebuildProgress } from './rebuild.js';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

const BAR_WIDTH = 30;

/** One line: bar, percentage, counts, rate and time left. */
export function formatProgress(p: RebuildProgress): string {
  const ratio = p.total > 0 ? Math.min(1, p.processed / p.total) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
  const percent = (ratio * 100).toFixed(1).padStart(5);
  return `[${bar}] ${percent}% ${p.processed}/${p.total} events ${Math.round(p.eventsPerSecond)}/s eta ${formatSeconds(p.etaSeconds)}`;
}

/**
 * A progress printer for a rebuild. On a terminal it redraws one line (at most every `redrawMs`);
 * elsewhere (logs, CI) it prints a line every `lineEveryMs`. `done` prints the final state once.
 */
export function progressPrinter(
  out: ProgressOutput,
  options: { redrawMs?: number; lineEveryMs?: number; now?: () => number } = {},
): { update(p: RebuildProgress): void; done(): void } {
  const interval = out.isTTY ? (options.redrawMs ?? 100) : (options.lineEveryMs ?? 5_000);
  const now = options.now ?? Date.now;
  let last: RebuildProgress | null = null;
  let printedAt = -Infinity;
  const print = (p: RebuildProgress) => out.write(out.isTTY ? `\r\x1b[2K${formatProgress(p)}` : `${formatProgress(p)}\n`);
  return {
    update(p) {
      last = p;
      if (now() - printedAt < interval) return;
      printedAt = now();
      print(p);
    },
    done() {
      if (last) print(last);
      if (out.isTTY) out.write('\n');
    },
  };
}

function formatSeconds(seconds: number): string {
  const whole = Math.ceil(seconds);
  return whole >= 60 ? `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}
