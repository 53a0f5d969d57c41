/**
 * Decimal strings as exact integers of a chosen number of places (bigint). Projections add and
 * compare amounts on every event of a replay; decimal.js costs a parse and an allocation per
 * operation there, integers of the minor unit cost almost nothing and are just as exact
 * (`formatMinor` of the schedule code turns them back into strings).
 */
const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;
const ALL_ZEROS = /^0*$/;

/** Digits after the point as written ("30.00" → 2, "7" → 0). */
export function placesOf(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

// A loan's schedule amounts are parsed again on every event of the loan (its outstanding is
// re-summed each time), so parsed values are remembered: a Map hit costs far less than the regex,
// the slicing and the BigInt. Bounded so a million distinct amounts cannot grow it without end.
const MEMO_LIMIT = 50_000;
const memo: Map<string, bigint>[] = [];

/** The amount as an integer count of 10^-places; throws rather than round when it has more places that are not zero. */
export function parseFixed(text: string, places: number): bigint {
  const known = (memo[places] ??= new Map());
  let value = known.get(text);
  if (value === undefined) {
    value = parseUncached(text, places);
    if (known.size >= MEMO_LIMIT) known.clear();
    known.set(text, value);
  }
  return value;
}

function parseUncached(text: string, places: number): bigint {
  if (!DECIMAL_TEXT.test(text)) throw new Error(`${JSON.stringify(text)} is not a decimal amount`);
  const point = text.indexOf('.');
  if (point < 0) return BigInt(places === 0 ? text : text + '0'.repeat(places));
  const written = text.length - point - 1;
  const whole = text.slice(0, point);
  // Amounts are almost always written at the scale asked for: one concatenation, one BigInt.
  if (written === places) return BigInt(whole + text.slice(point + 1));
  if (written < places) return BigInt(whole + text.slice(point + 1) + '0'.repeat(places - written));
  if (!ALL_ZEROS.test(text.slice(point + 1 + places))) throw new Error(`${text} has more than ${places} decimal places`);
  return BigInt(whole + text.slice(point + 1, point + 1 + places));
}
