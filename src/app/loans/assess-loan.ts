import { assessCredit } from '../../domain/risk/assess.js';
import { DEFAULT_SCORECARD } from '../../domain/risk/scorecard.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { existingLoan, loadCustomer } from '../streams.js';
import { gatherCreditInput } from './credit-inputs.js';
import { runLoanCommand } from './run-loan-command.js';

/** Scores the application with the default scorecard and records the explained result (CreditAssessed). */
export async function assessLoan(services: AppServices, meta: CommandMeta, loanId: string): Promise<CommandOutcome> {
  const loan = await existingLoan(services.eventStore, loanId);
  const customer = await loadCustomer(services.eventStore, loan.customerId ?? '');
  const input = await gatherCreditInput(services.readStore, services.vault, customer, loan, businessToday(services));
  const assessment = assessCredit(input, DEFAULT_SCORECARD);
  const { outcome } = await runLoanCommand(services, meta, loanId, { type: 'RecordAssessment', data: { assessment } }, occurredAtFor(services));
  return outcome;
}
