import type { ApiPlugin } from '../../deps.js';
import { adminProjectionRoutes } from './admin-projections.js';
import { auditRoutes } from './audit.js';
import { customerQueryRoutes } from './customers.js';
import { customerSearchRoutes } from './customer-search.js';
import { loanReplayRoutes } from './loan-replay.js';
import { loanListRoutes } from './loan-list.js';
import { loanQueryRoutes } from './loans.js';
import { loanTransactionRoutes } from './loan-transactions.js';
import { productQueryRoutes } from './products.js';
import { reportRoutes } from './reports.js';
import { workQueueRoutes } from './work-queues.js';

/** The query side of the API: read models, reports, replay and projection admin. */
export const queryRoutes: ApiPlugin[] = [
  customerQueryRoutes, customerSearchRoutes, productQueryRoutes, loanListRoutes, loanQueryRoutes, loanTransactionRoutes, loanReplayRoutes, reportRoutes, auditRoutes, adminProjectionRoutes, workQueueRoutes,
];
