import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expirePaymentIntent } from '../../../app/payments/expire-payment-intent.js';
import { paymentIntentView } from '../../../app/payments/payment-intent-view.js';
import { sandboxNotification } from '../../../payments/sandbox/sandbox-gateway.js';
import type { SandboxKeys } from '../../../payments/sandbox/sandbox-keys.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { intentParams } from '../../schemas/payments.js';
import { checkMinPosition, minPositionParam } from '../queries/read-your-writes.js';
import { sandboxPage } from './sandbox-page.js';

const outcomeParams = intentParams.extend({ outcome: z.enum(['confirm', 'fail']) }).strict();

/**
 * The simulated gateway (only while LENDCORE_PAYMENTS_SANDBOX=on): a public checkout page per
 * intent whose buttons make the gateway sign a notification with its own key and deliver it to
 * POST /v1/payments/notify/sandbox, the same route and checks a real provider's notification meets.
 */
export const sandboxGatewayRoutes: FastifyPluginAsync<{ deps: AppDeps; keys: SandboxKeys }> = async (scope, { deps, keys }) => {
  // The page's forms post an empty urlencoded body.
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const app = scope.withTypeProvider<ZodTypeProvider>();

  const intentOf = async (intentId: string) => {
    const view = await paymentIntentView(deps.eventStore, intentId, deps.clock.now());
    if (view === null || view.channel !== 'sandbox') throw notFound(`no sandbox payment intent ${intentId}`);
    return view;
  };

  app.get('/v1/payments/sandbox/:intentId', {
    schema: {
      tags: ['payments'], summary: 'The sandbox gateway\'s checkout page for an intent (HTML; public)',
      description: 'Read from the event log itself, so always current: minPosition is accepted and needs no wait.',
      params: intentParams, querystring: z.object({ minPosition: minPositionParam }).strict(),
    },
  }, async (request, reply) => {
    await checkMinPosition(deps, request.query.minPosition);
    return reply.type('text/html; charset=utf-8').send(sandboxPage(await intentOf(request.params.intentId), null));
  });

  app.post('/v1/payments/sandbox/:intentId/:outcome', {
    schema: { tags: ['payments'], summary: 'Pay or fail the intent in the sandbox: the gateway signs and delivers its notification (HTML; public)', params: outcomeParams },
  }, async (request, reply) => {
    const intent = await intentOf(request.params.intentId);
    // Like a provider past time_expire, the gateway takes no payment on an expired intent; it records the expiry.
    if (intent.status === 'expired') {
      await expirePaymentIntent(deps, intent.id, 'sandbox', request.id);
      return reply.status(409).type('text/html; charset=utf-8').send(sandboxPage(intent, 'This payment intent has expired; start a new one.'));
    }
    // Like a provider's closed order, the gateway takes no payment on an intent that failed or was cancelled (its order was closed).
    if (intent.status === 'failed') {
      return reply.status(409).type('text/html; charset=utf-8').send(sandboxPage(intent, 'This payment was cancelled or failed; its order is closed. Start a new one.'));
    }
    const signed = sandboxNotification(keys.privateKey, { intentId: intent.id, amount: intent.amount, outcome: request.params.outcome === 'confirm' ? 'paid' : 'failed' }, deps.clock.now());
    const delivered = await scope.inject({ method: 'POST', url: '/v1/payments/notify/sandbox', headers: signed.headers, payload: signed.body });
    const message = delivered.statusCode === 200 ? 'The lender acknowledged the notification.' : `The lender refused the notification: ${delivered.statusCode} ${delivered.body}`;
    const status = delivered.statusCode === 200 ? 200 : 502;
    return reply.status(status).type('text/html; charset=utf-8').send(sandboxPage(await intentOf(intent.id), message));
  });
};
