import type { Actor } from '../../src/domain/actor.js';
import type { NewEvent } from '../../src/eventstore/port.js';
import { SqliteAppender, type AppendRequest } from '../../src/eventstore/sqlite-append.js';
import { openEventLogDatabase } from '../../src/eventstore/sqlite-schema.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';
import { benchId, loanStory, memoisedSchedules, nextDueDay, type LoanStory } from './loan-story.js';
import { benchTerms, BENCH_PRODUCT_ID } from './product.js';

export interface LogShape {
  loans: number;
  /** Installments each loan has repaid (each with its accrual): sets the events per loan. */
  paidInstallments: number;
}

export interface GeneratedLog {
  events: number;
  loanIds: string[];
  /** A business date on which 1 loan in 28 has an installment falling due: an ordinary night. */
  businessDate: string;
  /** The first disbursement date: repayments dated on or after it are valid for every loan. */
  firstDisbursement: string;
}

const FIRST_DISBURSEMENT = '2025-01-01';
const CUSTOMER_EVENTS = 3;
const LOAN_OPENING_EVENTS = 4;
const EVENTS_PER_PAID_INSTALLMENT = 2;
const APPENDS_PER_TRANSACTION = 1_000;
const ADMIN: Actor = { sub: 'bench-admin', role: 'admin' };

function request(streamId: string, events: NewEvent[]): AppendRequest {
  return { streamId, events, expected: 'no_stream', options: undefined };
}

/** The shape closest to `events` events over `loans` loans (never fewer loans, at least one payment). */
export function shapeFor(events: number, loans: number): LogShape {
  const perLoan = events / loans - CUSTOMER_EVENTS - LOAN_OPENING_EVENTS;
  return { loans, paidInstallments: Math.max(1, Math.round(perLoan / EVENTS_PER_PAID_INSTALLMENT)) };
}

/** Writes every stream with the store's own appender (same rows, same hash chain), many per transaction. */
function appendAll(path: string, streams: Iterable<AppendRequest>, macKey: Buffer | null): number {
  const db = openEventLogDatabase(path, 'OFF');
  const appender = new SqliteAppender(db, new Upcasters(), macKey);
  let appended = 0;
  const writeGroup = db.transaction((group: AppendRequest[]) => {
    const recordedAt = new Date().toISOString();
    for (const request of group) appended += appender.append(request, recordedAt).events.length;
  });
  try {
    let group: AppendRequest[] = [];
    for (const request of streams) {
      group.push(request);
      if (group.length === APPENDS_PER_TRANSACTION) {
        writeGroup(group);
        group = [];
      }
    }
    writeGroup(group);
  } finally {
    db.close();
  }
  return appended;
}

/** The borrowers' histories of a log of `shape`, in the order generateLog writes them (deterministic). */
export function* loanStories(shape: LogShape): Generator<LoanStory> {
  const term = termOf(shape);
  const terms = benchTerms(term);
  const scheduleOf = memoisedSchedules(terms, term);
  for (let index = 0; index < shape.loans; index++) {
    yield loanStory({ index, terms, term, paidInstallments: shape.paidInstallments, firstDisbursement: FIRST_DISBURSEMENT, scheduleOf });
  }
}

const termOf = (shape: LogShape) => Math.max(12, shape.paidInstallments + 2);

/**
 * Writes a portfolio straight into the event-log file (no HTTP, no per-append promise): the store's
 * appender in transactions of 1 000 appends at `synchronous=OFF`, because this is set-up, not a
 * measured figure; 1 M events take about a minute on the 2-core machine. `macKey`: the server's
 * integrity key, when a server will open the log (its heads are then authenticated as its own
 * appends' are, and its check at start finds nothing). Loan snapshots, which the
 * command pipeline would have written along the way, are a second step (writeLoanSnapshots).
 */
export function generateLog(path: string, shape: LogShape, macKey: Buffer | null = null): GeneratedLog {
  const defined = { productId: BENCH_PRODUCT_ID, version: 1, terms: benchTerms(termOf(shape)) };
  const loanIds: string[] = [];
  function* streams(): Generator<AppendRequest> {
    const at = `${FIRST_DISBURSEMENT}T00:00:00.000Z`;
    const product = { type: 'LoanProductDefined', data: defined, occurredAt: at, actor: ADMIN, correlationId: benchId(4, 0) };
    yield request(`product-${BENCH_PRODUCT_ID}`, [product]);
    for (const story of loanStories(shape)) {
      loanIds.push(story.loanId);
      yield request(`customer-${story.customerId}`, story.customer);
      yield request(`loan-${story.loanId}`, story.loan);
    }
  }
  const events = appendAll(path, streams(), macKey);
  return { events, loanIds, businessDate: nextDueDay(FIRST_DISBURSEMENT, shape.paidInstallments), firstDisbursement: FIRST_DISBURSEMENT };
}
