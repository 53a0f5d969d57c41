import { decideLoan, loanDecider, type LoanDecisionContext } from '../../src/domain/loan/decider.js';
import { evolveLoan } from '../../src/domain/loan/evolve.js';
import { payoffOwedOn } from '../../src/domain/loan/penalties-owed-by.js';
import { NO_REPLAY_MEMO, type ReplayMemo } from '../../src/domain/loan/replay-memo.js';
import { needsLastClose } from '../../src/domain/loan/reclassification.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { LEDGER_ACCOUNTS, type LedgerAccount } from '../../src/domain/loan/ledger-accounts.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import type { ProductTerms } from '../../src/domain/product/events.js';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { generalLedgerProjection, LEDGER_JOURNAL } from '../../src/projections/models/general-ledger/general-ledger.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { productTerms } from '../domain/product-terms.fixture.js';
import { EventLog, FakeContext, project } from '../projections/models/fake-context.js';

/** Issue 10's common loan: 12 % declining, equal installments, monthly, period interest, HALF_EVEN, no penalty unless given. */
export function servicingTerms(overrides: Partial<ProductTerms> = {}): ProductTerms {
  return productTerms({ name: 'Servicing 12', penalty: null, principal: { min: '100.00', max: '200000.00' }, term: { min: 1, max: 36 }, ...overrides });
}

/**
 * One loan driven through the real decider, its events kept as the log would record them, and
 * the general ledger projected from that log: what servicing tests compare.
 */
export class ServicedLoan {
  readonly log: EventLog;
  state: LoanState = loanDecider.initialState();
  /** What the command pipeline would pass the decider beside each command (the last close); none by default. */
  context: LoanDecisionContext = {};
  /** Where its decisions, folds and payoff quotes remember long replays (the application's memo); none by default. */
  memo: ReplayMemo = NO_REPLAY_MEMO;
  private readonly stream: string;

  /**
   * Applies, assesses, approves and disburses the loan on `disbursedOn`. With `keyedInAfterClose`, the
   * pipeline knows that close when the loan is recorded (a loan keyed in late: the closes through it ran
   * without it), and keeps telling it to later commands.
   */
  constructor(readonly loanId = 'L1', terms: ProductTerms = servicingTerms(), principal = '3000.00', term = 3, disbursedOn = '2024-01-15', keyedInAfterClose?: string, log = new EventLog()) {
    // `log`: another loan's, for a book of several loans in one log (its ledger() is then the book's).
    this.log = log;
    this.stream = `loan-${loanId}`;
    if (keyedInAfterClose !== undefined) this.context = { lastClose: keyedInAfterClose };
    this.run({
      type: 'SubmitApplication',
      data: {
        loanId, customerId: 'C1', customer: { exists: true, kycStatus: 'verified', erased: false },
        product: { productId: 'P1', version: 1, terms, retired: false }, principal, term, purpose: 'test', submittedBy: 'officer-1', submittedOn: disbursedOn,
      },
    }, disbursedOn);
    this.run({ type: 'RecordAssessment', data: { assessment: { score: 700, grade: 'B', decision: 'approve', reasons: [], scorecardVersion: 'v1', inputs: { monthlyIncome: 'enc:income' } } } }, disbursedOn);
    this.run({ type: 'Approve', data: { approver: 'uw-1', approverRole: 'underwriter', note: null, kycVerified: true, date: disbursedOn } }, disbursedOn);
    this.run({ type: 'Disburse', data: { effectiveDate: disbursedOn, channel: 'bank_transfer' } }, disbursedOn);
  }

  /** Decides and records the command as of business date `date` (close of business at the end of that day). */
  run(command: LoanCommand, date: string): LoanEvent[] {
    // As the command pipeline does: the last close is read only when deciding on this state may use it.
    const produced = decideLoan(command, this.state, needsLastClose(command, this.state) ? this.context : {}, this.memo);
    const time = command.type === 'CloseBusinessDay' ? `${date}T23:59:59.999Z` : `${date}T12:00:00.000Z`;
    for (const event of produced) {
      this.state = evolveLoan(this.state, event, this.memo);
      this.log.append(this.stream, event.type, event.data, time);
    }
    return produced;
  }

  repay(amount: string, reference: string, effectiveDate: string): LoanEvent[] {
    return this.run({ type: 'ReceiveRepayment', data: { amount, channel: 'online', reference, effectiveDate } }, effectiveDate);
  }

  close(date: string): LoanEvent[] {
    return this.run({ type: 'CloseBusinessDay', data: { date } }, date);
  }

  /** The payoff quote as the server gives it: with the penalties owed by `date` that no close has charged yet. */
  payoff(date: string) {
    return payoffOwedOn(this.state, date, this.memo);
  }

  /** The ledger as the projection posts it from the log: per account, the loan's balance (debit positive) summed from its journal. */
  async ledger(): Promise<{ balances: Record<LedgerAccount, string>; journal: JournalEntry[]; balanced: boolean }> {
    const ctx = await project(generalLedgerProjection, this.log.events, new FakeContext());
    const journal = ctx.all<JournalEntry>(LEDGER_JOURNAL);
    const trial = buildTrialBalance(journal, '9999-12-31');
    const balances = Object.fromEntries(LEDGER_ACCOUNTS.map((account) => [account, trial.rows.find((r) => r.account === account)?.balance ?? '0.00'])) as Record<LedgerAccount, string>;
    return { balances, journal, balanced: trial.totals.every((t) => t.balanced) };
  }

  /** The loan's own figures for each ledger account. */
  figures(asOf?: string) {
    return loanFigures(this.state, asOf);
  }
}
