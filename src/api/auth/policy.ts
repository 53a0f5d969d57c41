import type { TokenRole } from './token.js';

/**
 * Who may call which route, as data, so the whole matrix can be read and tested as one table.
 * `borrowerOwns` marks routes where a borrower may act only on its own customer (or that
 * customer's loan); anything else answers 404, never 403, so ids cannot be probed.
 */
export interface RoutePolicy {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  roles: readonly TokenRole[];
  borrowerOwns?: 'customer' | 'loan';
  /** Callable without a token (logging in, registering); `roles` then lists who may also call it with one. */
  anonymous?: true;
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

  // Reads only; not owned: anyone signed in may price any product on sale.
  'loans.quote': { method: 'POST', url: '/v1/loans/quote', roles: EVERYONE },
  'loans.agreement': { method: 'POST', url: '/v1/loans/agreement', roles: ['borrower', 'officer'], borrowerOwns: 'customer' },
  'loans.apply': { method: 'POST', url: '/v1/loans', roles: ['borrower', 'officer'], borrowerOwns: 'customer' },
  'loans.assess': { method: 'POST', url: '/v1/loans/:id/assess', roles: ['officer', 'underwriter'] },
  // Four eyes: the decider also checks approver ≠ submitter.
  'loans.approve': { method: 'POST', url: '/v1/loans/:id/approve', roles: ['underwriter'] },
  'loans.reject': { method: 'POST', url: '/v1/loans/:id/reject', roles: ['underwriter'] },
  'loans.withdraw': { method: 'POST', url: '/v1/loans/:id/withdraw', roles: ['borrower', 'officer'], borrowerOwns: 'loan' },
  'loans.disburse': { method: 'POST', url: '/v1/loans/:id/disburse', roles: ['officer'] },
  // Cash and manually confirmed transfers only; borrowers pay through a channel (payments.createIntent).
  'loans.repay': { method: 'POST', url: '/v1/loans/:id/repayments', roles: ['officer'] },
  'loans.reverseRepayment': { method: 'POST', url: '/v1/loans/:id/repayments/:reference/reversal', roles: ['officer'] },
  // Four eyes: a reversal above the product's reversalApprovalAbove is approved by someone other than its requester (the decider checks).
  'loans.approveReversal': { method: 'POST', url: '/v1/loans/:id/repayments/:reference/reversal/approve', roles: ['officer', 'underwriter'] },
  // …or rejected by someone other than its requester (the decider checks).
  'loans.rejectReversal': { method: 'POST', url: '/v1/loans/:id/repayments/:reference/reversal/reject', roles: ['officer', 'underwriter'] },
  'loans.waive': { method: 'POST', url: '/v1/loans/:id/waivers', roles: ['officer'] },
  // Four eyes: a waiver above the product's waiverApprovalAbove is approved by someone other than its maker (the decider checks).
  'loans.approveWaiver': { method: 'POST', url: '/v1/loans/:id/waivers/:reference/approve', roles: ['officer', 'underwriter'] },
  'loans.rejectWaiver': { method: 'POST', url: '/v1/loans/:id/waivers/:reference/reject', roles: ['officer', 'underwriter'] },
  'loans.applyCharge': { method: 'POST', url: '/v1/loans/:id/charges', roles: ['officer'] },
  // Four eyes: request and approval by two different people (the decider checks).
  'loans.writeOff': { method: 'POST', url: '/v1/loans/:id/write-off', roles: ['officer', 'underwriter'] },
  'loans.reschedule': { method: 'POST', url: '/v1/loans/:id/reschedule', roles: ['underwriter'] },
  'loans.recover': { method: 'POST', url: '/v1/loans/:id/recoveries', roles: ['officer'] },
  // Money out goes through a channel (payments.startRefundPayout); this decree stays for refunds paid outside every channel (cash at the counter), by an admin.
  'loans.refund': { method: 'POST', url: '/v1/loans/:id/refund', roles: ['admin'] },
  'loans.list': { method: 'GET', url: '/v1/loans', roles: EVERYONE },
  'loans.get': { method: 'GET', url: '/v1/loans/:id', roles: EVERYONE, borrowerOwns: 'loan' },
  'loans.schedule': { method: 'GET', url: '/v1/loans/:id/schedule', roles: EVERYONE, borrowerOwns: 'loan' },
  'loans.history': { method: 'GET', url: '/v1/loans/:id/history', roles: EVERYONE, borrowerOwns: 'loan' },
  'loans.transactions': { method: 'GET', url: '/v1/loans/:id/transactions', roles: EVERYONE, borrowerOwns: 'loan' },
  'loans.state': { method: 'GET', url: '/v1/loans/:id/state', roles: STAFF },
  'loans.payoff': { method: 'GET', url: '/v1/loans/:id/payoff', roles: EVERYONE, borrowerOwns: 'loan' },

  'holidays.list': { method: 'GET', url: '/v1/holidays', roles: EVERYONE },
  'holidays.add': { method: 'POST', url: '/v1/holidays', roles: ['admin'] },
  'holidays.remove': { method: 'DELETE', url: '/v1/holidays/:date', roles: ['admin'] },

  'payments.createIntent': { method: 'POST', url: '/v1/loans/:id/payment-intents', roles: ['borrower', 'officer'], borrowerOwns: 'loan' },
  'payments.getIntent': { method: 'GET', url: '/v1/payment-intents/:id', roles: EVERYONE, borrowerOwns: 'loan' },
  'payments.openIntent': { method: 'GET', url: '/v1/loans/:id/payment-intents/open', roles: EVERYONE, borrowerOwns: 'loan' },
  'payments.cancelIntent': { method: 'POST', url: '/v1/payment-intents/:id/cancellation', roles: ['borrower', 'officer'], borrowerOwns: 'loan' },
  'payments.repaymentReference': { method: 'GET', url: '/v1/loans/:id/repayment-reference', roles: EVERYONE, borrowerOwns: 'loan' },
  'payments.importStatement': { method: 'POST', url: '/v1/payments/bank-statements', roles: ['officer'] },
  'payments.suspense': { method: 'GET', url: '/v1/payments/suspense', roles: ['officer', 'compliance', 'admin'] },
  'payments.assignSuspense': { method: 'POST', url: '/v1/payments/suspense/:lineId/assign', roles: ['officer'] },
  // Refunds of a credit balance: an officer starts a payout; the channel (or, for a bank transfer, an officer with the bank's reference) settles it.
  'payments.startRefundPayout': { method: 'POST', url: '/v1/loans/:id/refunds', roles: ['officer'] },
  // Four eyes on money out: a payout is sent only once someone other than its maker approves it (the decider checks).
  'payments.approvePayout': { method: 'POST', url: '/v1/payouts/:id/approval', roles: ['officer', 'underwriter'] },
  'payments.rejectPayout': { method: 'POST', url: '/v1/payouts/:id/rejection', roles: ['officer', 'underwriter'] },
  'payments.loanRefundPayouts': { method: 'GET', url: '/v1/loans/:id/refunds', roles: ['officer', 'compliance', 'admin'] },
  'payments.getPayout': { method: 'GET', url: '/v1/payouts/:id', roles: ['officer', 'compliance', 'admin'] },
  'payments.confirmPayout': { method: 'POST', url: '/v1/payouts/:id/confirmation', roles: ['officer'] },
  'payments.failPayout': { method: 'POST', url: '/v1/payouts/:id/failure', roles: ['officer'] },
  // A payout left pending: ask its provider, or cancel it (through the provider, or after it says it never paid) to free the credit.
  'payments.queryPayout': { method: 'POST', url: '/v1/payouts/:id/status-query', roles: ['officer'] },
  'payments.cancelPayout': { method: 'POST', url: '/v1/payouts/:id/cancellation', roles: ['officer'] },

  // Work queues: who decides what waits there, and admin, who reads everything.
  'queues.kycReview': { method: 'GET', url: '/v1/queues/kyc-review', roles: ['officer', 'compliance', 'admin'] },
  'queues.applications': { method: 'GET', url: '/v1/queues/applications', roles: ['officer', 'underwriter', 'admin'] },
  'queues.approvals': { method: 'GET', url: '/v1/queues/approvals', roles: ['underwriter', 'admin'] },
  'queues.disbursements': { method: 'GET', url: '/v1/queues/disbursements', roles: ['officer', 'admin'] },
  'queues.writeOffApprovals': { method: 'GET', url: '/v1/queues/write-off-approvals', roles: ['officer', 'underwriter', 'admin'] },
  'queues.reversalApprovals': { method: 'GET', url: '/v1/queues/reversal-approvals', roles: ['officer', 'underwriter', 'admin'] },
  'queues.payoutApprovals': { method: 'GET', url: '/v1/queues/payout-approvals', roles: ['officer', 'underwriter', 'admin'] },
  'queues.waiverApprovals': { method: 'GET', url: '/v1/queues/waiver-approvals', roles: ['officer', 'underwriter', 'admin'] },

  'operations.closeOfBusiness': { method: 'POST', url: '/v1/operations/close-of-business', roles: ['admin'] },
  'operations.businessDate': { method: 'GET', url: '/v1/business-date', roles: EVERYONE },
  'reports.portfolio': { method: 'GET', url: '/v1/reports/portfolio', roles: STAFF },
  'reports.classification': { method: 'GET', url: '/v1/reports/classification', roles: ['underwriter', 'compliance', 'admin'] },
  'reports.par': { method: 'GET', url: '/v1/reports/par', roles: ['underwriter', 'compliance', 'admin'] },
  'reports.amlLargeTransactions': { method: 'GET', url: '/v1/reports/aml/large-transactions', roles: ['compliance', 'admin'] },
  'reports.amlSuspicious': { method: 'GET', url: '/v1/reports/aml/suspicious', roles: ['compliance', 'admin'] },
  'reports.trialBalance': { method: 'GET', url: '/v1/reports/ledger/trial-balance', roles: ['compliance', 'admin'] },
  'reports.ledgerReconciliation': { method: 'GET', url: '/v1/reports/ledger/reconciliation', roles: ['compliance', 'admin'] },
  'reports.disbursements': { method: 'GET', url: '/v1/reports/disbursements', roles: STAFF },
  'reports.paymentReconciliation': { method: 'GET', url: '/v1/reports/payments/reconciliation', roles: ['officer', 'compliance', 'admin'] },
  'audit.list': { method: 'GET', url: '/v1/audit', roles: ['compliance', 'admin'] },
  'admin.projections': { method: 'GET', url: '/v1/admin/projections', roles: ['admin'] },
  'admin.rebuildProjection': { method: 'POST', url: '/v1/admin/projections/:name/rebuild', roles: ['admin'] },

  // Identity: the way in needs no token; staff accounts are the administrator's; security events are for oversight.
  'auth.register': { method: 'POST', url: '/v1/auth/register', roles: EVERYONE, anonymous: true },
  'auth.verify': { method: 'POST', url: '/v1/auth/verify', roles: EVERYONE, anonymous: true },
  'auth.login': { method: 'POST', url: '/v1/auth/login', roles: EVERYONE, anonymous: true },
  'auth.enrolTotp': { method: 'POST', url: '/v1/auth/totp/enrol', roles: EVERYONE, anonymous: true },
  'auth.refresh': { method: 'POST', url: '/v1/auth/refresh', roles: EVERYONE, anonymous: true },
  'auth.logout': { method: 'POST', url: '/v1/auth/logout', roles: EVERYONE, anonymous: true },
  'auth.changePassword': { method: 'POST', url: '/v1/auth/password', roles: EVERYONE },
  'auth.requestPasswordReset': { method: 'POST', url: '/v1/auth/password-reset/request', roles: EVERYONE, anonymous: true },
  'auth.resetPassword': { method: 'POST', url: '/v1/auth/password-reset', roles: EVERYONE, anonymous: true },
  'users.list': { method: 'GET', url: '/v1/users', roles: ['admin'] },
  'users.names': { method: 'GET', url: '/v1/staff-names', roles: STAFF },
  'users.create': { method: 'POST', url: '/v1/users', roles: ['admin'] },
  'users.setRole': { method: 'PUT', url: '/v1/users/:id/role', roles: ['admin'] },
  'users.disable': { method: 'POST', url: '/v1/users/:id/disable', roles: ['admin'] },
  'users.enable': { method: 'POST', url: '/v1/users/:id/enable', roles: ['admin'] },
  'users.reset': { method: 'POST', url: '/v1/users/:id/reset', roles: ['admin'] },
  'users.revokeSessions': { method: 'DELETE', url: '/v1/users/:id/sessions', roles: ['admin'] },
  'me.preferences': { method: 'GET', url: '/v1/me/preferences', roles: EVERYONE },
  'me.setPreferences': { method: 'PUT', url: '/v1/me/preferences', roles: EVERYONE },
  'security.events': { method: 'GET', url: '/v1/security-events', roles: ['compliance', 'admin'] },
} as const satisfies Record<string, RoutePolicy>;

export type RouteId = keyof typeof POLICY;
