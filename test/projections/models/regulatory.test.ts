import { describe, expect, it } from 'vitest';
import {
  REGULATORY_LOANS, REGULATORY_TRANSACTIONS, type RegulatoryLoan, type RegulatoryTransaction,
} from '../../../src/projections/models/regulatory/documents.js';
import { regulatoryProjection } from '../../../src/projections/models/regulatory/regulatory.js';
import { EventLog, project } from './fake-context.js';
import { LoanScenario } from './loan-scenario.js';

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

  it('stops on a movement of a loan it never saw applied for', async () => {
    const log = new EventLog();
    new LoanScenario(log, 'ghost', 'C1').repay({ principal: '1.00' }, '2024-01-01');
    await expect(project(regulatoryProjection, log.events)).rejects.toThrow(/loan ghost has no application/);
  });
});
