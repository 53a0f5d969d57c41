import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { payoutView } from '../../../app/payouts/payout-view.js';
import { sandboxPayoutNotification } from '../../../payments/payouts/sandbox-payout-notification.js';
import type { SandboxKeys } from '../../../payments/sandbox/sandbox-keys.js';
import { SandboxPayoutLedger } from '../../../payments/sandbox/sandbox-payout-ledger.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { payoutParams } from '../../schemas/payouts.js';
import { checkMinPosition, minPositionParam } from '../queries/read-your-writes.js';
import { sandboxPayoutPage } from './sandbox-payout-page.js';

const outcomeParams = payoutParams.extend({ outcome: z.enum(['confirm', 'fail']) }).strict();

/**
 * The simulated gateway's payout side (only while the sandbox is on): a public page per sandbox
 * payout whose buttons make the gateway sign a notification with its own key and deliver it to
 * POST /v1/payments/payout-notify/sandbox, the route and checks a provider's notification meets.
 */
export const sandboxPayoutGatewayRoutes: FastifyPluginAsync<{ deps: AppDeps; keys: SandboxKeys }> = async (scope, { deps, keys }) => {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ledger = SandboxPayoutLedger.inDataDir(deps.config.dataDir);

  const payoutOf = async (payoutId: string) => {
    const view = await payoutView(deps.eventStore, payoutId);
    if (view === null || view.channel !== 'sandbox') throw notFound(`no sandbox payout ${payoutId}`);
    return view;
  };

  app.get('/v1/payments/sandbox/payouts/:payoutId', {
    schema: {
      tags: ['payments'], summary: 'The sandbox gateway\'s page for a refund payout (HTML; public)',
      description: 'Read from the event log itself, so always current: minPosition is accepted and needs no wait.',
      params: payoutParams, querystring: z.object({ minPosition: minPositionParam }).strict(),
    },
  }, async (request, reply) => {
    await checkMinPosition(deps, request.query.minPosition);
    return reply.type('text/html; charset=utf-8').send(sandboxPayoutPage(await payoutOf(request.params.payoutId), null));
  });

  app.post('/v1/payments/sandbox/payouts/:payoutId/:outcome', {
    schema: { tags: ['payments'], summary: 'Pay out or fail the payout in the sandbox: the gateway signs and delivers its notification (HTML; public)', params: outcomeParams },
  }, async (request, reply) => {
    const payout = await payoutOf(request.params.payoutId);
    // The gateway books the payout's end first (as a provider would), so a lost notification can still be queried.
    const ended = await ledger.end(payout.id, request.params.outcome === 'confirm' ? 'paid' : 'failed', payout.amount, deps.clock.now());
    if (ended.outcome === 'cancelled') {
      return reply.status(409).type('text/html; charset=utf-8').send(sandboxPayoutPage(payout, 'The gateway cancelled this payout at the lender\'s request; nothing was paid.'));
    }
    const signed = sandboxPayoutNotification(keys.privateKey, { payoutId: payout.id, amount: ended.amount, outcome: ended.outcome }, deps.clock.now());
    const delivered = await scope.inject({ method: 'POST', url: '/v1/payments/payout-notify/sandbox', headers: signed.headers, payload: signed.body });
    const message = delivered.statusCode === 200 ? 'The lender acknowledged the notification.' : `The lender refused the notification: ${delivered.statusCode} ${delivered.body}`;
    return reply.status(delivered.statusCode === 200 ? 200 : 502).type('text/html; charset=utf-8').send(sandboxPayoutPage(await payoutOf(payout.id), message));
  });
};
