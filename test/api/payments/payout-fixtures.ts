import type { RecordedEvent } from '../../../src/eventstore/port.js';
import { STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan } from '../commands/journey-steps.js';

/** A disbursed loan an officer's oversized repayment left overpaid; returns its id and credit balance. */
export async function overpaidLoan(t: TestApp, customerId: string, productId: string, id: string): Promise<{ loanId: string; credit: string }> {
  const loanId = await activeLoan(t, customerId, productId, '2026-01-15', '5000.00', id);
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '8000.00', channel: 'bank_transfer', reference: `OVER-${id}`, effectiveDate: '2026-01-20', overpayment: true }));
  return { loanId, credit: (await refundDesk(t, loanId)).creditBalance };
}

/** The loan's RefundIssued events, straight from the log. */
export async function refundsOf(t: TestApp, loanId: string): Promise<RecordedEvent[]> {
  return (await t.runtime.eventStore.readStream(`loan-${loanId}`)).filter((e) => e.type === 'RefundIssued');
}

export interface RefundDesk { creditBalance: string; reserved: string; refundable: string; items: { id: string; status: string }[] }

/** GET /v1/loans/:id/refunds as an officer. */
export async function refundDesk(t: TestApp, loanId: string): Promise<RefundDesk> {
  return JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/refunds`)).body) as RefundDesk;
}
