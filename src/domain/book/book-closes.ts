import type { Decider, DomainEvent } from '../decider.js';

/** Close of business completed the business date `date` for the whole book (stream `closes-book`). */
export type BusinessDayClosed = DomainEvent<'BusinessDayClosed', { date: string }>;
export type BookCloseEvent = BusinessDayClosed;

export type CloseBook = { type: 'CloseBook'; data: { date: string } };

/** The latest business date the book's close of business completed, null before the first. */
export interface BookClosesState {
  closedThrough: string | null;
}

/**
 * The book's closes in the log, so that what is derived from it (the general ledger's booking dates)
 * can tell the nights a close judged from those none has yet, whatever each loan recorded: a close
 * that finds nothing to record for a loan leaves nothing on its stream. A date on or before the
 * latest one recorded (a re-run, a past date closed again) records nothing.
 */
export const bookClosesDecider: Decider<CloseBook, BookCloseEvent, BookClosesState> = {
  decide: (command, state) => (state.closedThrough !== null && command.data.date <= state.closedThrough ? [] : [{ type: 'BusinessDayClosed', data: { date: command.data.date } }]),
  evolve: (state, event) => (state.closedThrough === null || event.data.date > state.closedThrough ? { closedThrough: event.data.date } : state),
  initialState: () => ({ closedThrough: null }),
};
