import { describe, expect, it } from 'vitest';
import { loanTransactions } from '../../../src/app/queries/loan-transactions.js';
import type { RecordedEvent } from '../../../src/eventstore/port.js';

let revision = 0n;
function recorded(type: string, data: unknown, occurredAt = '2026-05-01T10:00:00.000Z'): RecordedEvent {
  revision += 1n;
  return {
    eventId: `e${revision}`, type, schemaVersion: 1, streamId: 'loan-l9', revision, position: 100n + revision, occurredAt, recordedAt: occurredAt,
    actor: { sub: 'officer-olga', role: 'officer' }, correlationId: 'c', causationId: null, idempotencyKey: null, prevHash: '', hash: '', data,
  };
}

describe('loanTransactions', () => {
  it('lists every money movement in log order and leaves out what moves no money', () => {
    revision = -1n;
    const events = [
      recorded('LoanApplicationSubmitted', { customerId: 'c9', terms: { currency: 'CNY' } }),
      recorded('LoanDisbursed', { amount: '3000.00', netAmount: '2970.00', fees: [{ kind: 'origination', amount: '30.00' }], date: '2026-01-15', channel: 'bank_transfer' }),
      recorded('InterestAccrued', { date: '2026-01-31', from: '2026-01-15', to: '2026-01-31', amount: '15.78' }),
      recorded('PenaltyCharged', { number: 1, amount: '12.00', date: '2026-02-20' }),
      recorded('ChargeWaived', { kind: 'penalty', amount: '12.00', reason: 'goodwill', installments: [{ number: 1, amount: '12.00' }] }, '2026-02-21T09:00:00.000Z'),
      recorded('RepaymentReceived', {
        amount: '500.00', channel: 'alipay', reference: 'r1', effectiveDate: '2026-02-22',
        allocation: { penalty: '0.00', fee: '0.00', interest: '30.00', principal: '470.00', excess: '0.00' },
        installments: [{ number: 1, penalty: '0.00', fee: '0.00', interest: '30.00', principal: '470.00' }],
      }),
      recorded('LoanWrittenOff', { date: '2026-06-01', principal: '2530.00', interest: '40.10', fees: '0.00', penalties: '5.00', requestedBy: 'a', approvedBy: 'b' }),
      recorded('RecoveryReceived', { amount: '100.00', channel: 'online', reference: 'rec1', effectiveDate: '2026-07-01' }),
      recorded('RefundIssued', { amount: '3.00', channel: 'online', reference: 'ref1', date: '2026-07-02' }),
    ];
    // Envelopes only: these fixtures carry no schedule to replay, so every split is as recorded.
    const txs = loanTransactions({ customerId: 'c9', events }, { splits: new Map(), voidedPenalties: new Set() });
    expect(txs.map((tx) => [tx.type, tx.date, tx.amount, tx.revision])).toEqual([
      ['disbursement', '2026-01-15', '3000.00', '1'],
      ['penalty', '2026-02-20', '12.00', '3'],
      ['waiver', '2026-02-21', '12.00', '4'],
      ['repayment', '2026-02-22', '500.00', '5'],
      ['write-off', '2026-06-01', '2575.10', '6'],
      ['recovery', '2026-07-01', '100.00', '7'],
      ['refund', '2026-07-02', '3.00', '8'],
    ]);
    expect(txs.every((tx) => tx.currency === 'CNY' && tx.actor.sub === 'officer-olga')).toBe(true);
    expect(txs[3]).toMatchObject({ type: 'repayment', allocation: { interest: '30.00', principal: '470.00', installments: [{ number: 1 }] } });
    expect(txs[4]).toMatchObject({ writtenOff: { principal: '2530.00', penalties: '5.00' } });
  });
});
