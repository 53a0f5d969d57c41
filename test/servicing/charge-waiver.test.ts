import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { DomainError } from '../../src/domain/errors.js';
import { owedMinor } from '../../src/domain/loan/installment.js';
import { owedOn } from '../../src/domain/loan/penalties-owed-by.js';
import type { Installment } from '../../src/domain/loan/state.js';
import { minorOf } from '../../src/domain/money.js';
import { rowsBefore } from './rows-before.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { runHistory } from './run-history.js';
import { amount, attempt, DISBURSED, step, type Step } from './servicing-history.js';

type Kind = 'fee' | 'penalty';
const SERVICE_FEE = { kind: 'service' as const, type: 'fixed' as const, value: '5.00' };
const waive = (kind: Kind, amount: string | null, effectiveDate: string) => ({ type: 'WaiveCharge' as const, data: { kind, amount, reason: 'goodwill', effectiveDate } });

// Owed on `date`: a penalty charged on an open row; a fee only on a row fallen due by then (QA 12 Q3: the fee of a
// period not yet due is not owed, as the payoff that day counts it).
const owedOf = (rows: readonly Installment[], kind: Kind, date: string) => rows.reduce((sum, row) => sum + (row.settled || (kind === 'fee' && row.dueDate > date) ? 0n : owedMinor(row, kind, 2)), 0n);
const waivedOf = (rows: readonly Installment[], kind: Kind) => rows.reduce((sum, row) => sum + minorOf(row.waived[kind], 2), 0n);

describe('fee and penalty waivers act on what was owed on their effective date', () => {
  function latePenalty(): ServicedLoan {
    const loan = new ServicedLoan('W3', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
    let today = DISBURSED;
    while (today < '2024-03-20') loan.close((today = addDays(today, 1)));
    return loan;
  }

  it('given row 1\'s 25.00 penalty (charged 02-18) and row 2\'s (charged 03-18), when row 1 is paid on 03-19 with its penalty, then a penalty waiver dated 02-20 waives row 1\'s 25.00 as owed then, not row 2\'s owed now', () => {
    const loan = latePenalty();
    expect(loan.state.penalties.map((p) => [p.number, p.date])).toEqual([[1, '2024-02-18'], [2, '2024-03-18']]);
    // 990.07 + 30.00 + 25.00 pays row 1 and its penalty (penalty first); row 2's penalty is all that is owed now.
    loan.repay('1045.07', 'p1', '2024-03-19');
    expect(loan.figures().outstanding.penalties).toBe('25.00');
    const [waived] = loan.run(waive('penalty', null, '2024-02-20'), '2024-03-20');
    // On 02-20 only row 1's penalty was owed: the waiver is on row 1 (it used to be put on row 2, owed now, and refused
    // as AMOUNT_OUT_OF_RANGE since row 2 owed nothing on 02-20). Replayed there, the 03-19 payment no longer pays row
    // 1's penalty: row 1 takes 1 020.07 and the 25.00 left pays row 2's penalty (charged 03-18, before it).
    expect(waived?.data).toMatchObject({ kind: 'penalty', amount: '25.00', installments: [{ number: 1, amount: '25.00' }] });
    expect(loan.state.installments.map((row) => [row.waived.penalty, row.paid.penalty])).toEqual([['25.00', '0.00'], ['0.00', '25.00'], ['0.00', '0.00']]);
    expect(loan.figures().outstanding.penalties).toBe('0.00');
  });

  it('given the same loan, when more than was owed on the waiver\'s date is asked, then it is refused naming what was owed then', () => {
    const loan = latePenalty();
    expect(() => loan.run(waive('penalty', '50.00', '2024-02-20'), '2024-03-20')).toThrow(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE', details: { waivable: '25.00', effectiveDate: '2024-02-20' } }));
    expect(loan.run(waive('penalty', '50.00', '2024-03-19'), '2024-03-20')[0]?.data).toMatchObject({ amount: '50.00' });
  });

  it('whatever the history, a fee or penalty waiver is accepted exactly when it asks no more than was owed on its date, waives that, and no later back-dated fact makes any waiver take more than was owed at its place (random histories)', () => {
    const waiveCharge = fc.record({ op: fc.constant('waive' as const), kind: fc.constantFrom('fee' as const, 'penalty' as const), cents: fc.option(fc.integer({ min: 1, max: 6_000 }), { nil: null }), back: fc.integer({ min: 0, max: 40 }) });
    const steps = fc.array(fc.oneof({ weight: 3, arbitrary: step }, { weight: 2, arbitrary: waiveCharge as fc.Arbitrary<Step> }), { minLength: 1, maxLength: 22 });
    fc.assert(fc.property(steps, fc.constantFrom('fixed' as const, 'percent' as const), fc.boolean(), (history, penalty, fee) => {
      const loan = new ServicedLoan('L1', servicingTerms({
        writeOffDpd: 30, fees: fee ? [SERVICE_FEE] : [],
        penalty: penalty === 'fixed' ? { type: 'fixed', value: '25.00', cap: null, graceDays: 1 } : { type: 'percent', value: '5', cap: '60.00', graceDays: 1 },
      }), '3000.00', 3, DISBURSED);
      runHistory(loan, history, { record: (command, today) => {
        if (command.type !== 'WaiveCharge' || command.data.kind === 'interest' || (loan.state.status !== 'active' && loan.state.status !== 'overdue')) {
          return attempt(loan, command, today);
        }
        const kind = command.data.kind;
        const date = command.data.effectiveDate;
        if (loan.state.rescheduledOn !== null && date < loan.state.rescheduledOn) return false;
        // A waiver first records the penalties owed by its date that no close has charged (QA 10 R1): a
        // reversal after the day's close can leave a row past its grace with its penalty owed, uncharged.
        const then = rowsBefore(kind === 'penalty' ? owedOn(loan.state, date) : loan.state, date, Number.MAX_SAFE_INTEGER);
        const owedThen = owedOf(then, kind, date);
        const asked = command.data.amount ? minorOf(command.data.amount, 2) : owedThen;
        // A later-dated waiver of the same kind may already waive part of it: replayed before it, this one adds less.
        const laterWaiver = loan.state.waivers.some((w) => w.kind === kind && w.date > date);
        let outcome: { events: ReturnType<ServicedLoan['run']> } | { error: DomainError };
        try {
          outcome = { events: loan.run(command, today) };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          outcome = { error };
        }
        const label = `${kind} waiver of ${command.data.amount ?? 'all'} dated ${date}, ${amount(Number(owedThen))} owed then`;
        if (owedThen === 0n || asked > owedThen) {
          expect('error' in outcome, label).toBe(true);
          return false;
        }
        if ('error' in outcome) {
          expect(laterWaiver && outcome.error.code === 'AMOUNT_OUT_OF_RANGE', `${label}: refused ${outcome.error.code}`).toBe(true);
          return false;
        }
        const recorded = outcome.events.find((e) => e.type === 'ChargeWaived');
        expect(recorded?.type === 'ChargeWaived' && minorOf(recorded.data.amount, 2), label).toBe(asked);
        // Each part no more than its row owed then.
        for (const part of recorded?.type === 'ChargeWaived' ? recorded.data.installments : []) {
          const row = then[part.number - 1] as Installment;
          expect(minorOf(part.amount, 2) <= owedMinor(row, kind, 2), `${label}: row ${part.number}`).toBe(true);
        }
        return true;
      } });
      // After every later fact (back-dated payments and charges, reversals), each waiver still takes at its place in the
      // replay no more than was owed there.
      if (loan.state.contract.length === 0 || loan.state.status === 'written_off') return;
      for (const w of loan.state.waivers) {
        if (w.kind === 'interest') continue;
        const before = rowsBefore(loan.state, w.date, w.sequence);
        const after = rowsBefore(loan.state, w.date, w.sequence + 1);
        const took = waivedOf(after, w.kind) - waivedOf(before, w.kind);
        expect(took <= owedOf(before, w.kind, w.date), `waiver ${w.sequence} on ${w.date}`).toBe(true);
      }
    }), { numRuns: Number(process.env.SERVICING_RUNS ?? 250) });
  }, 300_000);
});
