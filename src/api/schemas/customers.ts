import { z } from 'zod';
import { decimalAmount, entityId, reason, wholeNumber } from './common.js';

const pii = (description: string, example: string, max = 200) => z.string().trim().min(1).max(max).meta({ description, example });

export const registerCustomerBody = z
  .object({
    customerId: entityId.optional(),
    name: pii('Full name (sealed by the vault before it is stored)', '张三'),
    nationalId: pii('National id number (sealed)', '110105199001011234', 40),
    phone: z.string().regex(/^\+?[0-9 -]{5,20}$/, 'expected a phone number').meta({ description: 'Phone (sealed)', example: '13812341234' }),
    email: z.email().max(200).optional().meta({ description: 'E-mail (sealed)', example: 'zhang.san@example.com' }),
  })
  .strict()
  .meta({ description: 'A borrower registers itself (customerId must be its token\'s) or an officer registers one' });

export const submitKycBody = z
  .object({
    monthlyIncome: decimalAmount.meta({ description: 'Net monthly income', example: '12000.00' }),
    employer: z.string().trim().min(1).max(200).meta({ example: 'Acme Ltd' }),
    employmentMonths: wholeNumber(0, 1200).meta({ description: 'Months with the current employer', example: 30 }),
    bankAccount: z.string().regex(/^[0-9 ]{8,34}$/, 'expected 8–34 digits').meta({ description: 'Account for disbursement (sealed)', example: '6222020200112345678' }),
  })
  .strict();

export const kycDecisionBody = z
  .object({
    decision: z.enum(['verified', 'rejected']),
    reason: reason.optional().meta({ description: 'Required when rejecting' }),
  })
  .strict();

export const erasureBody = z.object({ reason: reason.optional() }).strict().nullish();
