import { customerDecider } from '../../domain/customer/decider.js';
import { occurredAtFor, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { customerStream } from '../streams.js';
import { sealPii } from './seal-pii.js';

export interface SubmitKycInput {
  monthlyIncome: string;
  employer: string;
  employmentMonths: number;
  bankAccount: string;
}

export interface KycDecisionInput {
  decision: 'verified' | 'rejected';
  reason?: string | null;
}

/** Records the borrower's KYC facts; the bank account is sealed before the command is built. */
export async function submitKyc(services: AppServices, meta: CommandMeta, customerId: string, input: SubmitKycInput): Promise<CommandOutcome> {
  const bankAccount = await sealPii(services, customerId, input.bankAccount);
  const submittedAt = occurredAtFor(services);
  const { outcome } = await runCommand(services, {
    id: customerId,
    streamId: customerStream(customerId),
    decider: customerDecider,
    command: { type: 'SubmitKyc', data: { ...input, bankAccount, submittedAt, submittedBy: meta.actor.sub } },
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
