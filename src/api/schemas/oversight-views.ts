import { z } from 'zod';
import type { CustomerAccountView } from '../../app/queries/customer-account-view.js';
import { loanStatus } from './loan-views.js';

const decimal = z.string().meta({ description: 'Decimal string' });

/** Every field of the audit trail's AuditEntry. */
export const auditEntryResponse = z.object({
  id: z.string(), eventId: z.string(), type: z.string(), schemaVersion: z.number().int(), streamId: z.string(), revision: z.string(), position: z.string(),
  occurredAt: z.string(), recordedAt: z.string(), actorSub: z.string(), actorRole: z.string(), actorCustomerId: z.string().nullable(),
  correlationId: z.string(), causationId: z.string().nullable(), idempotencyKey: z.string().nullable(), prevHash: z.string(), hash: z.string(),
}).meta({ id: 'AuditEntry' });

export const projectionStatusResponse = z.object({
  items: z.array(z.object({
    name: z.string(),
    version: z.number().int(),
    state: z.enum(['catching-up', 'live', 'rebuilding', 'failed', 'stopped']),
    position: z.string().meta({ description: 'Last position applied' }),
    headPosition: z.string(),
    lagEvents: z.number(),
    lagSeconds: z.number(),
    error: z.string().nullable(),
  })),
}).meta({ id: 'ProjectionStatusList' });

export const rebuildAcceptedResponse = z.object({ name: z.string(), state: z.literal('rebuilding') })
  .meta({ description: 'The rebuild started in the background; follow it on GET /v1/admin/projections' });

const masked = z.string().nullable().meta({ description: 'Masked, or [erased]' });
export const customerAccountResponse = z.object({
  id: z.string(),
  profile: z.object({ name: masked, nationalId: masked, phone: masked, email: masked }),
  registeredOn: z.string(),
  kycStatus: z.enum(['not_submitted', 'submitted', 'verified', 'rejected']),
  kyc: z.object({
    monthlyIncome: z.string().meta({ description: 'Net monthly income as a decimal string in CNY, or [erased]' }),
    employer: z.string().meta({ description: 'Employer, or [erased]' }),
    employmentMonths: z.number().int(),
    bankAccount: masked,
    submittedAt: z.string(),
  }).nullable(),
  flags: z.array(z.object({ flag: z.literal('aml'), reason: z.string(), on: z.string() })),
  erased: z.boolean(),
  loans: z.array(z.object({
    loanId: z.string(), status: loanStatus, currency: z.string(), principal: decimal, outstanding: decimal,
    nextDue: z.object({ date: z.string(), amount: decimal }).nullable(),
    amountDue: decimal.optional().meta({ description: 'Amount due now: everything owed on the installments due on or before the business date, penalties owed by then included (as on GET /v1/loans/:id)' }),
  })),
  totals: z.array(z.object({ currency: z.string(), loans: z.number().int(), open: z.number().int(), principal: decimal, outstanding: decimal })),
}).meta({ id: 'CustomerAccount' });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
/** Compiles only while the account view and its schema agree both ways (the audit entry, a Doc with an index signature, cannot be compared so). */
export const CUSTOMER_ACCOUNT_SCHEMA_FITS: Same<CustomerAccountView, z.output<typeof customerAccountResponse>> = true;
