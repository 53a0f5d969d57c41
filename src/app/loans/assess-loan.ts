import { assessCredit } from '../../domain/risk/assess.js';
import { DEFAULT_SCORECARD } from '../../domain/risk/scorecard.js';
import { sealPii } from '../customers/seal-pii.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { existingLoan, loadCustomer } from '../streams.js';
import { gatherCreditInput } from './credit-inputs.js';
import { runLoanCommand } from './run-loan-command.js';

/**
 * Scores the application with the default scorecard and records the explained result
 * (CreditAssessed v2). The income the scorecard saw is personal information that erasure must leave
 * unreadable (PIPL art. 4, 47), so it is sealed with the customer's key once the pure scoring is
 * done; score, grade, decision, ratio and reasons stay in clear. 422 KYC_NOT_SUBMITTED without KYC,
 * 409 CUSTOMER_ERASED once the customer's key is destroyed.
 */
export async function assessLoan(services: AppServices, meta: CommandMeta, loanId: string): Promise<CommandOutcome> {
  const loan = await existingLoan(services.eventStore, loanId);
  const customer = await loadCustomer(services.eventStore, loan.customerId ?? '');
  const input = await gatherCreditInput(services.readStore, services.vault, customer, loan, businessToday(services));
  const scored = assessCredit(input, DEFAULT_SCORECARD);
  const monthlyIncome = await sealPii(services, loan.customerId ?? '', scored.inputs.monthlyIncome);
  const assessment = { ...scored, inputs: { ...scored.inputs, monthlyIncome } };
  const { outcome } = await runLoanCommand(services, meta, loanId, { type: 'RecordAssessment', data: { assessment } }, occurredAtFor(services));
  return outcome;
}
