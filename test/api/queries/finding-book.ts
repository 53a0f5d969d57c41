import { borrower, STAFF, type TestApp } from '../../support/test-app.js';
import { businessDay, command, defineProduct, disbursedLoan, PERSONAL, repay, verifiedCustomer } from './journey.js';

/**
 * A small book for the list, transaction and queue tests: c1's l1 disbursed and repaid twice,
 * c2's l2 disbursed and left unpaid until close of business makes it 5 days past due, c3's l3
 * only submitted (by the borrower), l4 assessed (submitted by the officer), l5 approved, and c4's
 * KYC submitted but not decided. Returns the head position.
 */
export async function findingBook(t: TestApp): Promise<string> {
  await defineProduct(t);
  for (const id of ['c1', 'c2', 'c3']) await verifiedCustomer(t, id);
  await disbursedLoan(t, 'l1', 'c1');
  await disbursedLoan(t, 'l2', 'c2');
  businessDay('2026-01-20');
  await command(t, borrower('c3'), 'POST', '/v1/loans', { loanId: 'l3', customerId: 'c3', productId: PERSONAL.productId, principal: '2000.00', term: 6, purpose: 'laptop' });
  await command(t, STAFF.officer, 'POST', '/v1/loans', { loanId: 'l4', customerId: 'c3', productId: PERSONAL.productId, principal: '4000.00', term: 6, purpose: 'rent' });
  await command(t, STAFF.officer, 'POST', '/v1/loans/l4/assess', {});
  await command(t, STAFF.officer, 'POST', '/v1/loans', { loanId: 'l5', customerId: 'c1', productId: PERSONAL.productId, principal: '1500.00', term: 3, purpose: 'phone' });
  await command(t, STAFF.officer, 'POST', '/v1/loans/l5/assess', {});
  await command(t, STAFF.underwriter, 'POST', '/v1/loans/l5/approve', {});
  businessDay('2026-01-21');
  await command(t, STAFF.officer, 'POST', '/v1/customers', { customerId: 'c4', name: 'Li Si', nationalId: '110105198502023456', phone: '13900001111', email: 'li.si@example.com' });
  await command(t, STAFF.officer, 'POST', '/v1/customers/c4/kyc', { monthlyIncome: '9000.00', employer: 'Beta Co', employmentMonths: 12, bankAccount: '6222020200119999999' });
  await repay(t, 'l1', 'c1', '1020.07', '2026-02-15', 'feb');
  businessDay('2026-02-20');
  await command(t, STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-02-20' });
  return (await t.runtime.eventStore.headPosition()).toString();
}
