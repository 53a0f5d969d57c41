import { openPaymentChannels } from '../../../payments/open-channels.js';
import { openPayoutChannels } from '../../../payments/payouts/open-payout-channels.js';
import type { ApiPlugin } from '../../deps.js';
import { bankTransferRoutes } from './bank-transfers.js';
import { paymentIntentRoutes } from './payment-intents.js';
import { paymentNotificationRoutes } from './payment-notifications.js';
import { payoutFollowUpRoutes } from './payout-follow-up.js';
import { payoutNotificationRoutes } from './payout-notifications.js';
import { reconciliationReportRoutes } from './reconciliation-report.js';
import { refundPayoutRoutes } from './refund-payouts.js';
import { sandboxGatewayRoutes } from './sandbox-gateway.js';
import { sandboxPayoutGatewayRoutes } from './sandbox-payout-gateway.js';

/** Payments through channels: intents, provider notifications, bank transfers, refund payouts, and the sandbox gateway when it is on. */
export const paymentRoutes: ApiPlugin = async (scope, { deps }) => {
  const { channels, sandbox } = await openPaymentChannels(deps.config, () => deps.clock.now());
  await scope.register(paymentIntentRoutes, { deps, channels });
  await scope.register(paymentNotificationRoutes, { deps, channels });
  await scope.register(bankTransferRoutes, { deps });
  await scope.register(reconciliationReportRoutes, { deps });
  const payouts = await openPayoutChannels(deps.config, sandbox, () => deps.clock.now());
  await scope.register(refundPayoutRoutes, { deps, channels: payouts });
  await scope.register(payoutNotificationRoutes, { deps, channels: payouts });
  await scope.register(payoutFollowUpRoutes, { deps, channels: payouts });
  if (sandbox !== null) {
    await scope.register(sandboxGatewayRoutes, { deps, keys: sandbox });
    await scope.register(sandboxPayoutGatewayRoutes, { deps, keys: sandbox });
  }
};
