import { customerDecider } from '../../domain/customer/decider.js';
import { Money } from '../../domain/money.js';
import { occurredAtFor, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { customerStream } from '../streams.js';
import { sealPii } from './seal-pii.js';

export interface SubmitKycInput {
  /** Net monthly income, a decimal string in INCOME_CURRENCY (zero allowed). */
  monthlyIncome: string;
  employer: string;
  employmentMonths: number;
  bankAccount: string;
}

export interface KycDecisionInput {
  decision: 'verified' | 'rejected';
  reason?: string | null;
}

/** Income is declared in the lender's own currency (a customer has no product or loan currency yet). */
const INCOME_CURRENCY = 'CNY';

/**
 * Records the borrower's KYC facts. Income, employer and bank account are personal information
 * (PIPL art. 4) that erasure must leave unreadable (art. 47), so they are sealed with the customer's
 * key before the command is built; the income is checked first, while it is still in clear: 400
 * INVALID_AMOUNT or NEGATIVE_AMOUNT whatever the customer's state. 409 CUSTOMER_ERASED once erased.
 */
export async function submitKyc(services: AppServices, meta: CommandMeta, customerId: string, input: SubmitKycInput): Promise<CommandOutcome> {
  Money.parse(input.monthlyIncome, INCOME_CURRENCY, { allowZero: true, field: 'monthlyIncome' });
  const monthlyIncome = await sealPii(services, customerId, input.monthlyIncome);
  const employer = await sealPii(services, customerId, input.employer);
  const bankAccount = await sealPii(services, customerId, input.bankAccount);
  const submittedAt = occurredAtFor(services);
  const { outcome } = await runCommand(services, {
    id: customerId,
    streamId: customerStream(customerId),
    decider: customerDecider,
    command: { type: 'SubmitKyc', data: { monthlyIncome, employer, employmentMonths: input.employmentMonths, bankAccount, submittedAt, submittedBy: meta.actor.sub } },
    meta,
    occurredAt: submittedAt,
  });
  return outcome;
}

/** Verifies or rejects submitted KYC, recording who decided; a rejection needs a reason; 422 KYC_FOUR_EYES when the decider registered the customer or submitted the KYC. */
export async function decideKyc(services: AppServices, meta: CommandMeta, customerId: string, input: KycDecisionInput): Promise<CommandOutcome> {
  const decidedAt = occurredAtFor(services);
  const { outcome } = await runCommand(services, {
    id: customerId,
    streamId: customerStream(customerId),
    decider: customerDecider,
    command: { type: 'DecideKyc', data: { decision: input.decision, reason: input.reason ?? null, decidedBy: meta.actor.sub, decidedAt } },
    meta,
    occurredAt: decidedAt,
  });
  return outcome;
}
