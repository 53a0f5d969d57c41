import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receiveRepayment } from '../../../src/app/loans/collect-payment.js';
import { reverseRepayment } from '../../../src/app/loans/service-loan.js';
import { STAFF } from '../../support/test-app.js';
import { accepted, activeLoan, verifiedCustomer } from '../commands/journey-steps.js';
import { beforeNextAppend, OTHER_PROCESS_OFFICER as officer } from './other-process.js';
import { raceAppsForSuite, refundsOf, startApprovedPayout } from './payout-fixtures.js';

const OWN = 'cust-payout-moves';
let loans = 0;

const race = raceAppsForSuite(OWN);


/** What another process does to the loan while the confirmation is under way. */
type Move = 'reverse-extra' | 'reverse-over' | 'later-payment';
/** Where: before the confirmation starts, between its pre-check and the payout's append, or between that and the loan's. */
type When = 'before' | 'payout' | 'loan';

/** A loan paid EXTRA-… 300.00, then overpaid by OVER-… 8 000.00, with a pending bank-transfer payout of all its credit. */
async function pendingPayoutOfAllCredit(): Promise<{ loanId: string; payoutId: string; amount: string }> {
  loans += 1;
  const id = `loan-payout-moves-${loans}`;
  await verifiedCustomer(race.t, `${OWN}-${loans}`);
  const loanId = await activeLoan(race.t, `${OWN}-${loans}`, race.productId, '2026-01-15', '5000.00', id);
  accepted(await race.t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '300.00', channel: 'online', reference: `EXTRA-${id}`, effectiveDate: '2026-01-18' }));
  accepted(await race.t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '8000.00', channel: 'online', reference: `OVER-${id}`, effectiveDate: '2026-01-20', overpayment: true }));
  const res = await startApprovedPayout(race.t, loanId, { channel: 'bank-transfer' });
  expect(res.statusCode, res.body).toBe(201);
  const started = JSON.parse(res.body) as { id: string; amount: string };
  return { loanId, payoutId: started.id, amount: started.amount };
}

function move(loanId: string, what: Move): Promise<unknown> {
  if (what === 'later-payment') return receiveRepayment(race.other.services, officer, loanId, { amount: '50.00', channel: 'online', reference: `LATER-${loanId}`, effectiveDate: '2026-01-23' });
  return reverseRepayment(race.other.services, officer, loanId, what === 'reverse-extra' ? `EXTRA-${loanId}` : `OVER-${loanId}`, { reason: 'bounced', effectiveDate: '2026-01-23' });
}

const confirm = (payoutId: string) => race.t.call(STAFF.officer, 'POST', `/v1/payouts/${payoutId}/confirmation`, { bankReference: `BR-${payoutId}`, executedAt: '2026-01-22T04:00:00.000Z' });

describe('the loan moves while a payout is confirmed: confirmed and refunded, or neither (never a paid payout missing from the loan)', () => {
  it('a bounce taking the credit below the payout between the pre-check and the payout\'s write: the refund is recorded, the excess owed back', async () => {
    const { loanId, payoutId, amount } = await pendingPayoutOfAllCredit();
    beforeNextAppend(race.t.runtime.eventStore, (stream) => stream.startsWith('payout-'), () => move(loanId, 'reverse-extra'));
    const confirmed = await confirm(payoutId);
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    await race.t.caughtUp((JSON.parse(confirmed.body) as { position: string }).position);
    expect((await refundsOf(race.t, loanId)).map((e) => e.data)).toEqual([expect.objectContaining({ amount, reference: `BR-${payoutId}` })]);
    const loan = JSON.parse((await race.t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}`)).body) as { status: string };
    expect(loan.status).toBe('active');
    const payoff = JSON.parse((await race.t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=2026-01-23`)).body) as { refundDue: string; total: string };
    // The bounced 300.00 (a few cents more: the loan's interest without it) is owed back.
    expect(payoff.refundDue).toMatch(/^300\.\d\d$/);
    // Paying back what is owed closes it; a redelivery of the confirmation records nothing twice.
    expect((await confirm(payoutId)).statusCode).toBe(200);
    const back = accepted(await race.t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: payoff.total, channel: 'online', reference: `BACK-${loanId}`, effectiveDate: '2026-01-23' }));
    await race.t.caughtUp(back.position);
    expect(JSON.parse((await race.t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}`)).body)).toMatchObject({ status: 'closed' });
    expect(await refundsOf(race.t, loanId)).toHaveLength(1);
  });

  it('any bounce or later payment, before, between the pre-check and the payout\'s write, or between that and the loan\'s: one refund of the payout\'s amount, under its reference', async () => {
    const moves = fc.constantFrom<Move>('reverse-extra', 'reverse-over', 'later-payment');
    const whens = fc.constantFrom<When>('before', 'payout', 'loan');
    await fc.assert(fc.asyncProperty(moves, whens, async (what, when) => {
      const { loanId, payoutId, amount } = await pendingPayoutOfAllCredit();
      if (when === 'before') await move(loanId, what);
      else beforeNextAppend(race.t.runtime.eventStore, (stream) => stream.startsWith(when === 'payout' ? 'payout-' : 'loan-'), () => move(loanId, what));
      const first = await confirm(payoutId);
      expect(first.statusCode, first.body).toBe(201);
      expect((await confirm(payoutId)).statusCode).toBe(200);
      const payout = JSON.parse((await race.t.call(STAFF.officer, 'GET', `/v1/payouts/${payoutId}`)).body) as { status: string };
      expect(payout.status).toBe('confirmed');
      expect((await refundsOf(race.t, loanId)).map((e) => e.data)).toEqual([expect.objectContaining({ amount, reference: `BR-${payoutId}` })]);
      expect((await race.t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/refunds`)).body).toContain('"reserved":"0.00"');
    }), { numRuns: 9 });
  });
});
