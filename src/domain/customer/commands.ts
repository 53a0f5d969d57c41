import type { Sealed, SealedProfile } from './events.js';

/** Commands carry everything the decider needs: ids, times and who acted, as plain data. */
export type RegisterCustomer = {
  type: 'Register';
  data: { customerId: string; profile: SealedProfile; registeredBy: 'self' | 'officer'; registrar?: string };
};
export type SubmitKyc = {
  type: 'SubmitKyc';
  data: { monthlyIncome: Sealed; employer: Sealed; employmentMonths: number; bankAccount: Sealed; submittedAt: string; submittedBy?: string };
};
/** Roles are the application's concern; the decider checks the KYC state and that the decider is not a maker. */
export type DecideKyc = {
  type: 'DecideKyc';
  data: { decision: 'verified' | 'rejected'; reason: string | null; decidedBy: string; decidedAt: string };
};
export type FlagCustomer = { type: 'Flag'; data: { reason: string } };
export type EraseCustomer = { type: 'Erase'; data: { reason: string; erasedBy: string } };
/** Notes an application opened for the customer: CUSTOMER_ERASED (409) once erased. */
export type NoteApplication = { type: 'NoteApplication'; data: { loanId: string } };

export type CustomerCommand = RegisterCustomer | SubmitKyc | DecideKyc | FlagCustomer | EraseCustomer | NoteApplication;
