import { describe, expect, it } from 'vitest';
import { borrower, STAFF, type TestApp } from '../../support/test-app.js';
import { refused } from '../commands/journey-steps.js';
import { idOf, intentDesk } from './intent-fixtures.js';

// QA 11 S10: an open intent could not be cancelled; a borrower who started the wrong amount waited 30 minutes.
const desk = intentDesk('cust-cancel');
const { open, freshLoan } = desk;
const cancel = (caller: Parameters<TestApp['call']>[0], intentId: string) => desk.app.call(caller, 'POST', `/v1/payment-intents/${intentId}/cancellation`, {});
const confirm = (intentId: string) => desk.gateway(intentId, 'confirm');

describe('cancelling a payment intent (QA 11 S10)', () => {
  it('the borrower cancels its open intent and may start another amount at once; cancelling again answers the same', async () => {
    const { customerId, loanId } = await freshLoan();
    const wrong = await open(customerId, loanId, '0.01');
    expect(wrong.statusCode, wrong.body).toBe(201);
    const blocked = await open(customerId, loanId, '300.00');
    refused(blocked, 409, 'PAYMENT_INTENT_OPEN');
    // The expiry is told on the lender's clock, not as a UTC instant.
    expect(JSON.parse(blocked.body).detail).toMatch(/until \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} Asia\/Shanghai/);
    expect(JSON.parse(blocked.body).detail).toContain('/cancellation');

    const cancelled = await cancel(borrower(customerId), idOf(wrong));
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(JSON.parse(cancelled.body)).toMatchObject({ id: idOf(wrong), status: 'failed', failure: { providerTxnId: null, reason: expect.stringMatching(/^cancelled by /) } });
    const again = await cancel(borrower(customerId), idOf(wrong));
    expect(again.statusCode, again.body).toBe(200);
    expect((await desk.app.runtime.eventStore.readStream(`payment-${idOf(wrong)}`)).filter((e) => e.type === 'PaymentFailed')).toHaveLength(1);

    const right = await open(customerId, loanId, '300.00');
    expect(right.statusCode, right.body).toBe(201);
  });

  it('an officer may cancel it; another borrower is answered 404; a paid intent is 409 PAYMENT_ALREADY_CONFIRMED', async () => {
    const { customerId, loanId } = await freshLoan();
    const first = await open(customerId, loanId, '10.00');
    refused(await cancel(borrower('cust-someone-else'), idOf(first)), 404, 'NOT_FOUND');
    expect((await cancel(STAFF.officer, idOf(first))).statusCode).toBe(200);
    refused(await cancel(STAFF.underwriter, idOf(first)), 403, 'FORBIDDEN');

    const paid = await open(customerId, loanId, '20.00');
    expect(paid.statusCode, paid.body).toBe(201);
    expect((await confirm(idOf(paid))).statusCode).toBe(200);
    refused(await cancel(borrower(customerId), idOf(paid)), 409, 'PAYMENT_ALREADY_CONFIRMED');
    refused(await cancel(STAFF.officer, 'no-such-intent'), 404, 'NOT_FOUND');
  });
});
