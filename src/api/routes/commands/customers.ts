import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eraseCustomer } from '../../../app/customers/erase-customer.js';
import { decideKyc, submitKyc } from '../../../app/customers/know-your-customer.js';
import { registerCustomer } from '../../../app/customers/register-customer.js';
import { eraseBorrowerAccount } from '../../../identity/erase-account.js';
import type { ApiPlugin } from '../../deps.js';
import { idParams } from '../../schemas/common.js';
import { erasureBody, kycDecisionBody, registerCustomerBody, submitKycBody } from '../../schemas/customers.js';
import { admit, checkRoleBeforeValidation } from './access.js';
import { commandMeta, sendOutcome } from './command-request.js';
import { commandSchema } from './route-schema.js';
import { awaitProjections } from '../queries/read-your-writes.js';
import { loanSummaryProjection } from '../../../projections/models/loan-summary/loan-summary.js';

const LOAN_SUMMARY_PROJECTION = loanSummaryProjection.name;

/** Customer commands: registration, KYC and its decision, erasure of PII. */
export const customerCommandRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  checkRoleBeforeValidation(scope);

  app.post('/v1/customers', {
    config: { policy: 'customers.register' },
    schema: commandSchema('customers', 'Register a customer (borrower for itself, or officer)', { body: registerCustomerBody }),
  }, async (request, reply) => {
    // A borrower's token already names the customer it is: that is the id to register.
    const customerId = request.body.customerId ?? (request.actor?.role === 'borrower' ? request.actor.customerId : undefined);
    const actor = await admit(request, 'customers.register', deps.eventStore, { customerId });
    const outcome = await registerCustomer(deps, commandMeta(request, actor, 'customers.register'), { ...request.body, ...(customerId ? { customerId } : {}) });
    return sendOutcome(reply, outcome);
  });

  app.post('/v1/customers/:id/kyc', {
    config: { policy: 'customers.submitKyc' },
    schema: commandSchema('customers', 'Submit KYC (income, employment, bank account)', { params: idParams, body: submitKycBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'customers.submitKyc', deps.eventStore, { customerId: request.params.id });
    return sendOutcome(reply, await submitKyc(deps, commandMeta(request, actor, 'customers.submitKyc'), request.params.id, request.body));
  });

  app.post('/v1/customers/:id/kyc/decision', {
    config: { policy: 'customers.decideKyc' },
    schema: commandSchema('customers', 'Verify or reject submitted KYC (compliance or officer)', { params: idParams, body: kycDecisionBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'customers.decideKyc', deps.eventStore);
    return sendOutcome(reply, await decideKyc(deps, commandMeta(request, actor, 'customers.decideKyc'), request.params.id, request.body));
  });

  app.delete('/v1/customers/:id/pii', {
    config: { policy: 'customers.erasePii' },
    schema: commandSchema('customers', 'Erase a customer\'s PII by destroying its data key (compliance)', { params: idParams, body: erasureBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'customers.erasePii', deps.eventStore);
    // The customer's loans are found in the loan summary: brought up to the head of the log first (503 if it lags).
    await awaitProjections(deps, [LOAN_SUMMARY_PROJECTION], (await deps.eventStore.headPosition()).toString());
    const reason = request.body?.reason ?? 'erasure requested';
    const outcome = await eraseCustomer(deps, commandMeta(request, actor, 'customers.erasePii'), request.params.id, reason);
    // The borrower's account holds its phone or e-mail as login: erased with the rest.
    if (deps.identity) eraseBorrowerAccount({ identity: deps.identity, clock: deps.clock }, request.params.id, actor.sub);
    return sendOutcome(reply, outcome);
  });
};
