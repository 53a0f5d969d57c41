import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cancelPayout } from '../../../app/payouts/cancel-payout.js';
import { queryPayout } from '../../../app/payouts/check-payout.js';
import type { PayoutChannels } from '../../../payments/payouts/payout-channel.js';
import type { AppDeps } from '../../deps.js';
import { idParams } from '../../schemas/common.js';
import { payoutCancellationBody, payoutCheckResponse, payoutStatusQueryBody } from '../../schemas/payouts.js';
import { admit, checkRoleBeforeValidation } from '../commands/access.js';
import { commandMeta } from '../commands/command-request.js';

/**
 * Following up a refund payout left pending: an officer asks the provider where it stands, or
 * cancels it so its credit can be paid again. What the provider says is recorded through the path
 * its notification takes, so a refund is recorded once per reference however it is learnt.
 */
export const payoutFollowUpRoutes: FastifyPluginAsync<{ deps: AppDeps; channels: PayoutChannels }> = async (scope, { deps, channels }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  checkRoleBeforeValidation(scope);

  app.post('/v1/payouts/:id/status-query', {
    config: { policy: 'payments.queryPayout' },
    schema: {
      tags: ['payments'],
      summary: 'Ask the provider where a payout stands (Alipay common.query, WeChat Pay bill query, the sandbox gateway) and record its answer like a notification (officer)',
      params: idParams, body: payoutStatusQueryBody, response: { 200: payoutCheckResponse },
    },
  }, async (request) => {
    const actor = await admit(request, 'payments.queryPayout', deps.eventStore);
    return queryPayout(deps, channels, commandMeta(request, actor, 'payments.queryPayout'), request.params.id);
  });

  app.post('/v1/payouts/:id/cancellation', {
    config: { policy: 'payments.cancelPayout' },
    schema: {
      tags: ['payments'],
      summary: 'Cancel a pending payout so its credit can be paid again: through the provider where it cancels (WeChat Pay, sandbox), else only once a query shows it never paid (officer)',
      params: idParams, body: payoutCancellationBody, response: { 200: payoutCheckResponse },
    },
  }, async (request) => {
    const actor = await admit(request, 'payments.cancelPayout', deps.eventStore);
    return cancelPayout(deps, channels, commandMeta(request, actor, 'payments.cancelPayout'), request.params.id, request.body.reason);
  });
};
