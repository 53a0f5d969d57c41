import type { Projection } from '../projection.js';
import { auditTrailProjection } from './audit-trail/audit-trail.js';
import { customerAccountProjection } from './customer-account/customer-account.js';
import { generalLedgerProjection } from './general-ledger/general-ledger.js';
import { loanSummaryProjection } from './loan-summary/loan-summary.js';
import { paymentsProjection } from './payments/payments.js';
import { payoutReconciliationProjection } from './payments/payout-reconciliation.js';
import { reconciliationProjection } from './payments/reconciliation.js';
import { productCatalogProjection } from './product-catalog/product-catalog.js';
import { regulatoryProjection } from './regulatory/regulatory.js';
import { workQueueProjection } from './work-queue/work-queue.js';

export {
  auditTrailProjection, customerAccountProjection, generalLedgerProjection, loanSummaryProjection, paymentsProjection, payoutReconciliationProjection, productCatalogProjection,
  reconciliationProjection, regulatoryProjection, workQueueProjection,
};

/** Every read model the runner keeps up to date. */
export const projections: Projection[] = [
  loanSummaryProjection, customerAccountProjection, auditTrailProjection, generalLedgerProjection, regulatoryProjection,
  productCatalogProjection, paymentsProjection, reconciliationProjection, payoutReconciliationProjection, workQueueProjection,
];
