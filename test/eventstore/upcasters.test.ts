import { describe, expect, it } from 'vitest';
import type { RepaymentReceived } from '../../src/domain/loan/events.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';

// A real change: RepaymentReceived v1 had no per-installment breakdown; v2 added `installments`.
const repaymentV1 = {
  amount: '100.00', channel: 'alipay', reference: 'r-1', effectiveDate: '2026-02-01',
  allocation: { penalty: '0.00', fee: '0.00', interest: '10.00', principal: '90.00', excess: '0.00' },
};

describe('Upcasters', () => {
  const upcasters = new Upcasters().register('RepaymentReceived', 1, (data) => ({ ...(data as object), installments: [] }));

  it('turns an old payload into the newest shape', () => {
    const { schemaVersion, data } = upcasters.upcast('RepaymentReceived', 1, repaymentV1);
    expect(schemaVersion).toBe(2);
    const v2: RepaymentReceived['data'] = data as RepaymentReceived['data'];
    expect(v2).toEqual({ ...repaymentV1, installments: [] });
  });

  it('leaves current payloads and unchanged types alone', () => {
    const current = { ...repaymentV1, installments: [{ number: 1, penalty: '0', fee: '0', interest: '10.00', principal: '90.00' }] };
    expect(upcasters.upcast('RepaymentReceived', 2, current)).toEqual({ schemaVersion: 2, data: current });
    expect(upcasters.upcast('LoanClosed', 1, { date: '2026-03-01' })).toEqual({ schemaVersion: 1, data: { date: '2026-03-01' } });
    expect(upcasters.currentVersion('LoanClosed')).toBe(1);
  });

  it('chains several steps in order', () => {
    const chained = new Upcasters()
      .register('TestNoted', 1, (d) => ({ ...(d as object), tags: [] }))
      .register('TestNoted', 2, (d) => ({ ...(d as object), by: 'unknown' }));
    expect(chained.currentVersion('TestNoted')).toBe(3);
    expect(chained.upcast('TestNoted', 1, { n: 1 })).toEqual({ schemaVersion: 3, data: { n: 1, tags: [], by: 'unknown' } });
  });

  it('refuses registrations out of order', () => {
    expect(() => new Upcasters().register('TestNoted', 2, (d) => d)).toThrow(/expected v1 next/);
    expect(() => new Upcasters().register('TestNoted', 1, (d) => d).register('TestNoted', 1, (d) => d)).toThrow(/expected v2 next/);
  });

  it('refuses versions it cannot know', () => {
    expect(() => upcasters.upcast('RepaymentReceived', 3, {})).toThrow(/v3 is unknown here/);
    expect(() => upcasters.upcast('RepaymentReceived', 0, {})).toThrow(/unknown/);
    expect(() => upcasters.upcast('RepaymentReceived', 1.5, {})).toThrow(/unknown/);
  });
});
