import { describe, expect, it } from 'vitest';
import {
  REGULATORY_LOANS, REGULATORY_TRANSACTIONS, type RegulatoryLoan, type RegulatoryTransaction,
} from '../../../src/projections/models/regulatory/documents.js';
import { regulatoryProjection } from '../../../src/projections/models/regulatory/regulatory.js';
import { EventLog, project } from './fake-context.js';
import { LoanScenario } from './loan-scenario.js';
import { ServicedLoan } from '../../servicing/serviced-loan.js';

describe('regulatory projection', () => {
  it('records every money movement with customer, currency, direction, channel and business date', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit();
    const disbursed = loan.disburse('3000.00', '2024-01-15', 'bank_transfer', '30.00');
    const repaid = loan.repay({ penalty: '5.00', interest: '30.00', principal: '990.07', excess: '1.00' }, '2024-02-15', 'wechat', 'R-1');
    const refunded = loan.refund('1.00', '2024-02-16');
    const closed = loan.close('2024-02-16', 'overpayment_refunded');
    const ctx = await project(regulatoryProjection, log.events);

    expect(ctx.doc<RegulatoryTransaction>(REGULATORY_TRANSACTIONS, disbursed.eventId)).toMatchObject({
      loanId: 'L1', customerId: 'C1', currency: 'CNY', kind: 'disbursement', direction: 'out', amount: '2970.00', channel: 'bank_transfer', date: '2024-01-15',
    });
    expect(ctx.doc<RegulatoryTransaction>(REGULATORY_TRANSACTIONS, repaid.eventId)).toMatchObject({
      kind: 'repayment', direction: 'in', amount: '1026.07', channel: 'wechat', date: '2024-02-15', reference: 'R-1', scheduledPaid: '1020.07',
    });
    expect(ctx.doc<RegulatoryTransaction>(REGULATORY_TRANSACTIONS, refunded.eventId)).toMatchObject({ kind: 'refund', direction: 'out', amount: '1.00' });
    expect(ctx.doc<RegulatoryLoan>(REGULATORY_LOANS, 'L1')).toMatchObject({
      customerId: 'C1', productId: 'p1', principal: '3000.00', disbursedOn: '2024-01-15', closedOn: closed.data.date, closeReason: 'overpayment_refunded',
    });
  });

  it('records recoveries as money in', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit();
    const recovered = loan.recover('700.00', '2024-10-01', 'online');
    const ctx = await project(regulatoryProjection, log.events);
    expect(ctx.doc<RegulatoryTransaction>(REGULATORY_TRANSACTIONS, recovered.eventId)).toMatchObject({ kind: 'recovery', direction: 'in', amount: '700.00' });
  });

  it('marks a reversed repayment (the money never stood) and reopens the loan it had closed', async () => {
    const loan = new ServicedLoan();
    loan.repay('400.00', 'p1', '2024-01-20');
    expect(loan.repay(loan.payoff('2024-01-25').total, 'p2', '2024-01-25').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    loan.run({ type: 'ReverseRepayment', data: { reference: 'p2', reason: 'bounced', effectiveDate: '2024-01-28', reversedBy: 'officer-1' } }, '2024-01-28');
    const ctx = await project(regulatoryProjection, loan.log.events);
    const repayments = ctx.all<RegulatoryTransaction>(REGULATORY_TRANSACTIONS).filter((tx) => tx.kind === 'repayment');
    expect(repayments.map((tx) => [tx.reference, tx.reversedOn])).toEqual([['p1', undefined], ['p2', '2024-01-28']]);
    expect(ctx.doc<RegulatoryLoan>(REGULATORY_LOANS, 'L1')).toMatchObject({ closedOn: null, closeReason: null });
  });

  it('stops on a movement of a loan it never saw applied for', async () => {
    const log = new EventLog();
    new LoanScenario(log, 'ghost', 'C1').repay({ principal: '1.00' }, '2024-01-01');
    await expect(project(regulatoryProjection, log.events)).rejects.toThrow(/loan ghost has no application/);
  });
});
