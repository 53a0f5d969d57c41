import type { ApiPlugin } from './deps.js';
import { holidayRoutes } from './routes/commands/holidays.js';
import { loanAgreementRoutes } from './routes/queries/loan-agreement.js';
import { loanQuoteRoutes } from './routes/queries/loan-quote.js';
import { identityRoutes } from './routes/identity/index.js';
import { devSessionRoutes } from './routes/dev/dev-session.js';
import { businessDateRoutes } from './routes/operations/business-date.js';
import { closeOfBusinessRoutes } from './routes/operations/close-of-business.js';
import { queryRoutes } from './routes/queries/index.js';
import { customerCommandRoutes } from './routes/commands/customers.js';
import { loanApplicationRoutes } from './routes/commands/loan-applications.js';
import { loanServicingRoutes } from './routes/commands/loan-servicing.js';
import { productCommandRoutes } from './routes/commands/products.js';
import { paymentRoutes } from './routes/payments/index.js';

/**
 * The registration point for resource plugins: add a plugin here and the runtime serves it.
 * Route authors: give every body/query/params a zod `.strict()` object schema, so unknown
 * fields are refused with 400 VALIDATION_FAILED instead of being silently dropped; check
 * access with `authorize(request, '<route id>')` from ./auth/authorize.js against ./auth/policy.ts.
 */
export const resourceRoutes: ApiPlugin[] = [
  customerCommandRoutes,
  productCommandRoutes,
  loanApplicationRoutes,
  loanServicingRoutes,
  ...queryRoutes,
  loanQuoteRoutes,
  loanAgreementRoutes,
  holidayRoutes,
  closeOfBusinessRoutes,
  businessDateRoutes,
  paymentRoutes,
  ...identityRoutes,
  // Registers nothing unless LENDCORE_ENV=development.
  devSessionRoutes,
];
