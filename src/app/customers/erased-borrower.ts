import type { Decider } from '../../domain/decider.js';
import { DomainError } from '../../domain/errors.js';
import type { LoanCommand, LoanState } from '../../domain/loan/decider.js';
import type { LoanEvent } from '../../domain/loan/events.js';
import type { AppServices } from '../services.js';
import { loadCustomer, loanOwner } from '../streams.js';

/**
 * Loan commands that would reopen a finished loan or put money on it: a reversal (of a repayment or a
 * recovery: the loan owes again), its approval, and money a channel reports (on a closed loan it
 * reopens as overpaid: a credit owed back). Staff-keyed repayments and charges need an active loan anyway.
 */
function mayReopen(command: LoanCommand): boolean {
  switch (command.type) {
    case 'ReverseRepayment':
    case 'ApproveReversal':
      return true;
    case 'ReceiveRepayment':
      return command.data.keyed === undefined;
    default:
      return false;
  }
}

/**
 * The loan decider, refusing for a loan whose borrower was erased any command that would reopen it or
 * put money on it (409 CUSTOMER_ERASED): erasure was allowed only because every loan was finished, and
 * a live debt or credit whose borrower can no longer be identified, contacted or reported is what it
 * protects against (QA 8 N4). A replay (a reference already recorded) still answers as before; a bounced
 * payment on such a loan is settled outside the system. Only commands that may reopen read the customer.
 */
export async function refusingErasedBorrower(
  services: AppServices,
  loanId: string,
  command: LoanCommand,
  state: LoanState,
  decider: Decider<LoanCommand, LoanEvent, LoanState>,
): Promise<Decider<LoanCommand, LoanEvent, LoanState>> {
  // A borrower is erased only once every loan is finished: an open loan's borrower needs no read.
  if (!mayReopen(command) || state.status === 'active' || state.status === 'overdue') return decider;
  const owner = await loanOwner(services.eventStore, loanId);
  if (owner === null || !(await loadCustomer(services.eventStore, owner)).erased) return decider;
  return {
    ...decider,
    decide: (c, state) => {
      const events = decider.decide(c, state);
      if (events.length > 0) {
        throw new DomainError('CUSTOMER_ERASED', `The borrower of loan ${loanId} was erased: the loan cannot be reopened or take money (settle it outside the system)`, 'conflict', { customerId: owner });
      }
      return events;
    },
  };
}
