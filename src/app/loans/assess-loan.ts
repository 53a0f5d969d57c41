import type { LoanState } from '../../domain/loan/state.js';
import { assessCredit } from '../../domain/risk/assess.js';
import { DEFAULT_SCORECARD } from '../../domain/risk/scorecard.js';
import { businessDateAt } from '../business-date.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { existingLoan, loadCustomer, loanStream } from '../streams.js';
import { gatherCreditInput } from './credit-inputs.js';
import { runLoanCommand } from './run-loan-command.js';

/**
 * Scores the application with the default scorecard and records the explained result (CreditAssessed),
 * dated the business date its facts speak for (assessedOn): the KYC's age and the new installment are
 * counted to it, and its business time is that day.
 */
export async function assessLoan(services: AppServices, meta: CommandMeta, loanId: string): Promise<CommandOutcome> {
  const loan = await existingLoan(services.eventStore, loanId);
  const customer = await loadCustomer(services.eventStore, loan.customerId ?? '');
  const date = await assessedOn(services, loanId, loan);
  const input = await gatherCreditInput(services.readStore, customer, loan, date);
  const assessment = assessCredit(input, DEFAULT_SCORECARD);
  const { outcome } = await runLoanCommand(services, meta, loanId, { type: 'RecordAssessment', data: { assessment, date } }, occurredAtFor(services, date));
  return outcome;
}

/**
 * The business date an assessment speaks for: today for an application made live, the application's
 * own date for one keyed in late — recorded on a later business date than the one it is dated, its
 * approval and disbursement dated back there too — so the assessment is not stamped after the approval
 * it precedes (it was stamped today, the loan then read as assessed after it was approved and paid out,
 * and its summary as of today before any close). Never after today: the pipeline refuses that.
 */
async function assessedOn(services: AppServices, loanId: string, loan: LoanState): Promise<string> {
  const today = businessToday(services);
  const submittedOn = loan.submittedOn;
  if (submittedOn === null || submittedOn >= today) return today;
  const [application] = await services.eventStore.readStream(loanStream(loanId), { maxCount: 1 });
  const recordedOn = application === undefined ? today : businessDateAt(new Date(application.recordedAt), services.clock.timeZone);
  return recordedOn > submittedOn ? submittedOn : today;
}
