import type { RecordedEvent } from '../../../eventstore/port.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { LOAN_EVENT_TYPES } from '../event-types.js';
import { entityIdsOf } from '../stream-id.js';
import { customerEventHandlers } from './customer-events.js';
import { CUSTOMER_ACCOUNT, CUSTOMER_ACCOUNT_LOANS, type CustomerLoanDoc } from './documents.js';
import { foldLoanIntoAccount } from './loan-lines.js';

const CUSTOMER_EVENTS: ReadonlySet<string> = new Set(Object.keys(customerEventHandlers));

/** The batch's loans, then the accounts of their customers and of the customer events. */
async function prefetch(events: readonly RecordedEvent[], ctx: ProjectionContext): Promise<void> {
  const loanIds = entityIdsOf(events, 'loan');
  await ctx.prefetch(CUSTOMER_ACCOUNT_LOANS, loanIds);
  const customerIds = entityIdsOf(events, 'customer', CUSTOMER_EVENTS);
  for (const loanId of loanIds) {
    const loan = await ctx.get<CustomerLoanDoc>(CUSTOMER_ACCOUNT_LOANS, loanId);
    if (loan) customerIds.push(loan.customerId);
  }
  await ctx.prefetch(CUSTOMER_ACCOUNT, customerIds);
}

/**
 * The customer account centre: sealed profile, KYC, flags, erasure, and a line per loan with
 * per-currency totals. It folds each loan's state itself (a projection never reads another's
 * collections, which may be at another position), so loan events cost one `evolveLoan` here too.
 */
export const customerAccountProjection: Projection = {
  name: 'customer-account',
  version: 5, // 3: loan lines from the domain's loan figures; no loan state stored. 4: KYC income and employer sealed, dropped at erasure. 5: a loan line's status is overdue when a close marks any open row past due, not only the oldest
  collections: [
    { name: CUSTOMER_ACCOUNT, indexes: ['kycStatus'] },
    { name: CUSTOMER_ACCOUNT_LOANS, indexes: ['customerId'] },
  ],
  handlers: {
    ...customerEventHandlers,
    ...Object.fromEntries(LOAN_EVENT_TYPES.map((type) => [type, foldLoanIntoAccount])),
  },
  prefetch,
};
