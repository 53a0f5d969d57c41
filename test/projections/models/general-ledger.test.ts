import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { AccountBalance, JournalEntry, LoanLedgerPosition } from '../../../src/projections/models/general-ledger/accounts.js';
import {
  generalLedgerProjection, LEDGER_BALANCES, LEDGER_JOURNAL, LEDGER_LOAN_POSITIONS,
} from '../../../src/projections/models/general-ledger/general-ledger.js';
import { buildTrialBalance, entryIsBalanced } from '../../../src/reports/trial-balance.js';
import { EventLog, project } from './fake-context.js';
import { LoanScenario } from './loan-scenario.js';

function linesOf(entry: JournalEntry): Record<string, string> {
  return Object.fromEntries(entry.lines.map((line) => [`${line.side === 'debit' ? 'Dr' : 'Cr'} ${line.account}`, line.amount]));
}

describe('general-ledger projection', () => {
  it('books the disbursement gross to the portfolio, net to cash and the deducted fee to income', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit();
    const disbursed = loan.disburse('3000.00', '2024-01-15', 'bank_transfer', '30.00');
    const ctx = await project(generalLedgerProjection, log.events);
    const entry = ctx.doc<JournalEntry>(LEDGER_JOURNAL, disbursed.eventId);
    expect(entry).toMatchObject({ loanId: 'L1', kind: 'disbursement', date: '2024-01-15', currency: 'CNY', position: '2' });
    expect(linesOf(entry)).toEqual({ 'Dr loan_portfolio': '3000.00', 'Cr fund_source': '2970.00', 'Cr fee_income': '30.00' });
  });

  it('settles accrued interest from the receivable and recognises unaccrued interest as income at repayment', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit();
    loan.disburse();
    loan.accrue('25.00', '2024-02-14');
    const repaid = loan.repay({ interest: '30.00', principal: '990.07' }, '2024-02-15');
    const ctx = await project(generalLedgerProjection, log.events);
    expect(linesOf(ctx.doc<JournalEntry>(LEDGER_JOURNAL, repaid.eventId))).toEqual({
      'Dr fund_source': '1020.07', 'Cr loan_portfolio': '990.07', 'Cr interest_receivable': '25.00', 'Cr interest_income': '5.00',
    });
    const position = ctx.doc<LoanLedgerPosition>(LEDGER_LOAN_POSITIONS, 'L1');
    expect(position.interest_receivable).toBe('0.00');
    expect(position.loan_portfolio).toBe('2009.93');
  });

  it('reverses only accrued charges on a waiver, and books nothing for an unaccrued one', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit();
    loan.disburse();
    loan.penalty(1, '12.00', '2024-02-20');
    const waived = loan.waive('penalty', '15.00', '2024-02-21');
    const unaccrued = loan.waive('fee', '5.00', '2024-02-21');
    const ctx = await project(generalLedgerProjection, log.events);
    expect(linesOf(ctx.doc<JournalEntry>(LEDGER_JOURNAL, waived.eventId))).toEqual({ 'Dr penalty_income': '12.00', 'Cr penalty_receivable': '12.00' });
    expect(ctx.collections.get(LEDGER_JOURNAL)?.has(unaccrued.eventId)).toBe(false);
  });

  it('writes off the portfolio and accrued receivables to losses, then books recovery as income', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit();
    loan.disburse();
    loan.accrue('30.00', '2024-02-15');
    loan.penalty(1, '51.00', '2024-03-01');
    const writtenOff = loan.writeOff({ principal: '3000.00', interest: '40.00', fees: '0.00', penalties: '51.00' }, '2024-08-20');
    const recovered = loan.recover('500.00', '2024-09-01');
    const ctx = await project(generalLedgerProjection, log.events);
    expect(linesOf(ctx.doc<JournalEntry>(LEDGER_JOURNAL, writtenOff.eventId))).toEqual({
      'Dr losses_written_off': '3081.00', 'Cr loan_portfolio': '3000.00', 'Cr penalty_receivable': '51.00', 'Cr interest_receivable': '30.00',
    });
    expect(linesOf(ctx.doc<JournalEntry>(LEDGER_JOURNAL, recovered.eventId))).toEqual({ 'Dr fund_source': '500.00', 'Cr recovery_income': '500.00' });
  });

  it('books excess to the overpayment liability at repayment and releases it on refund', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit();
    loan.disburse();
    loan.repay({ interest: '30.00', principal: '3000.00', excess: '100.00' }, '2024-02-01');
    loan.overpaid('100.00', '2024-02-01');
    const refunded = loan.refund('100.00', '2024-02-03');
    const ctx = await project(generalLedgerProjection, log.events);
    expect(linesOf(ctx.doc<JournalEntry>(LEDGER_JOURNAL, refunded.eventId))).toEqual({ 'Dr overpayment_liability': '100.00', 'Cr fund_source': '100.00' });
    expect(ctx.doc<LoanLedgerPosition>(LEDGER_LOAN_POSITIONS, 'L1').overpayment_liability).toBe('0.00');
    expect(ctx.all<JournalEntry>(LEDGER_JOURNAL).map((e) => e.kind)).toEqual(['disbursement', 'repayment', 'refund']);
  });

  it('keeps every entry balanced, the trial balance balanced, and the per-account balances equal to the journal', async () => {
    const log = new EventLog();
    const a = new LoanScenario(log, 'A', 'C1');
    const b = new LoanScenario(log, 'B', 'C2');
    a.submit(); b.submit();
    a.disburse(); b.disburse('3000.00', '2024-01-20');
    a.accrue('30.00', '2024-02-15');
    a.repay({ interest: '30.00', principal: '990.07' }, '2024-02-15');
    b.overdue(1, '2024-02-20', '1020.07', '2024-02-21');
    b.penalty(1, '51.00', '2024-02-21');
    b.repay({ penalty: '51.00', interest: '30.00', principal: '400.00' }, '2024-03-01');
    b.waive('interest', '10.00', '2024-03-02');
    a.repay({ interest: '20.10', principal: '2009.93', excess: '5.00' }, '2024-03-10');
    a.refund('5.00', '2024-03-12');
    b.writeOff({ principal: '2600.00', interest: '20.00', fees: '0.00', penalties: '0.00' }, '2024-09-01');
    b.recover('300.00', '2024-10-01');
    const ctx = await project(generalLedgerProjection, log.events);

    const journal = ctx.all<JournalEntry>(LEDGER_JOURNAL);
    expect(journal.every(entryIsBalanced)).toBe(true);
    const trial = buildTrialBalance(journal, '2024-12-31');
    expect(trial.totals).toEqual([{ currency: 'CNY', debit: trial.totals[0]?.debit, credit: trial.totals[0]?.debit, balanced: true }]);
    const row = (account: string) => trial.rows.find((r) => r.account === account)?.balance;
    expect(row('loan_portfolio')).toBe('0.00');
    expect(row('fund_source')).toBe('-2108.90'); // −2 × 2970.00 + 1020.07 + 481.00 + 2035.03 − 5.00 + 300.00
    expect(row('overpayment_liability')).toBe('0.00');
    for (const balance of ctx.all<AccountBalance>(LEDGER_BALANCES)) {
      const fromJournal = trial.rows.find((r) => r.account === balance.account);
      expect(new Decimal(fromJournal?.debit ?? 'NaN').eq(balance.debit)).toBe(true);
      expect(new Decimal(fromJournal?.credit ?? 'NaN').eq(balance.credit)).toBe(true);
    }
    const early = buildTrialBalance(journal, '2024-01-31');
    expect(early.rows.find((r) => r.account === 'loan_portfolio')?.balance).toBe('6000.00');
    expect(early.totals[0]?.balanced).toBe(true);
  });

  it('stops on a disbursement whose net plus fees is not the amount', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit();
    log.append('loan-L1', 'LoanDisbursed', {
      amount: '3000.00', netAmount: '2980.00', fees: [{ kind: 'origination', amount: '30.00' }], date: '2024-01-15',
      channel: 'online', apr: '13', schedule: [],
    }, '2024-01-15T00:00:00Z');
    await expect(project(generalLedgerProjection, log.events)).rejects.toThrow(/does not equal net 2980.00 plus fees 30.00/);
  });

  it('stops on a repayment whose allocation does not add up to its amount', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit();
    loan.disburse();
    log.append('loan-L1', 'RepaymentReceived', {
      amount: '100.00', channel: 'online', reference: 'r1', effectiveDate: '2024-02-01',
      allocation: { penalty: '0', fee: '0', interest: '0', principal: '90.00', excess: '0' }, installments: [],
    }, '2024-02-01T00:00:00Z');
    await expect(project(generalLedgerProjection, log.events)).rejects.toThrow(/repayment r1 of 100.00 allocates 90.00/);
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
