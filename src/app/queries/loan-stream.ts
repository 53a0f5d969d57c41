import type { LoanApplicationSubmitted } from '../../domain/loan/events.js';
import type { EventStore, RecordedEvent } from '../../eventstore/port.js';
import { loanStream } from '../streams.js';

export interface LoanStream {
  customerId: string;
  events: RecordedEvent[];
}

/** Every event of the loan in revision order and the borrower it belongs to; null when the loan never existed. */
export async function readLoanStream(eventStore: EventStore, loanId: string): Promise<LoanStream | null> {
  const events = await eventStore.readStream(loanStream(loanId));
  const application = events.find((e) => e.type === 'LoanApplicationSubmitted') as RecordedEvent<LoanApplicationSubmitted['data']> | undefined;
  return application ? { customerId: application.data.customerId, events } : null;
}
