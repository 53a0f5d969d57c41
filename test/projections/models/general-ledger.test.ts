import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { AccountBalance, JournalEntry, LoanLedgerPosition } from '../../../src/projections/models/general-ledger/accounts.js';
import {
  generalLedgerProjection, LEDGER_BALANCES, LEDGER_JOURNAL, LEDGER_LOAN_POSITIONS,
} from '../../../src/projections/models/general-ledger/general-ledger.js';
import { buildTrialBalance, entryIsBalanced } from '../../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';
import { EventLog, project } from './fake-context.js';
import { LoanScenario } from './loan-scenario.js';

function linesOf(entry: JournalEntry | undefined): Record<string, string> {
  return Object.fromEntries((entry?.lines ?? []).map((line) => [`${line.side === 'debit' ? 'Dr' : 'Cr'} ${line.account}`, line.amount]));
}

async function journalOf(loan: ServicedLoan): Promise<JournalEntry[]> {
  return (await loan.ledger()).journal;
}

const lastEntry = async (loan: ServicedLoan) => (await journalOf(loan)).find((e) => e.position === loan.log.events.at(-1)?.position.toString());

describe('general-ledger projection: each event posts the difference of the loan\'s figures', () => {
  it('books the disbursement gross to the portfolio, net to cash and the deducted fee to income', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ fees: [{ kind: 'origination', type: 'percent', value: '1' }] }));
    const [entry] = await journalOf(loan);
    expect(entry).toMatchObject({ loanId: 'L1', kind: 'disbursement', date: '2024-01-15', currency: 'CNY' });
    expect(linesOf(entry)).toEqual({ 'Dr loan_portfolio': '3000.00', 'Cr fund_source': '2970.00', 'Cr fee_income': '30.00' });
  });

  it('accrues at close of business, settles the receivable when paid, and holds interest paid ahead of its accrual until the close earns it (QA 8 N10)', async () => {
    const loan = new ServicedLoan();
    loan.close('2024-01-31');
    expect(linesOf(await lastEntry(loan))).toEqual({ 'Dr interest_receivable': '15.48', 'Cr interest_income': '15.48' });
    loan.repay('1020.07', 'r1', '2024-02-15');
    // Row 1's 30.00 of interest: 15.48 accrued through 01-31, 14.52 for 02-01 → 02-15 not yet accrued (received in advance).
    expect(linesOf(await lastEntry(loan))).toEqual({
      'Dr fund_source': '1020.07', 'Cr loan_portfolio': '990.07', 'Cr interest_receivable': '15.48', 'Cr received_in_advance': '14.52',
    });
    // The due date's close earns it: income 14.52 from the advance, nothing receivable.
    loan.close('2024-02-15');
    expect(linesOf(await lastEntry(loan))).toEqual({ 'Dr received_in_advance': '14.52', 'Cr interest_income': '14.52' });
  });

  it('reverses only what was recognised on a waiver, booked on its effective date', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ penalty: { type: 'fixed', value: '12.00', cap: null, graceDays: 0 } }));
    loan.close('2024-02-20');
    loan.run({ type: 'WaiveCharge', data: { kind: 'penalty', amount: null, reason: 'goodwill', effectiveDate: '2024-02-21' } }, '2024-02-21');
    const waiver = await lastEntry(loan);
    expect(waiver).toMatchObject({ kind: 'waiver', date: '2024-02-21' });
    expect(linesOf(waiver)).toEqual({ 'Dr penalty_income': '12.00', 'Cr penalty_receivable': '12.00' });
  });

  it('writes off the portfolio and recognised receivables to losses, then books recovery as income', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 30, penalty: { type: 'fixed', value: '51.00', cap: null, graceDays: 0 } }));
    loan.close('2024-03-20');
    loan.run({ type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'absconded', date: '2024-03-20' } }, '2024-03-20');
    loan.run({ type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date: '2024-03-20' } }, '2024-03-20');
    const receivable = loan.log.events.filter((e) => e.type === 'InterestAccrued').reduce((sum, e) => sum.plus((e.data as { amount: string }).amount), new Decimal(0));
    expect(linesOf(await lastEntry(loan))).toEqual({
      'Dr losses_written_off': new Decimal('3000.00').plus(receivable).plus('102.00').toFixed(2), 'Cr loan_portfolio': '3000.00',
      'Cr penalty_receivable': '102.00', 'Cr interest_receivable': receivable.toFixed(2),
    });
    loan.run({ type: 'ReceiveRecovery', data: { amount: '500.00', channel: 'bank_transfer', reference: 'rec1', effectiveDate: '2024-04-01' } }, '2024-04-01');
    expect(linesOf(await lastEntry(loan))).toEqual({ 'Dr fund_source': '500.00', 'Cr recovery_income': '500.00' });
  });

  it('books excess to the overpayment liability at repayment and releases it on refund', async () => {
    const loan = new ServicedLoan();
    loan.repay('3100.00', 'r1', '2024-01-15');
    loan.run({ type: 'RefundOverpayment', data: { amount: null, channel: 'bank_transfer', reference: 'R1', date: '2024-01-16' } }, '2024-01-16');
    const journal = await journalOf(loan);
    expect(linesOf(journal.find((e) => e.kind === 'repayment'))).toEqual({ 'Dr fund_source': '3100.00', 'Cr loan_portfolio': '3000.00', 'Cr overpayment_liability': '100.00' });
    expect(linesOf(journal.find((e) => e.kind === 'refund'))).toEqual({ 'Dr overpayment_liability': '100.00', 'Cr fund_source': '100.00' });
    expect(journal.map((e) => e.kind)).toEqual(['disbursement', 'repayment', 'refund']);
  });

  it('keeps every entry balanced, the trial balance balanced, and the per-account balances and loan positions equal to the journal', async () => {
    const loan = new ServicedLoan('A');
    loan.close('2024-01-31');
    loan.repay('400.00', 'p1', '2024-02-25');
    loan.repay('300.00', 'p2', '2024-02-20');
    const ctx = await project(generalLedgerProjection, loan.log.events);
    const journal = ctx.all<JournalEntry>(LEDGER_JOURNAL);
    expect(journal.every(entryIsBalanced)).toBe(true);
    const trial = buildTrialBalance(journal, '2024-12-31');
    expect(trial.totals[0]?.balanced).toBe(true);
    for (const balance of ctx.all<AccountBalance>(LEDGER_BALANCES)) {
      const fromJournal = trial.rows.find((r) => r.account === balance.account);
      expect(new Decimal(fromJournal?.debit ?? 'NaN').eq(balance.debit)).toBe(true);
      expect(new Decimal(fromJournal?.credit ?? 'NaN').eq(balance.credit)).toBe(true);
    }
    expect(ctx.doc<LoanLedgerPosition>(LEDGER_LOAN_POSITIONS, 'A').balances).toEqual(loan.figures().ledger);
    expect(buildTrialBalance(journal, '2024-01-31').rows.find((r) => r.account === 'loan_portfolio')?.balance).toBe('3000.00');
  });

  it('stops on a loan event for a loan it never saw applied for', async () => {
    const log = new EventLog();
    new LoanScenario(log, 'ghost', 'C1').disburse();
    await expect(project(generalLedgerProjection, log.events)).rejects.toThrow(/loan ghost has no application/);
  });

  it('stops on a loan event that arrives on a non-loan stream', async () => {
    const log = new EventLog();
    log.append('customer-C1', 'LoanApplicationSubmitted', { customerId: 'C1', terms: { currency: 'CNY' } }, '2024-01-01T00:00:00Z');
    await expect(project(generalLedgerProjection, log.events)).rejects.toThrow(/expected a loan stream/);
  });
});
