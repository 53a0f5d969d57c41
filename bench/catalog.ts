import type { FigureDef } from './figure.js';

const httpLatency = (prefix: string, ceilingPrefix?: string): FigureDef[] =>
  (['p50', 'p99'] as const).map((p) => ({
    name: `${prefix}.${p}`,
    unit: 'ms',
    ...(ceilingPrefix ? { ceiling: `${ceilingPrefix}.${p}` } : {}),
  }));

/**
 * Every figure `npm run bench` reports, in table order. Names are stable across runs; targets are
 * DESIGN.md "Non-functional targets" as data (1 M events in under 10 s is ≥ 100 000 events/s).
 */
export const FIGURES: FigureDef[] = [
  { name: 'http.bare.c10', unit: 'req/s' },
  ...httpLatency('http.bare.c10'),
  { name: 'http.bare.c50', unit: 'req/s' },
  ...httpLatency('http.bare.c50'),
  { name: 'http.repayment.c10', unit: 'req/s', ceiling: 'http.bare.c10' },
  ...httpLatency('http.repayment.c10', 'http.bare.c10'),
  { name: 'http.repayment.c50', unit: 'req/s', ceiling: 'http.bare.c50', target: { ratioAtLeast: 0.4 } },
  { name: 'http.repayment.c50.p50', unit: 'ms', ceiling: 'http.bare.c50.p50' },
  { name: 'http.repayment.c50.p99', unit: 'ms', ceiling: 'http.bare.c50.p99', target: { below: 25 } },
  // Server CPU (both threads) per repayment at c50: unlike req/s, a busy machine moves it little.
  { name: 'http.repayment.c50.cpu', unit: 'ms' },
  { name: 'http.bare-get.c50', unit: 'req/s' },
  ...httpLatency('http.bare-get.c50'),
  { name: 'http.loan-get.c50', unit: 'req/s', ceiling: 'http.bare-get.c50' },
  ...httpLatency('http.loan-get.c50', 'http.bare-get.c50'),
  // Server CPU per loan read at c50 over all its runs (the warm-up's cold reads included).
  { name: 'http.loan-get.c50.cpu', unit: 'ms' },
  // DESIGN.md: server memory under the HTTP load, peak RSS ≤ 300 MiB (sampled while the load runs).
  { name: 'memory.http.rss', unit: 'MiB', target: { atMost: 300 } },
  { name: 'sqlite.insert.single', unit: 'events/s' },
  { name: 'sqlite.insert.batch100', unit: 'events/s' },
  { name: 'eventstore.append.single', unit: 'events/s', ceiling: 'sqlite.insert.single' },
  { name: 'eventstore.append.batch100', unit: 'events/s', ceiling: 'sqlite.insert.batch100' },
  // Group commit's best case is every waiting append sharing one transaction: the batched insert.
  { name: 'eventstore.append.concurrent', unit: 'events/s', ceiling: 'sqlite.insert.batch100' },
  { name: 'scan.raw', unit: 'events/s' },
  { name: 'rebuild.all', unit: 'events/s', ceiling: 'scan.raw', target: { ratioAtLeast: 0.5, atLeast: 100_000 } },
  { name: 'memory.rebuild.rss', unit: 'MiB' },
  { name: 'load.loan10', unit: 'ms' },
  { name: 'load.loan5000', unit: 'ms', ceiling: 'load.loan10', target: { below: 2, ratioAtMost: 2 } },
  { name: 'load.loan5000.nosnapshot', unit: 'ms', ceiling: 'load.loan10' },
  { name: 'schedule.360', unit: 'ms', target: { below: 1 } },
  { name: 'eod.loans', unit: 'loans/s', target: { atLeast: 5_000 } },
  // The book's first close (once, after a migration): no target, reported so its cost is seen.
  { name: 'eod.first-close.loans', unit: 'loans/s' },
  // DESIGN.md: EOD appends only where something changed, never one event per loan per day.
  { name: 'eod.events-per-loan', unit: 'events/loan', target: { below: 1 } },
  // DESIGN.md: list and search queries on a 2 000-customer book under 50 ms.
  { name: 'find.loans.status', unit: 'ms', target: { below: 50 } },
  { name: 'find.loans.dpd', unit: 'ms', target: { below: 50 } },
  { name: 'find.customers.name', unit: 'ms', target: { below: 50 } },
  { name: 'find.customers.phone', unit: 'ms', target: { below: 50 } },
  { name: 'find.queue.approvals', unit: 'ms', target: { below: 50 } },
  { name: 'find.loans.next-page', unit: 'ms', target: { below: 50 } },
  { name: 'find.loan.transactions', unit: 'ms', target: { below: 50 } },
];
