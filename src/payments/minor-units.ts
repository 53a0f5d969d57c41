import { Dec } from '../domain/decimal.js';
import { minorOf, minorUnits, Money } from '../domain/money.js';

/** A decimal amount as a whole number of the currency's minor units ("12.34" CNY → 1234 fen), as providers count; Money.parse's 400 codes otherwise. */
export function toMinorUnitCount(amount: string, currency: string): number {
  return Number(minorOf(Money.parse(amount, currency).toString(), minorUnits(currency)));
}

/** A provider's whole minor-unit count as a decimal amount (1234 fen → "12.34"). */
export function fromMinorUnitCount(count: number, currency: string): string {
  const places = minorUnits(currency);
  return new Dec(count).dividedBy(new Dec(10).pow(places)).toFixed(places);
}
