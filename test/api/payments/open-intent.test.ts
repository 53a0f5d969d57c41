import { describe, expect, it } from 'vitest';
import { borrower, STAFF } from '../../support/test-app.js';
import { refused } from '../commands/journey-steps.js';
import { idOf, intentDesk } from './intent-fixtures.js';

// A borrower who started an Alipay/WeChat payment and reloaded the page saw no payment pending:
// the console only knew it from its memory. The server answers the loan's open intent.
const desk = intentDesk('cust-open');
const { open, freshLoan } = desk;
const openIntent = (caller: Parameters<typeof desk.app.call>[0], loanId: string) => desk.app.call(caller, 'GET', `/v1/loans/${loanId}/payment-intents/open`);

describe('GET /v1/loans/:id/payment-intents/open', () => {
  it('answers the pending intent the borrower started, then null once it is cancelled or paid', async () => {
    const { customerId, loanId } = await freshLoan();
    const none = await openIntent(borrower(customerId), loanId);
    expect(none.statusCode, none.body).toBe(200);
    expect(JSON.parse(none.body)).toEqual({ intent: null });

    const started = await open(customerId, loanId, '25.00');
    expect(started.statusCode, started.body).toBe(201);
    const pending = await openIntent(borrower(customerId), loanId);
    expect(pending.statusCode, pending.body).toBe(200);
    expect(JSON.parse(pending.body).intent).toMatchObject({ id: idOf(started), loanId, customerId, status: 'pending', amount: '25.00' });
    expect(JSON.parse((await openIntent(STAFF.officer, loanId)).body).intent).toMatchObject({ id: idOf(started) });

    expect((await desk.app.call(borrower(customerId), 'POST', `/v1/payment-intents/${idOf(started)}/cancellation`, {})).statusCode).toBe(200);
    expect(JSON.parse((await openIntent(borrower(customerId), loanId)).body)).toEqual({ intent: null });

    const paid = await open(customerId, loanId, '30.00');
    expect((await desk.gateway(idOf(paid), 'confirm')).statusCode).toBe(200);
    expect(JSON.parse((await openIntent(borrower(customerId), loanId)).body)).toEqual({ intent: null });
  });

  it('answers 404 for another borrower\'s loan and an unknown loan, 400 for an unknown query field', async () => {
    const { customerId, loanId } = await freshLoan();
    await open(customerId, loanId, '5.00');
    refused(await openIntent(borrower('cust-someone-else'), loanId), 404, 'NOT_FOUND');
    refused(await openIntent(STAFF.officer, 'no-such-loan'), 404, 'NOT_FOUND');
    refused(await desk.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payment-intents/open?status=x`), 400, 'VALIDATION_FAILED');
  });
});
