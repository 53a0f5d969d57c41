import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { zonedMidnightSeconds } from './zoned-midnight.js';

/** What the metrics read when scraped. `appendStats` is the embedded log's (absent with EventStoreDB). */
export interface OperationsSources {
  headPosition(): Promise<bigint>;
  appendStats?(): { appends: number; conflicts: number };
}

/** One finished close of business, as the runner reports it. */
export interface CloseOfBusinessRun {
  /** The business date closed, YYYY-MM-DD in the lender's time zone. */
  businessDate: string;
  /** IANA zone of the business date (LENDCORE_TIMEZONE). */
  timeZone: string;
  durationSeconds: number;
  loans: number;
  events: number;
}

/**
 * Operations metrics that ops/alerts/lendcore.rules.yml alerts on (docs/operations.md says what
 * to do for each): the log's head and appends, conflicts, close of business, payment suspense.
 * Close of business and suspense are reported by their owners calling the methods below.
 */
export class OperationsMetrics {
  private readonly cobDuration: Histogram;
  private readonly cobLoans: Gauge;
  private readonly cobEvents: Gauge;
  private readonly cobBusinessDate: Gauge;
  private readonly cobFailures: Counter;
  private readonly suspenseItems: Gauge;
  private readonly suspenseOldest: Gauge;

  constructor(registry: Registry, sources: OperationsSources) {
    const registers = [registry];
    new Gauge({
      name: 'lendcore_event_log_head_position', help: 'Global position of the newest event in the log (rate() of it is events appended per second)', registers,
      async collect() {
        this.set(Number(await sources.headPosition()));
      },
    });
    const seen = { appends: 0, conflicts: 0 };
    const appendStats = sources.appendStats;
    if (appendStats !== undefined) {
      new Counter({
        name: 'lendcore_event_appends_total', help: 'Appends committed by this process (a batch of events counts once)', registers,
        collect() {
          const { appends } = appendStats();
          this.inc(Math.max(0, appends - seen.appends));
          seen.appends = appends;
        },
      });
      new Counter({
        name: 'lendcore_append_conflicts_total', help: 'Appends refused because the stream moved (optimistic concurrency), retried ones included', registers,
        collect() {
          const { conflicts } = appendStats();
          this.inc(Math.max(0, conflicts - seen.conflicts));
          seen.conflicts = conflicts;
        },
      });
    }
    this.cobDuration = new Histogram({
      name: 'lendcore_close_of_business_duration_seconds', help: 'Wall time of each close of business run', registers,
      buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600],
    });
    this.cobLoans = new Gauge({ name: 'lendcore_close_of_business_loans', help: 'Loans the last close of business went over', registers });
    this.cobEvents = new Gauge({ name: 'lendcore_close_of_business_events', help: 'Events the last close of business appended', registers });
    this.cobBusinessDate = new Gauge({
      name: 'lendcore_close_of_business_last_business_date_seconds', help: 'Start (00:00 in the lender\'s time zone, Unix seconds) of the last business date closed', registers,
    });
    this.cobFailures = new Counter({ name: 'lendcore_close_of_business_failures_total', help: 'Close of business runs that stopped on an error', registers });
    this.suspenseItems = new Gauge({ name: 'lendcore_payment_suspense_items', help: 'Incoming payments held in suspense (not matched to a loan)', registers });
    this.suspenseOldest = new Gauge({ name: 'lendcore_payment_suspense_oldest_seconds', help: 'Age of the oldest payment in suspense (0 when none)', registers });
  }

  /** Call when a close of business has finished for `run.businessDate`. */
  closeOfBusinessRan(run: CloseOfBusinessRun): void {
    this.cobDuration.observe(run.durationSeconds);
    this.cobLoans.set(run.loans);
    this.cobEvents.set(run.events);
    this.cobBusinessDate.set(zonedMidnightSeconds(run.businessDate, run.timeZone));
  }

  /** Call when a close of business stops on an error. */
  closeOfBusinessFailed(): void {
    this.cobFailures.inc();
  }

  /** Call whenever the suspense queue changes (or on a timer). */
  paymentSuspense(items: number, oldestSeconds: number): void {
    this.suspenseItems.set(items);
    this.suspenseOldest.set(oldestSeconds);
  }
}
