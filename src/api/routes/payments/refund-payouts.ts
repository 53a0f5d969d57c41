import { businessDateAt, requireOnOrBeforeBusinessDate } from '../../../app/business-date.js';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approvePayout } from '../../../app/payouts/approve-payout.js';
import { payoutView, refundDesk } from '../../../app/payouts/payout-view.js';
import { rejectPayout } from '../../../app/payouts/reject-payout.js';
import { settlePayout } from '../../../app/payouts/settle-payout.js';
import { withSettlementPage } from '../../../app/payouts/settlement-page.js';
import { configuredPayoutChannel, startRefundPayout } from '../../../app/payouts/start-refund-payout.js';
import { DomainError } from '../../../domain/errors.js';
import type { PayoutChannels } from '../../../payments/payouts/payout-channel.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { commandHeaders, idParams } from '../../schemas/common.js';
import {
  bankConfirmationBody, bankFailureBody, loanPayoutsResponse, payoutApprovalBody, payoutRejectionBody, payoutResponse, refundPayoutBody, startedPayoutResponse,
} from '../../schemas/payouts.js';
import { admit, checkRoleBeforeValidation } from '../commands/access.js';
import { commandMeta, sendOutcome } from '../commands/command-request.js';
import { commandSchema } from '../commands/route-schema.js';
import { guard } from '../queries/query-schemas.js';
import { checkMinPosition, minPositionParam } from '../queries/read-your-writes.js';

const fresh = z.object({ minPosition: minPositionParam }).strict();
const FROM_STREAM = 'Read from the event log itself, so always current: minPosition is accepted and needs no wait.';

/**
 * Refunds of a credit balance through a channel: an officer starts a payout, a second person
 * approves it (four eyes: only then is the channel asked to pay), the channel settles
 * it (a signed notification, a provider's answer, or — for a bank transfer — an officer with the
 * bank's reference), and only then is the loan's RefundIssued recorded.
 */
export const refundPayoutRoutes: FastifyPluginAsync<{ deps: AppDeps; channels: PayoutChannels }> = async (scope, { deps, channels }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  checkRoleBeforeValidation(scope);

  app.post('/v1/loans/:id/refunds', {
    config: { policy: 'payments.startRefundPayout' },
    schema: {
      tags: ['payments'],
      summary: 'Start paying back an overpaid loan\'s credit through a channel (officer): the payout waits for a second person\'s approval (POST /v1/payouts/:id/approval) before anything is sent; the refund is recorded on the loan when the channel confirms it',
      params: idParams, body: refundPayoutBody, response: { 200: startedPayoutResponse, 201: startedPayoutResponse },
    },
  }, async (request, reply) => {
    const actor = await admit(request, 'payments.startRefundPayout', deps.eventStore);
    const started = await startRefundPayout(deps, channels, commandMeta(request, actor, 'payments.startRefundPayout'), request.params.id, request.body);
    reply.status(started.outcome.created ? 201 : 200);
    return {
      id: started.outcome.id, status: started.status, channel: request.body.channel, amount: started.amount, currency: started.currency,
      actionUrl: started.actionUrl, revision: started.outcome.revision.toString(), position: started.outcome.position.toString(),
    };
  });

  app.post('/v1/payouts/:id/approval', {
    config: { policy: 'payments.approvePayout' },
    schema: {
      tags: ['payments'],
      summary: 'Approve a refund payout waiting for a second person, never its maker (422 FOUR_EYES_REQUIRED), and send it through its channel (officer or underwriter)',
      headers: commandHeaders, params: idParams, body: payoutApprovalBody, response: { 200: startedPayoutResponse, 201: startedPayoutResponse },
    },
  }, async (request, reply) => {
    const actor = await admit(request, 'payments.approvePayout', deps.eventStore);
    const started = await approvePayout(deps, channels, commandMeta(request, actor, 'payments.approvePayout'), request.params.id);
    reply.status(started.outcome.created ? 201 : 200);
    return {
      id: started.outcome.id, status: started.status, channel: started.channel, amount: started.amount, currency: started.currency,
      actionUrl: started.actionUrl, revision: started.outcome.revision.toString(), position: started.outcome.position.toString(),
    };
  });

  app.post('/v1/payouts/:id/rejection', {
    config: { policy: 'payments.rejectPayout' },
    schema: commandSchema('payments', 'Reject a refund payout waiting for approval (its maker may withdraw it): nothing is sent and its credit is free again (officer or underwriter)', {
      params: idParams, body: payoutRejectionBody,
    }),
  }, async (request, reply) => {
    const actor = await admit(request, 'payments.rejectPayout', deps.eventStore);
    return sendOutcome(reply, await rejectPayout(deps, commandMeta(request, actor, 'payments.rejectPayout'), request.params.id, request.body.reason));
  });

  app.get('/v1/loans/:id/refunds', {
    preValidation: guard('payments.loanRefundPayouts'),
    schema: { tags: ['payments'], summary: 'The loan\'s refund desk: credit balance, what pending payouts hold, what is free to refund, and every payout (newest first)', description: FROM_STREAM, params: idParams, querystring: fresh, response: { 200: loanPayoutsResponse } },
  }, async (request) => {
    await checkMinPosition(deps, request.query.minPosition);
    const desk = await refundDesk(deps, request.params.id);
    if (desk === null) throw notFound(`no loan ${request.params.id}`);
    return { ...desk, items: desk.items.map((view) => withSettlementPage(view, channels)) };
  });

  app.get('/v1/payouts/:id', {
    preValidation: guard('payments.getPayout'),
    schema: { tags: ['payments'], summary: 'A refund payout: status (pending, confirmed, failed), reference or failure', description: FROM_STREAM, params: idParams, querystring: fresh, response: { 200: payoutResponse } },
  }, async (request) => {
    await checkMinPosition(deps, request.query.minPosition);
    const view = await payoutView(deps.eventStore, request.params.id);
    if (view === null) throw notFound(`no payout ${request.params.id}`);
    return withSettlementPage(view, channels);
  });

  /** Only bank transfers are settled by hand; a provider's payout is settled by the provider. */
  const bankTransfer = async (payoutId: string) => {
    const view = await payoutView(deps.eventStore, payoutId);
    if (view === null) throw new DomainError('PAYOUT_NOT_FOUND', `no payout ${payoutId}`, 'not_found');
    if (view.channel !== 'bank-transfer') throw new DomainError('PAYOUT_NOT_BANK_TRANSFER', `a ${view.channel} payout is settled by its channel, not by hand`, 'rule');
    return configuredPayoutChannel(channels, 'bank-transfer');
  };

  app.post('/v1/payouts/:id/confirmation', {
    config: { policy: 'payments.confirmPayout' },
    schema: commandSchema('payments', 'Confirm a bank-transfer refund with the bank\'s reference: records the refund on the loan once (officer)', { params: idParams, body: bankConfirmationBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'payments.confirmPayout', deps.eventStore);
    const channel = await bankTransfer(request.params.id);
    const now = deps.clock.now();
    const at = request.body.executedAt ? new Date(request.body.executedAt).toISOString() : now.toISOString();
    // The bank executed it on a business day that has come: never after today's business date.
    requireOnOrBeforeBusinessDate(businessDateAt(new Date(at), deps.clock.timeZone), businessDateAt(now, deps.clock.timeZone), 'executedAt');
    const outcome = await settlePayout(deps, commandMeta(request, actor, 'payments.confirmPayout'), channel, {
      payoutId: request.params.id, status: 'succeeded', channelReference: request.body.bankReference, at, failureReason: null,
    });
    return sendOutcome(reply, outcome);
  });

  app.post('/v1/payouts/:id/failure', {
    config: { policy: 'payments.failPayout' },
    schema: commandSchema('payments', 'Record that the bank returned or refused a bank-transfer refund: the loan keeps its credit (officer)', { params: idParams, body: bankFailureBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'payments.failPayout', deps.eventStore);
    const channel = await bankTransfer(request.params.id);
    const outcome = await settlePayout(deps, commandMeta(request, actor, 'payments.failPayout'), channel, {
      payoutId: request.params.id, status: 'failed', channelReference: null, at: deps.clock.now().toISOString(), failureReason: request.body.reason,
    });
    return sendOutcome(reply, outcome);
  });
};
