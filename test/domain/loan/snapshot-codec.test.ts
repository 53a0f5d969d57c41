import { describe, expect, it } from 'vitest';
import { loanSnapshotCodec } from '../../../src/domain/loan/snapshot-codec.js';
import { disbursedLoan, eod, LoanLife, repay } from './fixtures.js';

describe('loan snapshot codec', () => {
  it('decodes exactly the state it encoded: overdue, penalties, waivers, partial and backdated payments', () => {
    const life = disbursedLoan();
    life.run(repay('3000.00', 'r1', '2026-01-20'));
    for (const date of ['2026-02-15', '2026-02-16', '2026-02-19']) life.run(eod(date));
    // Dated the day after the close that charged the penalty: a waiver dated that day would replay before it.
    life.run({ type: 'WaiveCharge', data: { kind: 'penalty', amount: '100.00', reason: 'goodwill', effectiveDate: '2026-02-20' } });
    life.run(repay('2000.00', 'r2', '2026-01-25'));
    const stored: unknown = JSON.parse(JSON.stringify(loanSnapshotCodec.encode(life.state)));
    expect(loanSnapshotCodec.decode(stored)).toEqual(life.state);
    expect(life.state.installments[0]?.overdueSince).toBe('2026-02-16');
  });

  it('a decoded state, whose zero columns are shared, goes on exactly like the state it was encoded from', () => {
    const original = disbursedLoan();
    original.run(repay('3000.00', 'r1', '2026-01-20'));
    const resumed = new LoanLife();
    resumed.state = loanSnapshotCodec.decode(JSON.parse(JSON.stringify(loanSnapshotCodec.encode(original.state))));
    const waiver = { type: 'WaiveCharge', data: { kind: 'penalty', amount: '10.00', reason: 'goodwill', effectiveDate: '2026-02-20' } } as const;
    for (const command of [eod('2026-02-16'), eod('2026-02-19'), waiver, repay('500.00', 'r2', '2026-02-20'), repay('100.00', 'r3', '2026-01-25')]) {
      expect(resumed.run(command)).toEqual(original.run(command));
      expect(resumed.state).toEqual(original.state);
    }
  });

  it('packs each installment into one string', () => {
    const packed = loanSnapshotCodec.encode(disbursedLoan().state);
    expect(packed.installments[0]).toBe('1 2026-01-15 2026-02-15 0.00 0.00 1000.00 7884.88 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0 - -');
  });

  it('refuses a packed row of the wrong shape', () => {
    const packed = loanSnapshotCodec.encode(disbursedLoan().state);
    expect(() => loanSnapshotCodec.decode({ ...packed, installments: ['1 2026-01-15'] })).toThrow(/2 fields, expected 18 \(or 23 with its accrual/);
  });
});
