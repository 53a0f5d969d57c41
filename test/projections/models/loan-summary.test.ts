import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { LEDGER_BALANCES, generalLedgerProjection } from '../../../src/projections/models/general-ledger/general-ledger.js';
import type { AccountBalance } from '../../../src/projections/models/general-ledger/accounts.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../../src/projections/models/loan-summary/documents.js';
import { loanSummaryProjection } from '../../../src/projections/models/loan-summary/loan-summary.js';
import { EventLog, project } from './fake-context.js';
import { LoanScenario } from './loan-scenario.js';

function paidRow1(loan: LoanScenario) {
  return loan.repay({ interest: '30.00', principal: '990.07' }, '2024-02-15', 'alipay', 'R1',
    [{ number: 1, penalty: '0.00', fee: '0.00', interest: '30.00', principal: '990.07' }]);
}

describe('loan-summary projection', () => {
  it('shows the disbursed loan with its full outstanding schedule and next due installment', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit(); loan.approve(); loan.disburse();
    const ctx = await project(loanSummaryProjection, log.events);
    const doc = ctx.doc<LoanSummaryDoc>(LOAN_SUMMARY, 'L1');
    expect(doc).toMatchObject({
      customerId: 'C1', productId: 'p1', status: 'active', currency: 'CNY', principal: '3000.00', disbursedOn: '2024-01-15',
      outstanding: { principal: '3000.00', interest: '60.20', fees: '0.00', penalties: '0.00', total: '3060.20' },
      nextDue: { date: '2024-02-15', amount: '1020.07' }, nextDueDate: '2024-02-15', daysPastDue: 0, classification: 'normal',
    });
  });

  it('applies repayments per installment and shows them as paid rows in the schedule', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit(); loan.approve(); loan.disburse(); paidRow1(loan);
    const ctx = await project(loanSummaryProjection, log.events);
    const doc = ctx.doc<LoanSummaryDoc>(LOAN_SUMMARY, 'L1');
    expect(doc.outstanding).toEqual({ principal: '2009.93', interest: '30.20', fees: '0.00', penalties: '0.00', total: '2040.13' });
    expect(doc.nextDue).toEqual({ date: '2024-03-15', amount: '1020.07' });
    expect(doc).not.toHaveProperty('state');
  });

  it('tracks overdue status, penalties, classification and the delinquency spell until cured', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit(); loan.approve(); loan.disburse();
    loan.overdue(1, '2024-02-15', '1020.07', '2024-02-16');
    loan.penalty(1, '51.00', '2024-02-20');
    loan.classify('normal', 'special-mention', 5, '2024-02-20');
    let doc = (await project(loanSummaryProjection, log.events)).doc<LoanSummaryDoc>(LOAN_SUMMARY, 'L1');
    expect(doc).toMatchObject({ status: 'overdue', daysPastDue: 5, classification: 'special-mention', delinquency: [{ since: '2024-02-16', until: null }] });
    expect(doc.outstanding.penalties).toBe('51.00');

    loan.repay({ penalty: '51.00', interest: '30.00', principal: '990.07' }, '2024-02-25', 'alipay', 'R2',
      [{ number: 1, penalty: '51.00', fee: '0.00', interest: '30.00', principal: '990.07' }]);
    doc = (await project(loanSummaryProjection, log.events)).doc<LoanSummaryDoc>(LOAN_SUMMARY, 'L1');
    expect(doc).toMatchObject({ status: 'active', daysPastDue: 0, delinquency: [{ since: '2024-02-16', until: '2024-02-25' }] });
  });

  it('is deterministic: rebuilding from the same events gives the same documents', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit(); loan.approve(); loan.disburse(); paidRow1(loan);
    const first = await project(loanSummaryProjection, log.events);
    const second = await project(loanSummaryProjection, log.events);
    expect(second.all(LOAN_SUMMARY)).toEqual(first.all(LOAN_SUMMARY));
  });

  it('reconciles: the ledger loan portfolio equals the sum of outstanding principal', async () => {
    const log = new EventLog();
    const a = new LoanScenario(log, 'A', 'C1');
    const b = new LoanScenario(log, 'B', 'C2');
    a.submit(); b.submit(); a.approve(); b.approve(); a.disburse(); b.disburse('3000.00', '2024-01-15');
    paidRow1(a);
    b.overdue(1, '2024-02-15', '1020.07', '2024-02-16');
    b.repay({ interest: '30.00', principal: '500.00' }, '2024-02-20', 'wechat', 'RB',
      [{ number: 1, penalty: '0.00', fee: '0.00', interest: '30.00', principal: '500.00' }]);
    const summaries = (await project(loanSummaryProjection, log.events)).all<LoanSummaryDoc>(LOAN_SUMMARY);
    const balances = (await project(generalLedgerProjection, log.events)).all<AccountBalance>(LEDGER_BALANCES);
    const portfolio = balances.find((balance) => balance.account === 'loan_portfolio');
    const outstanding = summaries.reduce((sum, doc) => sum.plus(doc.outstanding.principal), new Decimal(0));
    expect(outstanding.toFixed(2)).toBe('4509.93');
    expect(new Decimal(portfolio?.debit ?? '0').minus(portfolio?.credit ?? '0').eq(outstanding)).toBe(true);
  });

  it('stops on an event of a loan it never saw applied for', async () => {
    const log = new EventLog();
    new LoanScenario(log, 'ghost', 'C1').approve();
    await expect(project(loanSummaryProjection, log.events)).rejects.toThrow(/loan ghost has no application/);
  });
});
