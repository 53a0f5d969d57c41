import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applyForLoan } from '../../../app/loans/apply-for-loan.js';
import { assessLoan } from '../../../app/loans/assess-loan.js';
import { approveLoan, rejectLoan, withdrawLoan } from '../../../app/loans/decide-application.js';
import { disburseLoan } from '../../../app/loans/disburse-loan.js';
import { DomainError } from '../../../domain/errors.js';
import type { ApiPlugin } from '../../deps.js';
import { idParams } from '../../schemas/common.js';
import { applicationBody, approvalBody, disbursementBody, emptyBody, rejectionBody, withdrawalBody } from '../../schemas/loans.js';
import { admit, checkRoleBeforeValidation } from './access.js';
import { commandMeta, sendOutcome } from './command-request.js';
import { commandSchema } from './route-schema.js';

/** An application's road to the money: apply, assess, approve or reject, withdraw, disburse. */
export const loanApplicationRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  checkRoleBeforeValidation(scope);

  app.post('/v1/loans', {
    config: { policy: 'loans.apply' },
    schema: commandSchema('loans', 'Apply for a loan (borrower for itself, or officer)', { body: applicationBody }),
  }, async (request, reply) => {
    // A borrower's session names its customer; staff apply on someone's behalf and must say whose.
    const customerId = request.body.customerId ?? (request.actor?.role === 'borrower' ? request.actor.customerId : undefined);
    const actor = await admit(request, 'loans.apply', deps.eventStore, { customerId });
    if (customerId === undefined) throw new DomainError('CUSTOMER_ID_REQUIRED', 'Staff applying for a customer must give its customerId', 'invalid');
    return sendOutcome(reply, await applyForLoan(deps, commandMeta(request, actor, 'loans.apply'), { ...request.body, customerId }));
  });

  app.post('/v1/loans/:id/assess', {
    config: { policy: 'loans.assess' },
    schema: commandSchema('loans', 'Run the credit scorecard and record CreditAssessed', { params: idParams, body: emptyBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.assess', deps.eventStore);
    return sendOutcome(reply, await assessLoan(deps, commandMeta(request, actor, 'loans.assess'), request.params.id));
  });

  app.post('/v1/loans/:id/approve', {
    config: { policy: 'loans.approve' },
    schema: commandSchema('loans', 'Approve (underwriter; never the person who submitted)', { params: idParams, body: approvalBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.approve', deps.eventStore);
    return sendOutcome(reply, await approveLoan(deps, commandMeta(request, actor, 'loans.approve'), request.params.id, request.body ?? {}));
  });

  app.post('/v1/loans/:id/reject', {
    config: { policy: 'loans.reject' },
    schema: commandSchema('loans', 'Reject a pending application (underwriter)', { params: idParams, body: rejectionBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.reject', deps.eventStore);
    return sendOutcome(reply, await rejectLoan(deps, commandMeta(request, actor, 'loans.reject'), request.params.id, request.body.reason));
  });

  app.post('/v1/loans/:id/withdraw', {
    config: { policy: 'loans.withdraw' },
    schema: commandSchema('loans', 'Withdraw an application not yet disbursed (its borrower, or officer)', { params: idParams, body: withdrawalBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.withdraw', deps.eventStore, { loanId: request.params.id });
    return sendOutcome(reply, await withdrawLoan(deps, commandMeta(request, actor, 'loans.withdraw'), request.params.id, request.body?.reason ?? null));
  });

  app.post('/v1/loans/:id/disburse', {
    config: { policy: 'loans.disburse' },
    schema: commandSchema('loans', 'Disburse an approved loan once (officer)', { params: idParams, body: disbursementBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.disburse', deps.eventStore);
    return sendOutcome(reply, await disburseLoan(deps, commandMeta(request, actor, 'loans.disburse'), request.params.id, request.body));
  });
};
