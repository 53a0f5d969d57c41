import type { Projection } from '../../projection.js';
import { LOAN_EVENT_TYPES } from '../event-types.js';
import { customerEventHandlers } from './customer-events.js';
import { CUSTOMER_ACCOUNT, CUSTOMER_ACCOUNT_LOANS } from './documents.js';
import { foldLoanIntoAccount } from './loan-lines.js';

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
};
