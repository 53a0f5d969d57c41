import { processLoanDecider } from '../loans/loan-decider.js';
import type { Channel } from '../../domain/loan/events.js';
import { knownPayment } from '../../domain/loan/payment-book.js';
import type { LoanState } from '../../domain/loan/state.js';
import { DomainError } from '../../domain/errors.js';
import { refusingErasedBorrower } from '../customers/erased-borrower.js';
import { receiveRecovery, receiveRepayment } from '../loans/collect-payment.js';
import { businessToday, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { requireOnOrBeforeBusinessDate } from '../business-date.js';
import { loadLoan } from '../streams.js';

/** Money a channel (provider notification, bank statement line) reports as arrived for a loan. */
export interface ChannelMoney {
  amount: string;
  channel: Channel;
  /** The channel's own id for it (provider transaction id, bank txn id): recorded once. */
  reference: string;
  effectiveDate: string;
}

export interface RecordedChannelMoney {
  /** `repayment` also covers a closed or overpaid loan (all of it credit to refund); `recovery` a written-off one. */
  as: 'repayment' | 'recovery';
  outcome: CommandOutcome;
}

/** A loan that changed standing between the read and the write refuses with one of these; it is read again once. */
const STANDING_CHANGED = new Set(['LOAN_NOT_ACTIVE', 'LOAN_NOT_WRITTEN_OFF']);

/** Where a reference already lives decides a redelivery, so five deliveries record one fact even if the loan was written off in between. */
function recordAs(state: LoanState, reference: string): RecordedChannelMoney['as'] {
  if (Object.hasOwn(state.recoveries, reference)) return 'recovery';
  if (knownPayment(state.payments, reference)) return 'repayment';
  return state.status === 'written_off' ? 'recovery' : 'repayment';
}

/**
 * The one rule for money a channel reports: it has arrived, so it is recorded whatever the loan's
 * standing — on an active, overdue, closed or overpaid loan as a repayment (any excess a credit
 * balance to refund; a closed loan reopens as overpaid), on a written-off loan as a recovery — once
 * per reference. Throws the loan's refusal (a DomainError: LOAN_NOT_FOUND, a date before the
 * disbursement or a reschedule, a recovery beyond what was written off, a reference reused for
 * other money...) when neither is possible: the caller puts the money in suspense (notifications,
 * statement lines) or shows the officer why (assigning a suspended line).
 */
export async function recordChannelMoney(services: AppServices, meta: CommandMeta, loanId: string, money: ChannelMoney): Promise<RecordedChannelMoney> {
  for (let attempt = 0; ; attempt += 1) {
    const state = await loadLoan(services.eventStore, loanId);
    if (state.status === 'none') throw new DomainError('LOAN_NOT_FOUND', 'Loan does not exist', 'not_found');
    const as = recordAs(state, money.reference);
    try {
      const outcome = as === 'recovery' ? await receiveRecovery(services, meta, loanId, money) : await receiveRepayment(services, meta, loanId, money);
      return { as, outcome };
    } catch (error) {
      if (attempt === 0 && error instanceof DomainError && STANDING_CHANGED.has(error.code)) continue;
      throw error;
    }
  }
}

/**
 * Asks the loan, writing nothing, whether it takes the money as recordChannelMoney would record it
 * now: throws the same refusal (LOAN_NOT_FOUND 404, DATE_AFTER_BUSINESS_DATE 422, a date before the
 * disbursement, a reference reused for other money, CUSTOMER_ERASED 409...). Used before a suspense line is marked
 * assigned, so an assignment the loan would refuse records nothing anywhere.
 */
export async function checkChannelMoney(services: AppServices, loanId: string, money: ChannelMoney): Promise<void> {
  const state = await loadLoan(services.eventStore, loanId);
  if (state.status === 'none') throw new DomainError('LOAN_NOT_FOUND', 'Loan does not exist', 'not_found');
  requireOnOrBeforeBusinessDate(money.effectiveDate, businessToday(services), 'effectiveDate');
  const data = { amount: money.amount, channel: money.channel, reference: money.reference, effectiveDate: money.effectiveDate };
  const command = recordAs(state, money.reference) === 'recovery' ? { type: 'ReceiveRecovery' as const, data } : { type: 'ReceiveRepayment' as const, data };
  // A finished loan whose borrower was erased takes no money (CUSTOMER_ERASED 409), as when it is recorded.
  (await refusingErasedBorrower(services, loanId, command, state, processLoanDecider)).decide(command, state);
}
