import type { NewEvent } from '../../src/eventstore/port.js';

/** A typical write: one repayment with its allocation, the event lendcore appends most often. */
export function sampleRepayment(n: number): NewEvent {
  return {
    type: 'RepaymentReceived',
    data: {
      amount: '8884.88',
      channel: 'alipay',
      reference: `sample-${n}`,
      effectiveDate: '2025-02-15',
      allocation: { penalty: '0.00', fee: '0.00', interest: '1000.00', principal: '7884.88', excess: '0.00' },
      installments: [{ number: 1, penalty: '0.00', fee: '0.00', interest: '1000.00', principal: '7884.88' }],
    },
    occurredAt: '2025-02-15T09:00:00.000Z',
    actor: { sub: 'bench-officer', role: 'officer' },
    correlationId: `0190f0c0-0005-7000-8000-${n.toString(16).padStart(12, '0')}`,
  };
}
