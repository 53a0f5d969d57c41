import type { Installment } from './state.js';

/** What one date of a replay left changed: the rows' count after it and each row it replaced, by index. */
interface DayEnd {
  date: string;
  length: number;
  changes: [number, Installment][];
}

/**
 * A loan's installments on every date at once, from one replay of all its facts
 * (servicing-replay.ts's replayTimeline): at the end of each date the replay applied facts on, the
 * rows that date replaced. `at(date)` gives what replaying only the facts dated by `date` gives
 * (installmentsOn), without a replay per date: a close catching up 92 missed nights, or the ledger
 * booking a catch-up's accrual on each later date the loan holds a fact on, asked it for each of
 * dozens of dates, each a replay of the whole history (qa15: 15–17 s on a 360-row loan with 72
 * payments). Only the rows a date replaced are kept (rows are replaced, never changed in place).
 */
export class InstallmentsTimeline {
  private readonly ends: DayEnd[] = [];
  private noted: Installment[];

  /** `start`: the rows before any fact, as the replay starts from them (kept, never changed). */
  constructor(private readonly start: readonly Installment[]) {
    this.noted = start.slice();
  }

  /** Notes `rows` as they stand at the end of `date`, a date later than every one noted before. */
  note(date: string, rows: readonly Installment[]): void {
    const changes: [number, Installment][] = [];
    for (let i = 0; i < rows.length; i++) if (rows[i] !== this.noted[i]) changes.push([i, rows[i] as Installment]);
    if (changes.length === 0 && rows.length === this.noted.length) return;
    this.ends.push({ date, length: rows.length, changes });
    this.noted = rows.slice();
  }

  /** The installments at the end of `date`: every fact dated on or before it applied, none dated later. A new array; rows are shared, never to be changed in place. */
  at(date: string): Installment[] {
    const rows = this.start.slice();
    for (const end of this.ends) {
      if (end.date > date) break;
      for (const [i, row] of end.changes) rows[i] = row;
      rows.length = end.length;
    }
    return rows;
  }

  /**
   * Calls `visit` with the rows before any fact (date null), then with each date the rows changed on,
   * oldest first, and the rows at its end: the rows stand so through the day before the next date.
   * Rows are shared, never to be changed in place.
   */
  forEachDate(visit: (date: string | null, rows: readonly Installment[]) => void): void {
    const rows = this.start.slice();
    visit(null, rows.slice());
    for (const end of this.ends) {
      for (const [i, row] of end.changes) rows[i] = row;
      rows.length = end.length;
      visit(end.date, rows.slice());
    }
  }
}
