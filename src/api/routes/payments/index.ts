import { openPaymentChannels } from '../../../payments/open-channels.js';
import type { ApiPlugin } from '../../deps.js';
import { bankTransferRoutes } from './bank-transfers.js';
import { paymentIntentRoutes } from './payment-intents.js';
import { paymentNotificationRoutes } from './payment-notifications.js';
import { reconciliationReportRoutes } from './reconciliation-report.js';
import { sandboxGatewayRoutes } from './sandbox-gateway.js';

/** Payments through channels: intents, provider notifications, bank transfers, and the sandbox gateway when it is on. */
export const paymentRoutes: ApiPlugin = async (scope, { deps }) => {
  const { channels, sandbox } = await openPaymentChannels(deps.config, () => deps.clock.now());
  await scope.register(paymentIntentRoutes, { deps, channels });
  await scope.register(paymentNotificationRoutes, { deps, channels });
  await scope.register(bankTransferRoutes, { deps });
  await scope.register(reconciliationReportRoutes, { deps });
  if (sandbox !== null) await scope.register(sandboxGatewayRoutes, { deps, keys: sandbox });
};
