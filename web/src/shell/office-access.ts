import type { Role } from '../api/types';

export const STAFF: readonly Role[] = ['officer', 'underwriter', 'compliance', 'admin'];

/**
 * Who may open each back-office page that not every staff role may use (mirrors src/api/auth/policy.ts:
 * the menu offers a page, and the route opens it, only for the roles whose calls it makes; the API still decides).
 * Keys are paths under /office; work queues carry their own roles (queues.ts).
 */
export const OFFICE_PAGE_ROLES = {
  newCustomer: ['officer'],
  apply: ['officer'],
  statements: ['officer'],
  audit: ['compliance', 'admin'],
  users: ['admin'],
  // Close of business and projections are both admin-only calls (operations.closeOfBusiness, admin.projections).
  operations: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
