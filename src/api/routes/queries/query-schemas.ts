import { businessDateAt } from '../../../app/business-date.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dateRefusal, isValidDate } from '../../../domain/calendar.js';
import { PROBLEM_CODE_PARAM } from '../../problem-code-param.js';
import { toCsv, type CsvColumn } from '../../../reports/csv.js';
import { authorize } from '../../auth/authorize.js';
import { HttpError } from '../../http-error.js';
import type { RouteId } from '../../auth/policy.js';

/** Roles are checked before validation, so a caller without the right role learns nothing about the route's inputs. */
export function guard(route: RouteId) {
  return async (request: FastifyRequest): Promise<void> => {
    authorize(request, route);
  };
}

export { businessDate, idParams } from '../../schemas/common.js';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with its offset (2026-03-15T12:00:00Z), normalised to UTC milliseconds; Date.parse alone would roll 02-30 over. */
export const instant = z
  .string()
  .refine((s) => {
    const match = INSTANT.exec(s);
    return match !== null && isValidDate(match[1] ?? '') && !Number.isNaN(Date.parse(s));
  }, 'expected an ISO-8601 time with offset, e.g. 2026-03-15T12:00:00Z')
  .superRefine((s, ctx) => {
    const date = INSTANT.exec(s)?.[1];
    const refusal = date !== undefined && isValidDate(date) ? dateRefusal(date) : null;
    if (refusal) ctx.addIssue({ code: 'custom', message: refusal, params: { [PROBLEM_CODE_PARAM]: 'INVALID_DATE' } });
  })
  .transform((s) => new Date(s).toISOString());

export const reportFormat = z.enum(['json', 'csv']).default('json');

/** The business date of the server clock in the lender's time zone: the default for `asOf` and `date`. */
export const today = (now: Date, timeZone?: string): string => businessDateAt(now, timeZone);

/**
 * A report's or a replay's as-of date, refused when after the business date (422
 * DATE_AFTER_BUSINESS_DATE, as a command's date is): the read models and the log know nothing of
 * tomorrow, so a figure dated then would be today's book, or a forecast, shown as that day's.
 */
export function asOfNotAfterToday(date: string, field: string, now: Date, timeZone?: string): string {
  const businessDate = today(now, timeZone);
  if (date > businessDate) throw new HttpError(422, 'DATE_AFTER_BUSINESS_DATE', `${field} ${date} is after the business date ${businessDate}`);
  return date;
}

/** Sends rows as RFC 4180 CSV with a download name, or the JSON body as is. */
export function sendReport<R extends object>(
  reply: FastifyReply,
  format: 'json' | 'csv',
  name: string,
  csv: { rows: readonly R[]; columns: readonly CsvColumn<R>[] },
  json: unknown,
): FastifyReply {
  if (format === 'json') return reply.send(json);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(toCsv(csv.rows, csv.columns));
}
