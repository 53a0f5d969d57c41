import type { Actor } from '../../domain/actor.js';
import {
  CUSTOMER_ACCOUNT, type CustomerAccountDoc, type CustomerLoanLine, type KycStatus,
} from '../../projections/models/customer-account/documents.js';
import type { EventStore } from '../../eventstore/port.js';
import type { ReadStore } from '../../readstore/port.js';
import { accountOwedOn } from './owed-today.js';
import { amountDueNow } from './amount-due-now.js';
import { maskAccount, maskEmail, maskName, maskNationalId, maskPhone } from '../../vault/masking.js';
import { ERASED, type PiiVault } from '../../vault/pii-vault.js';
import type { Sealed } from '../../domain/customer/events.js';
import { disclose } from './pii-disclosure.js';

export interface CustomerAccountView {
  id: string;
  profile: { name: string | null; nationalId: string | null; phone: string | null; email: string | null };
  registeredOn: string;
  kycStatus: KycStatus;
  /** Income (a decimal string in CNY) and employer in clear, or `[erased]`; the bank account masked. */
  kyc: { monthlyIncome: string; employer: string; employmentMonths: number; bankAccount: string | null; submittedAt: string } | null;
  /** AML flags; withheld from the borrower (no tipping-off). */
  flags: CustomerAccountDoc['flags'];
  erased: boolean;
  /** Each line with its amount due now (amountDueNow) when read with the business date. */
  loans: (CustomerLoanLine & { amountDue?: string })[];
  totals: CustomerAccountDoc['totals'];
}

/**
 * A KYC fact the account centre shows unmasked, as it always has (the borrower's own and the reviewer's
 * basis for a decision): opened with the customer's key, `[erased]` once it is destroyed or the
 * projection dropped the value at erasure.
 */
async function kycFact(vault: PiiVault, customerId: string, sealed: Sealed | null): Promise<string> {
  return sealed === null ? ERASED : (await vault.open(customerId, sealed)) ?? ERASED;
}

/**
 * The account centre as a caller sees it: PII masked (or `[erased]`) but for the KYC income and
 * employer (kycFact), every loan line and per-currency totals; null when unknown. With `owedOn`
 * (the event store and the business date), each line's balance and next due are what a payment
 * that day finds (accountOwedOn, QA 10 R1).
 */
export async function customerAccountView(
  readStore: ReadStore, vault: PiiVault, customerId: string, viewer: Actor, owedOn?: { eventStore: EventStore; businessDate: string },
): Promise<CustomerAccountView | null> {
  const stored = await readStore.get<CustomerAccountDoc>(CUSTOMER_ACCOUNT, customerId);
  if (!stored) return null;
  const doc = owedOn ? { ...stored, ...(await accountOwedOn(readStore, owedOn.eventStore, stored, owedOn.businessDate)) } : stored;
  const masked = (sealed: string | null, mask: (plain: string) => string) => disclose(vault, customerId, sealed, mask, 'masked');
  return {
    id: doc.id,
    profile: {
      name: await masked(doc.profile.name, maskName),
      nationalId: await masked(doc.profile.nationalId, maskNationalId),
      phone: await masked(doc.profile.phone, maskPhone),
      email: await masked(doc.profile.email, maskEmail),
    },
    registeredOn: doc.registeredOn,
    kycStatus: doc.kycStatus,
    kyc: doc.kyc && {
      ...doc.kyc,
      monthlyIncome: await kycFact(vault, customerId, doc.kyc.monthlyIncome),
      employer: await kycFact(vault, customerId, doc.kyc.employer),
      bankAccount: await masked(doc.kyc.bankAccount, maskAccount),
    },
    flags: viewer.role === 'borrower' ? [] : doc.flags,
    erased: doc.erased,
    loans: owedOn ? await Promise.all(doc.loans.map(async (line) => ({ ...line, amountDue: await amountDueNow(owedOn.eventStore, line, owedOn.businessDate) }))) : doc.loans,
    totals: doc.totals,
  };
}
