import { describe, expect, it } from 'vitest';
import { awaitsApproval } from '../../web/src/loans/command-outcome.js';

/**
 * A reversal or waiver above the product's four-eyes threshold is only requested: the loan page said
 * "冲正还款已完成" (reversal done) while nothing was reversed and the request waited for a second person.
 */
describe('whether a servicing command only left a request waiting for approval', () => {
  const events = [
    { revision: '4', type: 'RepaymentReceived' },
    { revision: '5', type: 'RepaymentReversalRequested' },
    { revision: '6', type: 'ChargeWaiverRequested' },
    { revision: '7', type: 'ChargeWaived' },
    { revision: '8', type: 'LoanWriteOffRequested' },
    { revision: '9', type: 'RepaymentReversed' },
  ];

  it('is so when the event the command answered with is a request', () => {
    for (const revision of ['5', '6', '8']) expect(awaitsApproval(events, revision)).toBe(true);
  });

  it('is not when the command did what it names, or its event is not in the history read', () => {
    for (const revision of ['4', '7', '9', '10']) expect(awaitsApproval(events, revision)).toBe(false);
  });
});
