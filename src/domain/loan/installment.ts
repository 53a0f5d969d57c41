import { Dec, type Decimal } from '../decimal.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import type { ScheduleRow } from './events.js';
import type { Component, Components, Installment } from './state.js';

export const COMPONENTS: readonly Component[] = ['penalty', 'fee', 'interest', 'principal'];

/** Formats an amount at the currency's minor unit (amounts here are already rounded). */
export function fmt(d: Decimal, currency: string): string {
  return d.toFixed(minorUnits(currency));
}

/** One amount on every component (a new row's paid and waived columns: the currency's zero). */
function everyComponent(amount: string): Components {
  return { penalty: amount, fee: amount, interest: amount, principal: amount };
}

const ZERO_TEXT = /^-?0(\.0*)?$/;

/** True for "0", "0.00", "-0.00": lets hot paths skip decimal arithmetic on the common zero case. */
export function isZeroText(amount: string): boolean {
  return ZERO_TEXT.test(amount);
}

/** Still owed on one component: due − paid − waived, never below zero. */
export function owed(inst: Installment, c: Component): Decimal {
  const waivedNothing = isZeroText(inst.waived[c]);
  if (waivedNothing && (inst.due[c] === inst.paid[c] || isZeroText(inst.due[c]))) return new Dec(0);
  const left = new Dec(inst.due[c]).minus(inst.paid[c]).minus(inst.waived[c]);
  return left.isNegative() ? new Dec(0) : left;
}

export function owedTotal(inst: Installment): Decimal {
  if (inst.settled) return new Dec(0);
  return COMPONENTS.reduce((sum, c) => sum.plus(owed(inst, c)), new Dec(0));
}

/** Still owed on one component in minor units (integers: the hot paths of evolve avoid decimal.js). */
export function owedMinor(inst: Installment, c: Component, places: number): bigint {
  const waivedNothing = isZeroText(inst.waived[c]);
  if (waivedNothing && (inst.due[c] === inst.paid[c] || isZeroText(inst.due[c]))) return 0n;
  // A component nothing has touched yet (most rows of a long loan): one amount to read, not three.
  if (waivedNothing && isZeroText(inst.paid[c])) {
    const due = minorOf(inst.due[c], places);
    return due < 0n ? 0n : due;
  }
  const left = minorOf(inst.due[c], places) - minorOf(inst.paid[c], places) - minorOf(inst.waived[c], places);
  return left < 0n ? 0n : left;
}

export function isSettled(inst: Installment, currency: string): boolean {
  const places = minorUnits(currency);
  return COMPONENTS.every((c) => owedMinor(inst, c, places) === 0n);
}

/** a + b for two amounts in the currency, exactly. */
export function addAmounts(a: string, b: string, currency: string): string {
  const places = minorUnits(currency);
  return formatMinor(minorOf(a, places) + minorOf(b, places), places);
}

/** a − b for two amounts in the currency, exactly. */
export function subtractAmounts(a: string, b: string, currency: string): string {
  const places = minorUnits(currency);
  return formatMinor(minorOf(a, places) - minorOf(b, places), places);
}

/** Installments from schedule rows, each period starting where the previous one ended. */
export function installmentsFromSchedule(rows: ScheduleRow[], startDate: string, firstNumber: number, currency: string): Installment[] {
  const zero = fmt(new Dec(0), currency);
  return rows.map((row, i) => ({
    number: firstNumber + i,
    fromDate: i === 0 ? startDate : (rows[i - 1] as ScheduleRow).dueDate,
    dueDate: row.dueDate,
    due: { penalty: zero, fee: row.fee, interest: row.interest, principal: row.principal },
    paid: everyComponent(zero),
    waived: everyComponent(zero),
    settled: false,
    overdueSince: null,
    settledOn: null,
  }));
}

/** Index of the oldest unsettled installment at or after `from`. */
export function nextUnsettled(installments: readonly Installment[], from: number): number {
  let i = from;
  while (i < installments.length && (installments[i] as Installment).settled) i++;
  return i;
}
