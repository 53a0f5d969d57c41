import type { CustomerEvent, Sealed } from './events.js';

export type KycStatus = 'none' | 'submitted' | 'verified' | 'rejected';

/** What the customer decider needs to know; plain JSON so it can be snapshotted. */
export interface CustomerState {
  customerId: string | null;
  kycStatus: KycStatus;
  kycVerifiedAt: string | null;
  /** The declared income, sealed as the KycSubmitted event holds it (the decider never needs it in clear). */
  monthlyIncome: Sealed | null;
  employmentMonths: number | null;
  flags: string[];
  erased: boolean;
  /** Who registered the customer and who submitted its current KYC (user ids): none of them may verify it. */
  kycMakers: string[];
}

export function initialCustomerState(): CustomerState {
  return {
    customerId: null,
    kycStatus: 'none',
    kycVerifiedAt: null,
    monthlyIncome: null,
    employmentMonths: null,
    flags: [],
    erased: false,
    kycMakers: [],
  };
}

/** Folds one customer event into the state; never throws (events are facts). */
export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerRegistered':
      return { ...state, customerId: event.data.customerId, kycMakers: event.data.registrar === undefined ? [] : [event.data.registrar] };
    case 'KycSubmitted':
      return {
        ...state,
        kycMakers: event.data.submittedBy === undefined || state.kycMakers.includes(event.data.submittedBy) ? state.kycMakers : [...state.kycMakers, event.data.submittedBy],
        kycStatus: 'submitted',
        kycVerifiedAt: null,
        monthlyIncome: event.data.monthlyIncome,
        employmentMonths: event.data.employmentMonths,
      };
    case 'KycVerified':
      return { ...state, kycStatus: 'verified', kycVerifiedAt: event.data.verifiedAt };
    case 'KycRejected':
      return { ...state, kycStatus: 'rejected', kycVerifiedAt: null };
    case 'CustomerFlagged':
      return state.flags.includes(event.data.flag) ? state : { ...state, flags: [...state.flags, event.data.flag] };
    case 'CustomerErased':
      return { ...state, erased: true };
    case 'LoanApplicationOpened':
      return state;
  }
}
