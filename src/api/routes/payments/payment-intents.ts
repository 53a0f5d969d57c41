import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cancelPaymentIntent } from '../../../app/payments/cancel-payment-intent.js';
import { createPaymentIntent } from '../../../app/payments/create-payment-intent.js';
import { openIntentOfLoan } from '../../../app/payments/intent-desk.js';
import { paymentIntentView } from '../../../app/payments/payment-intent-view.js';
import { loanOwner } from '../../../app/streams.js';
import type { PaymentChannels } from '../../../payments/channel.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import { assertOwnership } from '../../auth/authorize.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { idParams } from '../../schemas/common.js';
import { paymentIntentResponse } from '../../schemas/payment-views.js';
import { createdIntentResponse, paymentIntentBody } from '../../schemas/payments.js';
import { admit, checkRoleBeforeValidation } from '../commands/access.js';
import { commandMeta } from '../commands/command-request.js';
import { guard } from '../queries/query-schemas.js';
import { checkMinPosition, minPositionParam } from '../queries/read-your-writes.js';

/**
 * POST /v1/loans/:id/payment-intents (borrower on its own loan, or officer), GET /v1/loans/:id/payment-intents/open,
 * GET /v1/payment-intents/:id and POST …/:id/cancellation.
 */
export const paymentIntentRoutes: FastifyPluginAsync<{ deps: AppDeps; channels: PaymentChannels }> = async (scope, { deps, channels }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  checkRoleBeforeValidation(scope);

  app.post('/v1/loans/:id/payment-intents', {
    config: { policy: 'payments.createIntent' },
    schema: {
      tags: ['payments'],
      summary: 'Start a payment through a channel; the payment is recorded when the channel confirms it (borrower on its own loan, or officer). One open intent per loan: the same amount and channel again answers it (200), anything else is 409 PAYMENT_INTENT_OPEN naming it',
      description: 'An Idempotency-Key this caller already used answers the intent it started (200), as it stands now: pending with its action, '
        + 'or confirmed, failed or expired with action null. Nothing new is reserved or ordered from the channel under that key; a new attempt takes a new key.',
      params: idParams,
      body: paymentIntentBody,
      response: { 200: createdIntentResponse, 201: createdIntentResponse },
    },
  }, async (request, reply) => {
    const actor = await admit(request, 'payments.createIntent', deps.eventStore, { loanId: request.params.id });
    const created = await createPaymentIntent(deps, channels, deps.config.payments.intentTtlMinutes, commandMeta(request, actor, 'payments.createIntent'), request.params.id, request.body);
    // The loan's open intent asked for again (same amount and channel), or a key's intent, is 200, a new one 201.
    reply.status(created.outcome.created ? 201 : 200);
    return {
      id: created.outcome.id, status: created.status, channel: request.body.channel, amount: created.amount, currency: created.currency,
      expiresAt: created.expiresAt, action: created.action, revision: created.outcome.revision.toString(), position: created.outcome.position.toString(),
    };
  });

  app.post('/v1/payment-intents/:id/cancellation', {
    config: { policy: 'payments.cancelIntent' },
    schema: {
      tags: ['payments'],
      summary: 'Cancel a pending payment intent (the borrower who owns it, or an officer), so another amount can be started on the loan at once',
      description: 'Its order is closed at the provider first (Alipay alipay.trade.close, WeChat Pay close-order, the sandbox gateway), so it cannot be paid besides the next one; '
        + 'then it is recorded as failed with the reason "cancelled by <who>"; cancelling it again answers the same. Money the channel still confirms for it '
        + 'is recorded, flagged CONFIRMED_AFTER_FAILURE. A paid intent, or one the provider says was paid before it could close it, is 409 PAYMENT_ALREADY_CONFIRMED '
        + '(the payment is recorded as notified); one that failed at the channel or expired 409 PAYMENT_INTENT_CLOSED; no trustworthy answer from the provider 502 CHANNEL_UNAVAILABLE (still pending).',
      params: idParams, body: z.object({}).strict().optional(), response: { 200: paymentIntentResponse },
    },
  }, async (request) => {
    const before = await paymentIntentView(deps.eventStore, request.params.id, deps.clock.now());
    // A borrower's own intents only: another's answers 404 like an unknown one.
    const actor = await admit(request, 'payments.cancelIntent', deps.eventStore, { customerId: before?.customerId ?? null });
    if (!before) throw notFound(`no payment intent ${request.params.id}`);
    await cancelPaymentIntent(deps, channels, commandMeta(request, actor, 'payments.cancelIntent'), request.params.id);
    const after = await paymentIntentView(deps.eventStore, request.params.id, deps.clock.now());
    if (!after) throw notFound(`no payment intent ${request.params.id}`);
    return after;
  });

  app.get('/v1/loans/:id/payment-intents/open', {
    preValidation: guard('payments.openIntent'),
    schema: {
      tags: ['payments'], summary: 'The loan\'s open payment intent (pending, not past its expiry), or null: what a borrower started and has not paid, cancelled or let expire',
      description: 'Read from the event log itself, so always current: minPosition is accepted and needs no wait. The channel\'s next step (link, QR code) is not repeated here: '
        + 'starting the same amount through the same channel again answers the open intent with it (POST /v1/loans/:id/payment-intents, 200).',
      params: idParams, querystring: z.object({ minPosition: minPositionParam }).strict(), response: { 200: z.object({ intent: paymentIntentResponse.nullable() }) },
    },
  }, async (request) => {
    await admit(request, 'payments.openIntent', deps.eventStore, { loanId: request.params.id });
    await checkMinPosition(deps, request.query.minPosition);
    if ((await loanOwner(deps.eventStore, request.params.id)) === null) throw notFound(`no loan ${request.params.id}`);
    const now = deps.clock.now();
    const { open } = await openIntentOfLoan(deps.eventStore, request.params.id, now);
    // One reserved on the desk whose own stream is not written yet (a request between its two appends) is not shown until it is.
    const view = open?.stream ? await paymentIntentView(deps.eventStore, open.opened.intentId, now) : null;
    return { intent: view?.status === 'pending' ? view : null };
  });

  app.get('/v1/payment-intents/:id', {
    preValidation: guard('payments.getIntent'),
    schema: {
      tags: ['payments'], summary: 'A payment intent: status (pending, confirmed, failed, expired), confirmation and flags, from its stream',
      description: 'Read from the event log itself, so always current: minPosition is accepted and needs no wait.',
      params: idParams, querystring: z.object({ minPosition: minPositionParam }).strict(), response: { 200: paymentIntentResponse },
    },
  }, async (request) => {
    await checkMinPosition(deps, request.query.minPosition);
    const view = await paymentIntentView(deps.eventStore, request.params.id, deps.clock.now());
    assertOwnership(authenticatedActor(request), view?.customerId);
    if (!view) throw notFound(`no payment intent ${request.params.id}`);
    return view;
  });
};
