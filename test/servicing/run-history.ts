import { addDays } from '../../src/domain/calendar.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import type { RecordedEvent } from '../../src/eventstore/port.js';
import type { ServicedLoan } from './serviced-loan.js';
import { attempt, commandFor, DISBURSED, type Step } from './servicing-history.js';

/**
 * How the nights between business dates are closed while a history runs:
 * - `each-day-reached` (the default): every day the date moves to is closed on arrival, so a step's
 *   command is recorded after the close of its business date;
 * - `each-day-left`: the business date is closed before the date moves on, and the loan is told that
 *   close (`loan.context.lastClose`) as the command pipeline tells it: a step's command is recorded on a
 *   business date whose night has not run yet;
 * - `none`: the date moves with no close at all (nights missed, or a close that has not run yet).
 */
export type Nights = 'each-day-reached' | 'each-day-left' | 'none';

/** One step of the history once it has run: what the properties look at after it. */
export interface HistoryStep {
  /** The step's index in the drawn history (the `n` its references carry: `p${n}`, `rec${n}`). */
  n: number;
  /** The step as drawn, before any `reshape`. */
  step: Step;
  /** The business date after the step. */
  today: string;
  /** The command the step stood for, or null when it only moved the date (or had nothing to act on). */
  command: LoanCommand | null;
  /** Whether `record` recorded the command (false when refused, skipped, or there was none). */
  recorded: boolean;
  /** The events recorded by the step's command (not the closes before it), in log order. */
  events: readonly RecordedEvent[];
}

export interface HistoryOptions {
  /** Business date the history starts on; the disbursement date by default. */
  from?: string;
  /** How nights are closed; `each-day-reached` by default. */
  nights?: Nights;
  /** Business days each `advance` day stands for (long gaps reach 90+ days past due); 1 by default. */
  dayScale?: number;
  /** With `each-day-reached`: tell the loan each close as the pipeline does (`loan.context.lastClose`). */
  tellLastClose?: boolean;
  /** Reshapes a step before its command is made (payments reaching further back, or less far). */
  reshape?: (s: Step) => Step;
  /**
   * Records a step's command on business date `today` and says whether it was recorded; by default
   * `attempt` (a refused command records nothing). A property that looks at the loan just before a
   * command, or skips some commands, wraps `attempt` here.
   */
  record?: (command: LoanCommand, today: string) => boolean;
  /** Called after each night's close (and after the loan was told it, with `each-day-left`). */
  onClose?: (date: string) => void;
}

/**
 * Runs a random servicing history (servicing-history.ts) over `loan` through the real decider: for each
 * step, moves the business date and closes its nights as `nights` says, then records the command the step
 * stands for. `onStep` sees every step once it has run; when it returns a promise, the next step waits for
 * it and the history's result is a promise too. Returns the business date the history ends on.
 */
export function runHistory(loan: ServicedLoan, steps: readonly Step[], options: HistoryOptions & { onStep: (at: HistoryStep) => Promise<void> }): Promise<string>;
export function runHistory(loan: ServicedLoan, steps: readonly Step[], options?: HistoryOptions & { onStep?: (at: HistoryStep) => void }): string;
export function runHistory(loan: ServicedLoan, steps: readonly Step[], options: HistoryOptions & { onStep?: (at: HistoryStep) => Promise<void> | void } = {}): string | Promise<string> {
  const walk = walkHistory(loan, steps, options);
  const go = (): string | Promise<string> => {
    for (;;) {
      const next = walk.next();
      if (next.done) return next.value;
      const waiting = options.onStep?.(next.value);
      if (waiting instanceof Promise) return waiting.then(go);
    }
  };
  return go();
}

function* walkHistory(loan: ServicedLoan, steps: readonly Step[], options: HistoryOptions): Generator<HistoryStep, string> {
  const { nights = 'each-day-reached', dayScale = 1, reshape = (s: Step) => s, record = (command: LoanCommand, today: string) => attempt(loan, command, today) } = options;
  const close = (date: string, tell: boolean) => {
    loan.close(date);
    if (tell) loan.context = { lastClose: date };
    options.onClose?.(date);
  };
  let today = options.from ?? DISBURSED;
  for (const [n, s] of steps.entries()) {
    if (s.op === 'advance') {
      for (let d = 0; d < s.days * dayScale; d++) {
        if (nights === 'each-day-left') close(today, true);
        today = addDays(today, 1);
        if (nights === 'each-day-reached') close(today, options.tellLastClose === true);
      }
    }
    const command = commandFor(reshape(s), today, n, loan.state);
    const before = loan.log.events.length;
    const recorded = command !== null && record(command, today);
    yield { n, step: s, today, command, recorded, events: loan.log.events.slice(before) };
  }
  return today;
}
