import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderAgreement } from '../../../app/loans/loan-agreement.js';
import { DomainError } from '../../../domain/errors.js';
import { assertOwnership, authorize } from '../../auth/authorize.js';
import type { ApiPlugin } from '../../deps.js';
import { agreementBody, agreementResponse } from '../../schemas/loan-agreement.js';
import { guard } from './query-schemas.js';

/** POST /v1/loans/agreement: the loan agreement to read and accept before applying, with the hash the application sends back. */
export const loanAgreementRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.post('/v1/loans/agreement', {
    preValidation: guard('loans.agreement'),
    schema: {
      tags: ['loans'],
      summary: 'Render the loan agreement for an application made today (parties, principal, rate, APR, fees, schedule, total cost) and its SHA-256; records nothing',
      description: 'Send `hash` with the application as `agreement: { hash, acceptedAt }`: the application renders it again and refuses a different hash (422 AGREEMENT_MISMATCH). '
        + 'Problems: 400 CUSTOMER_ID_REQUIRED (staff), 404 for another borrower\'s customer, 422 as POST /v1/loans/quote.',
      body: agreementBody,
      response: { 200: agreementResponse },
    },
  }, async (request) => {
    const actor = authorize(request, 'loans.agreement');
    const customerId = request.body.customerId ?? (actor.role === 'borrower' ? actor.customerId ?? undefined : undefined);
    if (actor.role === 'borrower') assertOwnership(actor, customerId);
    if (customerId === undefined) throw new DomainError('CUSTOMER_ID_REQUIRED', 'Staff rendering an agreement for a customer must give its customerId', 'invalid');
    const { firstRepaymentDate, ...rest } = request.body;
    return renderAgreement(deps, { ...rest, customerId, ...(firstRepaymentDate !== undefined ? { firstRepaymentDate } : {}) });
  });
};
