import { z } from 'zod';
import { dateRefusal, isValidDate } from '../../domain/calendar.js';
import { amountRefusal } from '../../domain/money.js';
import { PROBLEM_CODE_PARAM } from '../problem-code-param.js';
import { freeText, TEXT_LIMITS } from './free-text.js';

/**
 * Amount text by the one money rule (src/domain/money.ts amountRefusal): a refusal is an issue
 * carrying its own problem code (INVALID_AMOUNT, NEGATIVE_AMOUNT), which the problem mapper answers
 * instead of VALIDATION_FAILED, naming the field. Precision needs the currency, so the domain checks
 * it (AMOUNT_TOO_PRECISE) before any rule of the loan's state. `x-amount` in the OpenAPI document
 * marks every amount field (positive or non-negative), so a test can send bad amounts to each.
 */
function amountText(allowZero: boolean) {
  return z
    .string()
    .superRefine((text, ctx) => {
      const refusal = amountRefusal(text, { allowZero });
      if (refusal) ctx.addIssue({ code: 'custom', message: refusal.reason, params: { [PROBLEM_CODE_PARAM]: refusal.code } });
    })
    .meta({ 'x-amount': allowZero ? 'non-negative' : 'positive' });
}

/**
 * Building blocks shared by the command schemas. Amounts and rates are decimal strings (a JS
 * number would round them). An amount is greater than zero unless the field says otherwise.
 */
export const decimalAmount = amountText(false)
  .meta({ description: 'Amount greater than zero as a decimal string, at most the currency\'s minor unit', example: '1500.00' });

/** An amount that may be zero (an income, a cap). */
export const decimalAmountOrZero = amountText(true)
  .meta({ description: 'Amount (zero or more) as a decimal string, at most the currency\'s minor unit', example: '1500.00' });

export const percentRate = z
  .string()
  .regex(/^(0|[1-9]\d{0,2})(\.\d{1,8})?$/, 'expected a percentage as a decimal string such as "12" or "7.25"')
  .meta({ description: 'Percent per year as a decimal string: "12" means 12 %', example: '12' });

/**
 * A date from outside: YYYY-MM-DD (else 400 VALIDATION_FAILED), a real day (2026-02-30 is
 * VALIDATION_FAILED too) in the years 1900–9999 (else 400 INVALID_DATE, as the commands refuse
 * it: a trial balance as of 1899-12-31 answered an empty book, and a holiday in the year 1000 was
 * recorded).
 */
export const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isValidDate, 'not a real calendar date')
  .superRefine((date, ctx) => {
    const refusal = isValidDate(date) ? dateRefusal(date) : null;
    if (refusal) ctx.addIssue({ code: 'custom', message: refusal, params: { [PROBLEM_CODE_PARAM]: 'INVALID_DATE' } });
  })
  .meta({ description: 'Business date, YYYY-MM-DD, in the years 1900–9999', example: '2026-03-15' });

export const entityId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'expected 1–64 characters of letters, digits, . _ : -')
  .meta({ description: 'Entity id; a UUIDv7 is generated when a create request brings none', example: '0193e0a2-7b3c-7d41-9a5e-2f6c1b9e4d10' });

export const channel = z
  .enum(['online', 'bank_transfer', 'alipay', 'wechat'])
  .meta({ description: 'Payment channel', example: 'alipay' });

/** How a refund left: a payment channel, or `cash` handed over at a counter (the admin's refund decree only). */
export const refundChannel = z
  .enum(['online', 'bank_transfer', 'alipay', 'wechat', 'cash'])
  .meta({ description: 'Refund channel: a payment channel, or cash (the admin\'s decree only)', example: 'cash' });

const REFERENCE_CHARACTERS = /^[A-Za-z0-9._:/-]{1,100}$/;
const REFERENCE_CHARACTERS_MESSAGE = 'expected 1–100 characters of letters, digits, . _ : / -';

/**
 * A reference being recorded: its characters, and not only dots — it is a path segment of its own
 * reversal route, and every browser and fetch client drops a `.` or `..` segment (QA 10 R2).
 */
export const reference = z
  .string()
  .regex(REFERENCE_CHARACTERS, REFERENCE_CHARACTERS_MESSAGE)
  .refine((value) => !/^\.+$/.test(value), 'a reference made only of dots cannot be addressed in a URL (…/repayments/:reference/reversal); use letters or digits')
  .meta({ description: 'The channel\'s transaction reference; unique per loan, a replay applies nothing twice; not only dots', example: 'ALP-20260315-000123' });

/** A recorded reference in a path: the characters only, so one recorded before the dot rule stays reachable by a client that keeps dot segments. */
export const referenceParam = z
  .string()
  .regex(REFERENCE_CHARACTERS, REFERENCE_CHARACTERS_MESSAGE)
  .meta({ description: 'The reference the payment was recorded under (URL-encoded)', example: 'ALP-20260315-000123' });

export const reason = freeText(TEXT_LIMITS.reason).meta({ description: 'Why, in words, for the audit trail', example: 'Customer requested' });

export const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);

export const idParams = z.object({ id: entityId }).strict();

/** Present on every command route, for the OpenAPI document; the values are checked in command-request.ts. */
export const commandHeaders = z
  .object({
    'if-match': z.string().optional().meta({ description: 'Stream revision the client last saw: the command runs only at that revision (409 otherwise); * runs it at any revision of an existing entity. One revision, not a list', example: '"3"' }),
    'idempotency-key': z.string().optional().meta({ description: 'Repeat a request safely: the same body answers with the first result, another body with 422. The key is the caller\'s own: the same key from another user or client is another request', example: 'a6f1c2d0-retry-1' }),
  })
  .loose();

export const commandResponse = z
  .object({
    id: z.string(),
    revision: z.string().meta({ description: 'Revision of the entity\'s stream after the command; send it as If-Match', example: '4' }),
    position: z.string().meta({ description: 'Global log position; pass as ?minPosition= on a query to read your write', example: '1289' }),
  })
  .meta({ description: 'Where the command left the entity and the log' });

export type CommandResponse = z.infer<typeof commandResponse>;
