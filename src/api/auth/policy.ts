import type { TokenRole } from './token.js';

/**
 * Who may call which route, as data, so the whole matrix can be read and tested as one table.
 * `borrowerOwns` marks routes where a borrower may act only on its own customer (or that
 * customer's loan); anything else answers 404, never 403, so ids cannot be probed.
 */
export interface RoutePolicy {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  roles: readonly TokenRole[];
  borrowerOwns?: 'customer' | 'loan';
}

const STAFF = ['officer', 'underwriter', 'compliance', 'admin'] as const;
const EVERYONE = ['borrower', ...STAFF] as const;

export const POLICY = {
  'customers.register': { method: 'POST', url: '/v1/customers', roles: ['borrower', 'officer'], borrowerOwns: 'customer' },
  'customers.submitKyc': { method: 'POST', url: '/v1/customers/:id/kyc', roles: ['borrower', 'officer'], borrowerOwns: 'customer' },
  'customers.decideKyc': { method: 'POST', url: '/v1/customers/:id/kyc/decision', roles: ['officer', 'compliance'] },
  'customers.search': { method: 'GET', url: '/v1/customers', roles: STAFF },
  'customers.get': { method: 'GET', url: '/v1/customers/:id', roles: EVERYONE, borrowerOwns: 'customer' },
  'customers.erasePii': { method: 'DELETE', url: '/v1/customers/:id/pii', roles: ['compliance'] },

  'products.list': { method: 'GET', url: '/v1/products', roles: EVERYONE },
  'products.define': { method: 'POST', url: '/v1/products', roles: ['admin'] },
  'products.get': { method: 'GET', url: '/v1/products/:id', roles: EVERYONE },
  'products.amend': { method: 'POST', url: '/v1/products/:id/amend', roles: ['admin'] },
  'products.retire': { method: 'POST', url: '/v1/products/:id/retire', roles: ['admin'] },
  'products.recommended': { method: 'GET', url: '/v1/products/recommended', roles: ['borrower', 'officer', 'underwriter', 'admin'], borrowerOwns: 'customer' },

  'loans.apply': { method: 'POST', url: '/v1/loans', roles: ['borrower', 'officer'], borrowerOwns: 'customer' },
  'loans.assess': { method: 'POST', url: '/v1/loans/:id/assess', roles: ['officer', 'underwriter'] },
  // Four eyes: the decider also checks approver ≠ submitter.
  'loans.approve': { method: 'POST', url: '/v1/loans/:id/approve', roles: ['underwriter'] },
  'loans.reject': { method: 'POST', url: '/v1/loans/:id/reject', roles: ['underwriter'] },
  'loans.withdraw': { method: 'POST', url: '/v1/loans/:id/withdraw', roles: ['borrower', 'officer'], borrowerOwns: 'loan' },
  'loans.disburse': { method: 'POST', url: '/v1/loans/:id/disburse', roles: ['officer'] },
  'loans.repay': { method: 'POST', url: '/v1/loans/:id/repayments', roles: ['borrower', 'officer'], borrowerOwns: 'loan' },
  'loans.waive': { method: 'POST', url: '/v1/loans/:id/waivers', roles: ['officer'] },
  // Four eyes: request and approval by two different people (the decider checks).
  'loans.writeOff': { method: 'POST', url: '/v1/loans/:id/write-off', roles: ['officer', 'underwriter'] },
  'loans.reschedule': { method: 'POST', url: '/v1/loans/:id/reschedule', roles: ['underwriter'] },
  'loans.recover': { method: 'POST', url: '/v1/loans/:id/recoveries', roles: ['officer'] },
  'loans.refund': { method: 'POST', url: '/v1/loans/:id/refund', roles: ['officer'] },
  'loans.list': { method: 'GET', url: '/v1/loans', roles: EVERYONE },
  'loans.get': { method: 'GET', url: '/v1/loans/:id', roles: EVERYONE, borrowerOwns: 'loan' },
  'loans.schedule': { method: 'GET', url: '/v1/loans/:id/schedule', roles: EVERYONE, borrowerOwns: 'loan' },
  'loans.history': { method: 'GET', url: '/v1/loans/:id/history', roles: EVERYONE, borrowerOwns: 'loan' },
  'loans.transactions': { method: 'GET', url: '/v1/loans/:id/transactions', roles: EVERYONE, borrowerOwns: 'loan' },
  'loans.state': { method: 'GET', url: '/v1/loans/:id/state', roles: STAFF },
  'loans.payoff': { method: 'GET', url: '/v1/loans/:id/payoff', roles: EVERYONE, borrowerOwns: 'loan' },

  // Work queues: who decides what waits there, and admin, who reads everything.
  'queues.kycReview': { method: 'GET', url: '/v1/queues/kyc-review', roles: ['officer', 'compliance', 'admin'] },
  'queues.applications': { method: 'GET', url: '/v1/queues/applications', roles: ['officer', 'underwriter', 'admin'] },
  'queues.approvals': { method: 'GET', url: '/v1/queues/approvals', roles: ['underwriter', 'admin'] },
  'queues.disbursements': { method: 'GET', url: '/v1/queues/disbursements', roles: ['officer', 'admin'] },
  'queues.writeOffApprovals': { method: 'GET', url: '/v1/queues/write-off-approvals', roles: ['officer', 'underwriter', 'admin'] },

  'operations.closeOfBusiness': { method: 'POST', url: '/v1/operations/close-of-business', roles: ['officer', 'admin'] },
  'reports.portfolio': { method: 'GET', url: '/v1/reports/portfolio', roles: STAFF },
  'reports.classification': { method: 'GET', url: '/v1/reports/classification', roles: ['underwriter', 'compliance', 'admin'] },
  'reports.par': { method: 'GET', url: '/v1/reports/par', roles: ['underwriter', 'compliance', 'admin'] },
  'reports.amlLargeTransactions': { method: 'GET', url: '/v1/reports/aml/large-transactions', roles: ['compliance', 'admin'] },
  'reports.amlSuspicious': { method: 'GET', url: '/v1/reports/aml/suspicious', roles: ['compliance', 'admin'] },
  'reports.trialBalance': { method: 'GET', url: '/v1/reports/ledger/trial-balance', roles: ['compliance', 'admin'] },
  'reports.disbursements': { method: 'GET', url: '/v1/reports/disbursements', roles: STAFF },
  'audit.list': { method: 'GET', url: '/v1/audit', roles: ['compliance', 'admin'] },
  'admin.projections': { method: 'GET', url: '/v1/admin/projections', roles: ['admin'] },
  'admin.rebuildProjection': { method: 'POST', url: '/v1/admin/projections/:name/rebuild', roles: ['admin'] },
} as const satisfies Record<string, RoutePolicy>;

export type RouteId = keyof typeof POLICY;
