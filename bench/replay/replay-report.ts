/** What a replay worker reports: events read, wall time, and its own peak RSS. */
export interface ReplayReport {
  events: number;
  ms: number;
  peakRssMiB: number;
  /** Payload bytes read (the scan only), so the work is visible in the result. */
  bytes?: number;
}

/** Events per second of a replay; a replay that read nothing is an error, not an infinite rate. */
export function eventsPerSecond(report: ReplayReport): number {
  if (report.events === 0 || report.ms <= 0) throw new Error(`replay read ${report.events} events in ${report.ms} ms`);
  return report.events / (report.ms / 1000);
}
