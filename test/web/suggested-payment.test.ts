import { describe, expect, it } from 'vitest';
import { suggestedPayment } from '../../web/src/portal/suggested-payment.js';

// QA 11 S2: the portal prefilled the oldest row only; paying it left an overdue loan overdue.
describe('the amount the portal pay form starts with', () => {
  it('is the amount due now when anything is due, else the next installment', () => {
    expect(suggestedPayment({ amountDue: '3298.57', nextDue: { amount: '1116.19' } })).toBe('3298.57');
    expect(suggestedPayment({ amountDue: '0.00', nextDue: { amount: '1066.19' } })).toBe('1066.19');
    expect(suggestedPayment({ nextDue: { amount: '1066.19' } })).toBe('1066.19');
    expect(suggestedPayment({ amountDue: '0', nextDue: null })).toBeUndefined();
  });
});
