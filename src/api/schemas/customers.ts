import { z } from 'zod';
import { BANK_ACCOUNT, BANK_ACCOUNT_MESSAGE } from '../../domain/customer/bank-account.js';
import { decimalAmountOrZero, entityId, reason, wholeNumber } from './common.js';
import { freeText, TEXT_LIMITS } from './free-text.js';
import { checkNationalId, mainlandMobile, nationalId, nationalIdType, personName } from './person.js';

export const registerCustomerBody = z
  .object({
    customerId: entityId.optional(),
    name: personName,
    nationalId,
    nationalIdType: nationalIdType.optional(),
    phone: mainlandMobile,
    email: z.email().max(200).optional().meta({ description: 'E-mail (sealed)', example: 'zhang.san@example.com' }),
  })
  .strict()
  .superRefine(checkNationalId)
  .meta({ description: 'A borrower registers itself (customerId must be its token\'s) or an officer registers one' });

export const submitKycBody = z
  .object({
    monthlyIncome: decimalAmountOrZero.meta({ description: 'Net monthly income', example: '12000.00' }),
    employer: freeText(TEXT_LIMITS.employer).meta({ example: 'Acme Ltd' }),
    employmentMonths: wholeNumber(0, 1200).meta({ description: 'Months with the current employer', example: 30 }),
    bankAccount: z.string().regex(BANK_ACCOUNT, BANK_ACCOUNT_MESSAGE)
      .meta({ description: 'Account for disbursement (sealed): 8–34 digits, spaces allowed between them, 64 characters at most', example: '6222020200112345678' }),
  })
  .strict();

export const kycDecisionBody = z
  .object({
    decision: z.enum(['verified', 'rejected']),
    reason: reason.optional().meta({ description: 'Required when rejecting' }),
  })
  .strict();

export const erasureBody = z.object({ reason: reason.optional() }).strict().nullish();
