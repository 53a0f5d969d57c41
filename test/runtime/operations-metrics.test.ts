import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { OperationsMetrics } from '../../src/runtime/operations-metrics.js';
import { zonedMidnightSeconds } from '../../src/runtime/zoned-midnight.js';

describe('operations metrics', () => {
  it('reports close of business, suspense, the log head, appends and conflicts when scraped', async () => {
    const registry = new Registry();
    const stats = { appends: 3, conflicts: 1 };
    const metrics = new OperationsMetrics(registry, { headPosition: async () => 42n, appendStats: () => stats });
    metrics.closeOfBusinessRan({ businessDate: '2026-01-20', timeZone: 'Asia/Shanghai', durationSeconds: 12.5, loans: 1000, events: 37 });
    metrics.paymentSuspense(2, 3600);
    let text = await registry.metrics();
    expect(text).toContain('lendcore_event_log_head_position 42');
    expect(text).toContain('lendcore_event_appends_total 3');
    expect(text).toContain('lendcore_append_conflicts_total 1');
    expect(text).toContain('lendcore_close_of_business_loans 1000');
    expect(text).toContain('lendcore_close_of_business_events 37');
    expect(text).toContain('lendcore_close_of_business_duration_seconds_sum 12.5');
    expect(text).toContain(`lendcore_close_of_business_last_business_date_seconds ${Date.UTC(2026, 0, 19, 16) / 1000}`);
    expect(text).toContain('lendcore_payment_suspense_items 2');
    stats.appends = 10;
    text = await registry.metrics();
    expect(text).toContain('lendcore_event_appends_total 10');
  });

  it('finds 00:00 in the lender\'s zone, across offsets and DST', () => {
    expect(zonedMidnightSeconds('2026-01-20', 'UTC')).toBe(Date.UTC(2026, 0, 20) / 1000);
    expect(zonedMidnightSeconds('2026-07-01', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 4) / 1000);
    expect(zonedMidnightSeconds('2026-01-01', 'America/New_York')).toBe(Date.UTC(2026, 0, 1, 5) / 1000);
    expect(() => zonedMidnightSeconds('2026-1-1', 'UTC')).toThrow(RangeError);
  });
});
