import { Dec } from '../domain/decimal.js';
import { DomainError } from '../domain/errors.js';
import { minorUnits } from '../domain/money.js';

/** A decimal amount as a whole number of the currency's minor units ("12.34" CNY → 1234 fen), as providers count. */
export function toMinorUnitCount(amount: string, currency: string): number {
  const count = new Dec(amount).times(new Dec(10).pow(minorUnits(currency)));
  if (!count.isInteger()) throw new DomainError('INVALID_AMOUNT', `${amount} is finer than ${currency}'s minor unit`, 'invalid');
  return count.toNumber();
}

/** A provider's whole minor-unit count as a decimal amount (1234 fen → "12.34"). */
export function fromMinorUnitCount(count: number, currency: string): string {
  const places = minorUnits(currency);
  return new Dec(count).dividedBy(new Dec(10).pow(places)).toFixed(places);
}
