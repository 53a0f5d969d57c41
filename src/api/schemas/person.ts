import { z } from 'zod';
import { nationalMobile } from '../../domain/customer/mainland-mobile.js';
import { residentIdProblem } from '../../domain/customer/resident-id.js';
import { freeText, TEXT_LIMITS } from './free-text.js';

/** A person's full name: free text (see freeText), at most 100 characters. */
export const personName = freeText(TEXT_LIMITS.name).meta({ description: 'Full name (sealed by the vault before it is stored)', example: '张三' });

/**
 * A mainland mobile number: 11 digits starting 13–19, optionally after +86 / 86 / 0086; spaces,
 * hyphens, dots and brackets between digits are allowed (`+86 138-1234-1234`). Kept in its
 * 11-digit national form (see nationalMobile), so one phone is one value however it was typed.
 */
export const mainlandMobile = z
  .string()
  .max(20)
  .refine((phone) => nationalMobile(phone) !== null, 'expected a mainland mobile number such as 13812341234 or +86 138 1234 1234')
  .overwrite((phone) => nationalMobile(phone) ?? phone)
  .meta({ description: 'Mainland mobile number (sealed), stored in its 11-digit national form', example: '13812341234' });

/** What kind of document `nationalId` is: only a mainland resident identity number is checked beyond its characters. */
export const nationalIdType = z
  .enum(['cn_resident', 'passport', 'other'])
  .meta({ description: 'cn_resident: checked as a GB 11643-1999 resident identity number (18 characters, check digit, birth date, region); otherwise only letters, digits, spaces and hyphens. Not stored.', example: 'cn_resident' });

export const nationalId = z
  .string()
  .normalize('NFKC')
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z -]{0,39}$/, 'expected 1–40 letters, digits, spaces or hyphens')
  .meta({ description: 'National id number (sealed); unique among customers (409 NATIONAL_ID_TAKEN)', example: '11010519491231002X' });

/** Refines a body holding `nationalId` and optional `nationalIdType`: a `cn_resident` id must be a valid resident identity number. */
export function checkNationalId(body: { nationalId: string; nationalIdType?: 'cn_resident' | 'passport' | 'other' | undefined }, ctx: z.RefinementCtx): void {
  if (body.nationalIdType !== 'cn_resident') return;
  const problem = residentIdProblem(body.nationalId);
  if (problem !== null) ctx.addIssue({ code: 'custom', path: ['nationalId'], message: `not a resident identity number: ${problem}` });
}
