/** Where a money movement stands in a loan's list: its value (effective) date, then the stream revision that recorded it. */
export interface ValueDatePosition {
  date: string;
  revision: string;
}

/** -1, 0 or 1 as `a` comes before, at or after `b`: by value date, then recording order. */
export function compareValueDate(a: ValueDatePosition, b: ValueDatePosition): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ra = BigInt(a.revision);
  const rb = BigInt(b.revision);
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

/**
 * The movements in value-date order, then recording order: a penalty or payment back-dated by a later
 * record stands among the days it took effect on, as a statement reads, not where it was recorded.
 */
export function byValueDate<T extends ValueDatePosition>(movements: readonly T[]): T[] {
  return [...movements].sort(compareValueDate);
}
