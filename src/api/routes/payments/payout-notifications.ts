import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptPayoutNotification } from '../../../app/payouts/accept-payout-notification.js';
import { configuredPayoutChannel } from '../../../app/payouts/start-refund-payout.js';
import type { PayoutChannels } from '../../../payments/payouts/payout-channel.js';
import type { AppDeps } from '../../deps.js';
import { payoutNotifyParams } from '../../schemas/payouts.js';

/**
 * POST /v1/payments/payout-notify/:channel — public, trusting only the channel's signature, like
 * payment notifications: the exact body text is verified; the acknowledgement goes out only after
 * the payout is settled (and the refund recorded); any refusal is problem+json and records nothing.
 */
export const payoutNotificationRoutes: FastifyPluginAsync<{ deps: AppDeps; channels: PayoutChannels }> = async (scope, { deps, channels }) => {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.post('/v1/payments/payout-notify/:channel', {
    schema: { tags: ['payments'], summary: 'A provider\'s asynchronous payout (transfer) notification (public; signature verified; Alipay alipay.fund.trans.order.changed form, WeChat Pay v3 JSON, sandbox JSON)', params: payoutNotifyParams },
  }, async (request, reply) => {
    const channel = configuredPayoutChannel(channels, request.params.channel);
    const body = typeof request.body === 'string' ? request.body : '';
    const n = await acceptPayoutNotification(deps, channel, { headers: request.headers, body }, request.id);
    request.log.info({ channel: channel.name, payoutId: n.payoutId, channelReference: n.channelReference, status: n.status }, 'payout notification recorded');
    const ack = channel.acknowledgement ?? { contentType: 'application/json; charset=utf-8', body: '{"code":"SUCCESS"}' };
    return reply.status(200).type(ack.contentType).send(ack.body);
  });
};
