import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PAYOUT_RECONCILIATION_PROJECTION } from '../../../projections/models/payments/payout-reconciliation.js';
import { RECONCILIATION_PROJECTION } from '../../../projections/models/payments/reconciliation.js';
import { paymentReconciliation, RECONCILIATION_COLUMNS } from '../../../reports/payment-reconciliation.js';
import type { ApiPlugin } from '../../deps.js';
import { channel } from '../../schemas/common.js';
import { paymentReconciliationResponse } from '../../schemas/payment-views.js';
import { businessDate, guard, reportFormat, sendReport, today } from '../queries/query-schemas.js';
import { awaitProjections, minPositionParam } from '../queries/read-your-writes.js';

/** GET /v1/reports/payments/reconciliation — per channel, direction, currency and day: money in (confirmed vs recorded repayments) and money out (payouts vs recorded refunds) with every difference; CSV lists every row. */
export const reconciliationReportRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get('/v1/reports/payments/reconciliation', {
    preValidation: guard('reports.paymentReconciliation'),
    schema: {
      tags: ['reports'],
      summary: 'Payment reconciliation for a day (default today), per channel, direction and currency (never summed across currencies): repayments confirmed vs recorded, refund payouts confirmed vs RefundIssued',
      querystring: z.object({ date: businessDate.optional(), channel: channel.optional(), format: reportFormat, minPosition: minPositionParam }).strict(),
      response: { 200: paymentReconciliationResponse },
    },
  }, async (request, reply) => {
    await awaitProjections(deps, [RECONCILIATION_PROJECTION, PAYOUT_RECONCILIATION_PROJECTION], request.query.minPosition);
    const date = request.query.date ?? today(deps.clock.now());
    const { rows, channels } = await paymentReconciliation(deps.readStore, date, request.query.channel);
    return sendReport(reply, request.query.format, `payment-reconciliation-${date}`, { rows, columns: RECONCILIATION_COLUMNS }, { date, channels });
  });
};
