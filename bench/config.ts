/** Sizes and durations of one bench run; defaults meet the sizes within ~10 minutes on 2 cores. */
export interface BenchConfig {
  /** `--only` patterns, or null for every figure. */
  only: string[] | null;
  /** Events in the log the rebuild and the raw scan read (BENCH_EVENTS). */
  events: number;
  /** Active loans close of business runs over (BENCH_EOD_LOANS). */
  eodLoans: number;
  /** Seconds of each autocannon run (BENCH_HTTP_SECONDS). */
  httpSeconds: number;
  /** Repetitions whose median is reported (BENCH_RUNS). */
  runs: number;
  /** Customers of the demo book the list and search queries run on (BENCH_FIND_CUSTOMERS). */
  findCustomers: number;
}

function positiveInt(env: Record<string, string | undefined>, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  // Digits only (underscores as separators): "1e6" or "0x10" would be accepted by Number() silently.
  const value = /^[0-9][0-9_]*$/.test(raw) ? Number(raw.replaceAll('_', '')) : Number.NaN;
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${key} must be a positive integer, got "${raw}"`);
  return value;
}

function onlyPatterns(argv: string[]): string[] | null {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at < 0) return null;
  const arg = argv[at] as string;
  const list = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  const patterns = (list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (patterns.length === 0) throw new Error('--only needs a comma-separated list of figure names');
  return patterns;
}

/** Reads the run's configuration; a malformed value is an error, never silently the default. */
export function readBenchConfig(argv: string[], env: Record<string, string | undefined>): BenchConfig {
  return {
    only: onlyPatterns(argv),
    events: positiveInt(env, 'BENCH_EVENTS', 1_000_000),
    eodLoans: positiveInt(env, 'BENCH_EOD_LOANS', 100_000),
    httpSeconds: positiveInt(env, 'BENCH_HTTP_SECONDS', 5),
    runs: positiveInt(env, 'BENCH_RUNS', 3),
    findCustomers: positiveInt(env, 'BENCH_FIND_CUSTOMERS', 2_000),
  };
}
