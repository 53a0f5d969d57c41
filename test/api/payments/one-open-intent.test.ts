import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { borrower, STAFF } from '../../support/test-app.js';
import { refused } from '../commands/journey-steps.js';
import { idOf, intentDesk } from './intent-fixtures.js';

// QA 10 R4: three taps on "pay off" opened three payoff-sized intents and each was paid.
const desk = intentDesk('cust-intent');
const { open, gateway, freshLoan } = desk;
const payoffOf = async (customerId: string, loanId: string) =>
  (JSON.parse((await desk.app.call(borrower(customerId), 'GET', `/v1/loans/${loanId}/payoff`)).body) as { total: string }).total;

describe('one open payment intent per loan', () => {
  it('three payoff taps at once open one intent; paying it closes the loan with no credit to refund', async () => {
    const { customerId, loanId } = await freshLoan();
    const payoff = await payoffOf(customerId, loanId);
    const taps = await Promise.all([1, 2, 3].map(() => open(customerId, loanId, payoff)));
    const answered = taps.filter((r) => r.statusCode === 201 || r.statusCode === 200);
    expect(taps.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(answered.map(idOf)).size).toBe(1);
    for (const r of taps.filter((x) => x.statusCode === 409)) expect(JSON.parse(r.body)).toMatchObject({ code: expect.stringMatching(/^PAYMENT_INTENT_(CONCURRENT|OPEN)$/) });
    expect((await desk.app.runtime.eventStore.readStream(`intentdesk-${loanId}`)).map((e) => e.type)).toEqual(['PaymentIntentOpened']);

    const only = idOf(answered[0]!);
    expect((await gateway(only, 'confirm')).statusCode).toBe(200);
    const events = await desk.app.runtime.eventStore.readStream(`loan-${loanId}`);
    expect(events.filter((e) => e.type === 'RepaymentReceived')).toHaveLength(1);
    expect(events.some((e) => e.type === 'LoanClosed')).toBe(true);
    expect(events.some((e) => e.type === 'LoanOverpaid')).toBe(false);
  });

  it('answers the same amount again with the open intent (200), refuses another amount 409 naming it, and frees the loan once it fails or expires', async () => {
    const { customerId, loanId } = await freshLoan();
    const first = await open(customerId, loanId, '300.00');
    expect(first.statusCode, first.body).toBe(201);
    const again = await open(customerId, loanId, '300.00');
    expect(again.statusCode, again.body).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({ id: idOf(first), status: 'pending', amount: '300.00', action: { type: 'redirect' } });

    const other = await open(customerId, loanId, '0.01');
    refused(other, 409, 'PAYMENT_INTENT_OPEN');
    expect((JSON.parse(other.body) as { detail: string }).detail).toContain(idOf(first));

    expect((await gateway(idOf(first), 'fail')).statusCode).toBe(200);
    const second = await open(customerId, loanId, '0.01');
    expect(second.statusCode, second.body).toBe(201);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 60_000);
    try {
      const third = await open(customerId, loanId, '200.00');
      expect(third.statusCode, third.body).toBe(201);
      expect(idOf(third)).not.toBe(idOf(second));
    } finally {
      vi.useRealTimers();
    }
  });

  it('property: whatever a borrower taps, confirming every intent it was given never pays more than the loan owed (no LoanOverpaid)', async () => {
    const tap = fc.oneof(
      fc.record({ kind: fc.constant('open' as const), share: fc.integer({ min: 1, max: 100 }), together: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('pay' as const) }),
      fc.record({ kind: fc.constant('abandon' as const) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(tap, { minLength: 1, maxLength: 6 }), async (taps) => {
      const { customerId, loanId } = await freshLoan();
      const given: string[] = [];
      for (const s of taps) {
        if (s.kind === 'open') {
          const payoff = await desk.app.call(borrower(customerId), 'GET', `/v1/loans/${loanId}/payoff`);
          if (payoff.statusCode !== 200) continue;
          // A share (1 to 100 %) of what pays the loan off now, sent `together` times at once.
          const amount = new Dec((JSON.parse(payoff.body) as { total: string }).total).times(s.share).div(100).toDecimalPlaces(2, Dec.ROUND_UP).toFixed(2);
          const answers = await Promise.all(Array.from({ length: s.together }, () => open(customerId, loanId, amount)));
          for (const r of answers) {
            expect(r.statusCode < 500, r.body).toBe(true);
            if (r.statusCode === 201 || r.statusCode === 200) given.push(idOf(r));
          }
        } else if (given.length > 0) {
          // The borrower pays (or abandons) every intent it holds, the old ones too.
          for (const id of given.splice(0)) await gateway(id, s.kind === 'pay' ? 'confirm' : 'fail');
        }
      }
      for (const id of given) await gateway(id, 'confirm');
      const events = await desk.app.runtime.eventStore.readStream(`loan-${loanId}`);
      expect(events.some((e) => e.type === 'LoanOverpaid'), `loan ${loanId}`).toBe(false);
    }), { numRuns: 10 });
  });

  it('refuses an officer too while the borrower\'s intent is open', async () => {
    const { customerId, loanId } = await freshLoan();
    expect((await open(customerId, loanId, '100.00')).statusCode).toBe(201);
    refused(await desk.app.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '50.00', channel: 'sandbox' }), 409, 'PAYMENT_INTENT_OPEN');
  });
});
