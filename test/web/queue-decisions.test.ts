import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY } from '../../src/api/auth/policy.js';
import { decisionsFor, DECISION_QUEUES } from '../../web/src/queues/decisions.js';

/** The policy route a path answers to (its `:params` matching one segment each), or undefined. */
function routeOf(path: string): string | undefined {
  return Object.entries(POLICY).find(([, p]) => p.method === 'POST' && new RegExp(`^${p.url.replace(/:[a-zA-Z]+/g, '[^/]+')}$`).test(path))?.[0];
}

describe('a checker decides four-eyes items from the queue (QA Q14)', () => {
  it('approves a pending waiver, or rejects it, through its loan and reference', () => {
    expect(decisionsFor('waiver-approvals', { loanId: 'L 1', reference: 'GW-1' })).toEqual({
      approve: '/v1/loans/L%201/waivers/GW-1/approve', reject: '/v1/loans/L%201/waivers/GW-1/reject',
    });
  });

  it('approves or rejects a refund payout by its id, and a large reversal through its loan and repayment reference', () => {
    expect(decisionsFor('payout-approvals', { loanId: 'L1', reference: 'po-9' })).toEqual({ approve: '/v1/payouts/po-9/approval', reject: '/v1/payouts/po-9/rejection' });
    expect(decisionsFor('reversal-approvals', { loanId: 'L1', reference: 'BANK-1' })).toEqual({
      approve: '/v1/loans/L1/repayments/BANK-1/reversal/approve', reject: '/v1/loans/L1/repayments/BANK-1/reversal/reject',
    });
  });

  it('offers nothing on other queues or on an item that does not name what waits', () => {
    expect(decisionsFor('approvals', { loanId: 'L1', reference: null })).toBeNull();
    expect(decisionsFor('write-off-approvals', { loanId: 'L1', reference: 'x' })).toBeNull();
    expect(decisionsFor('waiver-approvals', { loanId: 'L1', reference: null })).toBeNull();
  });

  it('sends every decision to a route of the policy, and lists every decision queue among the console\'s queues and the API\'s', () => {
    for (const queue of DECISION_QUEUES) {
      expect(readFileSync(new URL('../../web/src/queues/queues.ts', import.meta.url), 'utf8')).toContain(`name: '${queue}'`);
      expect(Object.values(POLICY).map((p) => p.url)).toContain(`/v1/queues/${queue}`);
      const decision = decisionsFor(queue, { loanId: 'L1', reference: 'R1' });
      for (const path of [decision?.approve, decision?.reject].filter((p): p is string => typeof p === 'string')) expect(routeOf(path), path).toBeDefined();
    }
  });
});
