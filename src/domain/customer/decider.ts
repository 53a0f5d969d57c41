import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { CustomerCommand, DecideKyc, SubmitKyc } from './commands.js';
import type { CustomerEvent } from './events.js';
import { evolveCustomer, initialCustomerState, type CustomerState } from './state.js';

export type { CustomerCommand } from './commands.js';
export type { CustomerState, KycStatus } from './state.js';

function mustBeLive(state: CustomerState): void {
  if (state.customerId === null) throw new DomainError('CUSTOMER_NOT_FOUND', 'Customer does not exist', 'not_found');
  if (state.erased) throw new DomainError('CUSTOMER_ERASED', 'Customer has been erased', 'conflict');
}

function submitKyc({ data }: SubmitKyc, state: CustomerState): CustomerEvent[] {
  // The income arrives sealed: the application checked the amount before sealing it (know-your-customer.ts).
  if (state.kycStatus === 'verified') {
    throw new DomainError('KYC_ALREADY_DECIDED', 'KYC is already verified', 'conflict');
  }
  if (!Number.isInteger(data.employmentMonths) || data.employmentMonths < 0) {
    throw new DomainError('INVALID_INPUT', 'Employment months must be a whole number ≥ 0', 'invalid');
  }
  return [{ type: 'KycSubmitted', data }];
}

function decideKyc({ data }: DecideKyc, state: CustomerState): CustomerEvent[] {
  if (state.kycStatus === 'none') throw new DomainError('KYC_NOT_SUBMITTED', 'KYC has not been submitted', 'conflict');
  if (state.kycStatus !== 'submitted') {
    throw new DomainError('KYC_ALREADY_DECIDED', `KYC is already ${state.kycStatus}`, 'conflict');
  }
  if (data.decision === 'verified') {
    // Maker-checker: the person who registered the customer or submitted the KYC cannot also verify it.
    if (state.kycMakers.includes(data.decidedBy)) {
      throw new DomainError('KYC_FOUR_EYES', 'Whoever registered the customer or submitted its KYC cannot verify it; another person must', 'rule');
    }
    return [{ type: 'KycVerified', data: { reason: data.reason, decidedBy: data.decidedBy, verifiedAt: data.decidedAt } }];
  }
  if (!data.reason) throw new DomainError('REASON_REQUIRED', 'A KYC rejection needs a reason', 'invalid');
  return [{ type: 'KycRejected', data: { reason: data.reason, decidedBy: data.decidedBy } }];
}

/** Decides a customer command against the state: returns the new events or throws a DomainError. */
export function decideCustomer(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  if (command.type === 'Register') {
    if (state.customerId !== null) throw new DomainError('CUSTOMER_EXISTS', 'Customer already exists', 'conflict');
    return [{ type: 'CustomerRegistered', data: command.data }];
  }
  // Erasure is idempotent: a second request (or a retry) finds nothing left to shred.
  if (command.type === 'Erase' && state.erased) return [];
  mustBeLive(state);
  switch (command.type) {
    case 'SubmitKyc':
      return submitKyc(command, state);
    case 'DecideKyc':
      return decideKyc(command, state);
    case 'Flag':
      return [{ type: 'CustomerFlagged', data: { flag: 'aml', reason: command.data.reason } }];
    case 'Erase':
      return [{ type: 'CustomerErased', data: command.data }];
    case 'NoteApplication':
      return [{ type: 'LoanApplicationOpened', data: command.data }];
  }
}

export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  decide: decideCustomer,
  evolve: evolveCustomer,
  initialState: initialCustomerState,
};
