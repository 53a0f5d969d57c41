import type { Channel } from '../../domain/loan/events.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { lenderWorkingCalendar } from '../working-days/lender-calendar.js';
import { runLoanCommand } from './run-loan-command.js';

export interface DisbursementInput {
  effectiveDate?: string;
  channel: Channel;
}

/** Pays out an approved loan once, on the effective date (today by default), fixing its schedule. */
export async function disburseLoan(services: AppServices, meta: CommandMeta, loanId: string, input: DisbursementInput): Promise<CommandOutcome> {
  const effectiveDate = input.effectiveDate ?? businessToday(services);
  // The lender's working days, as the quote reads them: the schedule's due dates follow the product's rule on them.
  const calendar = await lenderWorkingCalendar(services.eventStore);
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'Disburse', data: { effectiveDate, channel: input.channel, calendar },
  }, occurredAtFor(services, effectiveDate));
  return outcome;
}
