import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const rule = z.object({
  alert: z.string().regex(/^[A-Z][A-Za-z]+$/),
  expr: z.string().min(1),
  for: z.string().regex(/^\d+[smh]$/),
  labels: z.object({ severity: z.enum(['warning', 'critical']) }).strict(),
  annotations: z.object({ summary: z.string(), description: z.string(), runbook: z.string().regex(/^docs\/operations\.md#[a-z-]+$/) }).strict(),
}).strict();
const rulesFile = z.object({ groups: z.array(z.object({ name: z.string(), rules: z.array(rule).min(1) }).strict()).min(1) }).strict();

const parsed = rulesFile.parse(parse(readFileSync('ops/alerts/lendcore.rules.yml', 'utf8')));
const rules = parsed.groups.flatMap((group) => group.rules);
const operations = readFileSync('docs/operations.md', 'utf8');

describe('ops/alerts/lendcore.rules.yml', () => {
  it('is Prometheus rule YAML: every rule has alert, expr, for, labels and annotations', () => {
    expect(rules.map((r) => r.alert)).toEqual([
      'LendcoreProjectionLagging', 'LendcoreProjectionFailed', 'LendcoreCloseOfBusinessNotRun', 'LendcoreCloseOfBusinessFailing',
      'LendcoreHighErrorRate', 'LendcoreVerifyFailed', 'LendcoreVerifyNotRun', 'LendcorePaymentSuspenseGrowing', 'LendcoreAppendConflictsHigh',
    ]);
  });

  it('only uses metrics lendcore exports, with balanced brackets', () => {
    const exported = new Set([
      'lendcore_projection_lag_seconds', 'lendcore_projection_failed', 'lendcore_close_of_business_last_business_date_seconds',
      'lendcore_close_of_business_failures_total', 'http_request_duration_seconds_count', 'lendcore_verify_findings',
      'lendcore_verify_last_run_timestamp_seconds', 'lendcore_payment_suspense_items', 'lendcore_append_conflicts_total',
    ]);
    for (const { alert, expr } of rules) {
      for (const name of expr.match(/\b(lendcore|http)_[a-z_]+/g) ?? []) expect(exported.has(name), `${alert}: ${name}`).toBe(true);
      for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']] as const) {
        expect(expr.split(open).length, `${alert} ${open}${close}`).toBe(expr.split(close).length);
      }
    }
  });

  it('links every alert to a section of docs/operations.md that exists', () => {
    for (const { alert, annotations } of rules) {
      const anchor = annotations.runbook.split('#')[1]!;
      const heading = new RegExp(`^#+ ${anchor.replace(/-/g, '[ -]')}$`, 'im');
      expect(heading.test(operations), `${alert} → ${anchor}`).toBe(true);
    }
  });
});
