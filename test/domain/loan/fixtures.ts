import { decideLoan, loanDecider } from '../../../src/domain/loan/decider.js';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import type { LoanEvent } from '../../../src/domain/loan/events.js';
import type { LoanState } from '../../../src/domain/loan/state.js';
import type { ProductTerms } from '../../../src/domain/product/events.js';
import { productTerms } from '../product-terms.fixture.js';

/** The DOMAIN.md worked example: 100 000.00 at 12 %, 12 monthly equal installments, no fees. */
export const terms: ProductTerms = productTerms({ name: 'Personal 12', penalty: { type: 'percent', value: '5', cap: '500.00', graceDays: 3 } });

export function submitCommand(overrides: Partial<Extract<LoanCommand, { type: 'SubmitApplication' }>['data']> = {}, productTerms = terms): LoanCommand {
  return {
    type: 'SubmitApplication',
    data: {
      loanId: 'l1', customerId: 'c1', customer: { exists: true, kycStatus: 'verified', erased: false },
      product: { productId: 'p1', version: 1, terms: productTerms, retired: false },
      principal: '100000.00', term: 12, purpose: 'car', submittedBy: 'officer-1', submittedOn: '2026-01-05', ...overrides,
    },
  };
}

export const assessment: LoanCommand = {
  type: 'RecordAssessment',
  data: { assessment: { score: 720, grade: 'B', decision: 'approve', reasons: [], scorecardVersion: 'v1', inputs: { monthlyIncome: 'enc:income' } } },
};

export const approveCommand: LoanCommand = {
  type: 'Approve',
  data: { approver: 'uw-1', approverRole: 'underwriter', note: null, kycVerified: true, date: '2026-01-10' },
};

export function repay(amount: string, reference: string, effectiveDate: string): LoanCommand {
  return { type: 'ReceiveRepayment', data: { amount, channel: 'online', reference, effectiveDate } };
}

export function eod(date: string): LoanCommand {
  return { type: 'CloseBusinessDay', data: { date } };
}

/** A running loan: decides each command, keeps the events, and evolves the state. */
export class LoanLife {
  readonly events: LoanEvent[] = [];
  state: LoanState = loanDecider.initialState();

  run(command: LoanCommand): LoanEvent[] {
    const produced = decideLoan(command, this.state);
    for (const event of produced) {
      this.events.push(event);
      this.state = loanDecider.evolve(this.state, event);
    }
    return produced;
  }
}

/** Events of a loan up to the given stage, produced by the decider itself. */
export function eventsUntil(stage: 'submitted' | 'assessed' | 'approved' | 'disbursed', productTerms = terms): LoanEvent[] {
  const life = new LoanLife();
  life.run(submitCommand({}, productTerms));
  if (stage === 'submitted') return life.events;
  life.run(assessment);
  if (stage === 'assessed') return life.events;
  life.run(approveCommand);
  if (stage === 'approved') return life.events;
  life.run({ type: 'Disburse', data: { effectiveDate: '2026-01-15', channel: 'bank_transfer' } });
  return life.events;
}

/** A fresh running loan disbursed 100 000.00 on 2026-01-15 (first due 2026-02-15). */
export function disbursedLoan(productTerms = terms): LoanLife {
  const life = new LoanLife();
  for (const event of eventsUntil('disbursed', productTerms)) {
    life.events.push(event);
    life.state = loanDecider.evolve(life.state, event);
  }
  return life;
}
