import type { RegulatoryLoan, RegulatoryTransaction, TransactionKind } from '../../src/projections/models/regulatory/documents.js';

let sequence = 0;

/** A regulatory transaction with defaults: an incoming CNY alipay repayment by C1. */
export function tx(amount: string, date: string, overrides: Partial<RegulatoryTransaction> = {}): RegulatoryTransaction {
  sequence += 1;
  const kind: TransactionKind = overrides.kind ?? 'repayment';
  return {
    id: `t${String(sequence).padStart(4, '0')}`, loanId: 'L1', customerId: 'C1', currency: 'CNY', kind,
    direction: kind === 'disbursement' || kind === 'refund' ? 'out' : 'in', amount, channel: 'alipay', date,
    reference: null, scheduledPaid: amount, ...overrides,
  };
}

export function regLoan(id: string, disbursedOn: string, closedOn: string | null, overrides: Partial<RegulatoryLoan> = {}): RegulatoryLoan {
  return {
    id, customerId: 'C1', productId: 'p1', currency: 'CNY', principal: '3000.00', disbursedOn, closedOn,
    closeReason: closedOn ? 'obligations_met' : null, ...overrides,
  };
}
