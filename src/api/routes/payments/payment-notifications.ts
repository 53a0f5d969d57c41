import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptNotification } from '../../../app/payments/accept-notification.js';
import { configuredChannel } from '../../../app/payments/create-payment-intent.js';
import type { PaymentChannels } from '../../../payments/channel.js';
import type { AppDeps } from '../../deps.js';
import { notifyParams } from '../../schemas/payments.js';

/**
 * POST /v1/payments/notify/:channel — public (providers carry no bearer token) and trusting only
 * the channel's signature. The body is kept as the exact text received, whatever its content type,
 * because signatures cover the bytes. The provider's expected acknowledgement goes out only after
 * the payment is recorded; any refusal is problem+json and records nothing.
 */
export const paymentNotificationRoutes: FastifyPluginAsync<{ deps: AppDeps; channels: PaymentChannels }> = async (scope, { deps, channels }) => {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.post('/v1/payments/notify/:channel', {
    schema: {
      tags: ['payments'],
      summary: 'A payment provider\'s asynchronous notification (public; signature verified; Alipay form, WeChat Pay v3 JSON, sandbox JSON)',
      params: notifyParams,
    },
  }, async (request, reply) => {
    const channel = configuredChannel(channels, request.params.channel);
    const body = typeof request.body === 'string' ? request.body : '';
    const { notification } = await acceptNotification(deps, channel, { headers: request.headers, body }, request.id);
    request.log.info({ channel: channel.name, intentId: notification.intentId, providerTxnId: notification.providerTxnId, status: notification.status }, 'payment notification recorded');
    return reply.status(200).type(channel.acknowledgement.contentType).send(channel.acknowledgement.body);
  });
};
