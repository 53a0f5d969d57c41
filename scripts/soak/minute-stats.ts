/** One minute of soak traffic as the report shows it. */
export interface MinuteStats {
  minute: number;
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  /** The server's resident set size at the end of the minute. */
  rssMb: number;
}

/** Nearest-rank percentile of `values` (0 for none). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Collects latencies and errors per minute of the run. */
export class MinuteRecorder {
  private latencies: number[] = [];
  private errors = 0;
  readonly minutes: MinuteStats[] = [];

  record(ms: number, ok: boolean): void {
    this.latencies.push(ms);
    if (!ok) this.errors++;
  }

  /** Closes the current minute with the server's RSS and starts the next. */
  close(rssMb: number): MinuteStats {
    const stats = {
      minute: this.minutes.length + 1,
      requests: this.latencies.length,
      errors: this.errors,
      p50Ms: round(percentile(this.latencies, 50)),
      p99Ms: round(percentile(this.latencies, 99)),
      rssMb: round(rssMb),
    };
    this.minutes.push(stats);
    this.latencies = [];
    this.errors = 0;
    return stats;
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
