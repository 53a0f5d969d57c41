import { businessDate, guard } from '../queries/query-schemas.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { businessDateAt, DEFAULT_TIME_ZONE } from '../../../app/business-date.js';
import { DomainError } from '../../../domain/errors.js';
import { runCloseOfBusiness } from '../../../eod/close-of-business.js';
import { ensureRunRecords } from '../../../eod/run-record.js';
import { authorize } from '../../auth/authorize.js';
import type { ApiPlugin } from '../../deps.js';

const body = z
  .object({
    date: businessDate.meta({ example: '2026-03-31' }),
    force: z.boolean().optional().describe('close a date earlier than the last completed close'),
  })
  .strict();

const report = z.object({
  date: z.string(),
  datesClosed: z.array(z.string()).describe('every business date closed by this call, oldest first (missed days included)'),
  loansScanned: z.number().int(),
  loansChanged: z.number().int(),
  eventsAppended: z.number().int(),
  durationMs: z.number(),
  position: z.string().nullable().describe('global position of the last event appended; pass as minPosition to read your writes'),
}).meta({ example: { date: '2026-03-31', datesClosed: ['2026-03-31'], loansScanned: 1200, loansChanged: 1180, eventsAppended: 1230, durationMs: 240, position: '48211' } });

/** `POST /v1/operations/close-of-business`: closes the business day for the whole book and reports what changed. */
export const closeOfBusinessRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  // Created at start, never beside a busy projector on the first close.
  await ensureRunRecords(deps.readStore);
  app.post('/v1/operations/close-of-business', {
    // Before the body is validated: a role that may not close the business is refused whatever it sends (qa16 D2).
    preValidation: guard('operations.closeOfBusiness'),
    schema: {
      tags: ['operations'],
      summary: 'Close of business: accrual, overdue detection, penalties and classification for every loan due',
      description: 'Admin only. The date may not be after today\'s business date (422 DATE_AFTER_BUSINESS_DATE). Idempotent per date (a second call appends nothing) and resumable after a crash; days missed since the last close are closed first. 409 for a date before the last close unless `force`.',
      body,
      response: { 200: report },
    },
  }, async (request) => {
    const actor = authorize(request, 'operations.closeOfBusiness');
    try {
      const report = await runCloseOfBusiness({
        eventStore: deps.eventStore, readStore: deps.readStore, actor,
        date: request.body.date, force: request.body.force ?? false,
        businessDate: businessDateAt(deps.clock.now(), deps.clock.timeZone),
        ...(deps.clock.timeZone ? { timeZone: deps.clock.timeZone } : {}),
      });
      deps.operations?.closeOfBusinessRan({
        businessDate: report.date, timeZone: deps.clock.timeZone ?? DEFAULT_TIME_ZONE, durationSeconds: report.durationMs / 1000,
        loans: report.loansScanned, events: report.eventsAppended,
      });
      return report;
    } catch (error) {
      if (!(error instanceof DomainError)) deps.operations?.closeOfBusinessFailed();
      throw error;
    }
  });
};
