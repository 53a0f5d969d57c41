import type { Schema } from '../api/schema';
import type { Role } from '../api/types';
import type { MessageKey } from '../i18n/i18n';

/** The staff work queues (GET /v1/queues/<name>) and who may open each (mirrors src/api/auth/policy.ts; the API decides). */
export const QUEUES: { name: string; title: MessageKey; roles: readonly Role[] }[] = [
  { name: 'kyc-review', title: 'queue.kyc-review', roles: ['officer', 'compliance', 'admin'] },
  { name: 'applications', title: 'queue.applications', roles: ['officer', 'underwriter', 'admin'] },
  { name: 'approvals', title: 'queue.approvals', roles: ['underwriter', 'admin'] },
  { name: 'disbursements', title: 'queue.disbursements', roles: ['officer', 'admin'] },
  { name: 'write-off-approvals', title: 'queue.write-off-approvals', roles: ['officer', 'underwriter', 'admin'] },
  { name: 'reversal-approvals', title: 'queue.reversal-approvals', roles: ['officer', 'underwriter', 'admin'] },
  { name: 'waiver-approvals', title: 'queue.waiver-approvals', roles: ['officer', 'underwriter', 'admin'] },
  { name: 'payout-approvals', title: 'queue.payout-approvals', roles: ['officer', 'underwriter', 'admin'] },
  // Not a /v1/queues list: statement lines waiting in GET /v1/payments/suspense (its own page, SuspenseQueuePage).
  { name: 'payment-suspense', title: 'queue.payment-suspense', roles: ['officer', 'compliance', 'admin'] },
];

/** One waiting item: a customer (KYC review) or a loan, with the reason it waits (the WorkItem schema). */
export type WorkItem = Schema<'WorkItem'>;
