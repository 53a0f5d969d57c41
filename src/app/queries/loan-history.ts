import type { Actor } from '../../domain/actor.js';
import type { CustomerRegistered, KycSubmitted } from '../../domain/customer/events.js';
import type { CreditAssessed } from '../../domain/loan/events.js';
import type { EventStore, RecordedEvent } from '../../eventstore/port.js';
import { maskAccount, maskEmail, maskName, maskNationalId, maskPhone } from '../../vault/masking.js';
import type { PiiVault } from '../../vault/pii-vault.js';
import { customerStream } from '../streams.js';
import type { LoanStream } from './loan-stream.js';
import { disclose, type Disclosure } from './pii-disclosure.js';

export interface HistoryEntry {
  revision: string;
  position: string;
  type: string;
  /** Business time. */
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  /** The tamper-evidence chain: sha256 hex of this event and of the one before it in the stream. */
  prevHash: string;
  hash: string;
  /** The payload as the log holds it (PII sealed), but a CreditAssessed's `inputs.monthlyIncome` opened (withIncomeOpened). */
  data: unknown;
}

export interface LoanHistory {
  loanId: string;
  customerId: string;
  disclosure: Disclosure;
  /** The borrower's PII as the log holds it, opened per the caller's rights. */
  borrower: { name: string | null; nationalId: string | null; phone: string | null; email: string | null; bankAccount: string | null };
  events: HistoryEntry[];
}

function toEntry(event: RecordedEvent): HistoryEntry {
  return {
    revision: event.revision.toString(), position: event.position.toString(), type: event.type, occurredAt: event.occurredAt,
    recordedAt: event.recordedAt, actor: event.actor, correlationId: event.correlationId, causationId: event.causationId,
    prevHash: event.prevHash, hash: event.hash, data: event.data,
  };
}

/**
 * A CreditAssessed entry with the income the scorecard saw opened with the customer's key: in clear
 * for every reader of the history, as the account centre shows the KYC income (the basis of the
 * credit decision), `[erased]` once erasure destroyed the key. Other entries as they are.
 */
async function withIncomeOpened(vault: PiiVault, customerId: string, entry: HistoryEntry): Promise<HistoryEntry> {
  if (entry.type !== 'CreditAssessed') return entry;
  const data = entry.data as CreditAssessed['data'];
  if (typeof data.inputs?.monthlyIncome !== 'string') return entry;
  const monthlyIncome = await vault.reveal(customerId, data.inputs.monthlyIncome);
  return { ...entry, data: { ...data, inputs: { ...data.inputs, monthlyIncome } } };
}

/** The loan's full timeline from the log; the borrower's PII (from the customer stream) opened in clear or masked per `disclosure`. */
export async function loanHistory(
  eventStore: EventStore, vault: PiiVault, loanId: string, stream: LoanStream, disclosure: Disclosure,
): Promise<LoanHistory> {
  const { customerId } = stream;
  const customerEvents = await eventStore.readStream(customerStream(customerId));
  const profile = (customerEvents.find((e) => e.type === 'CustomerRegistered') as RecordedEvent<CustomerRegistered['data']> | undefined)?.data.profile;
  const kyc = (customerEvents.findLast((e) => e.type === 'KycSubmitted') as RecordedEvent<KycSubmitted['data']> | undefined)?.data;
  const open = (sealed: string | null | undefined, mask: (plain: string) => string) => disclose(vault, customerId, sealed ?? null, mask, disclosure);
  return {
    loanId,
    customerId,
    disclosure,
    borrower: {
      name: await open(profile?.name, maskName),
      nationalId: await open(profile?.nationalId, maskNationalId),
      phone: await open(profile?.phone, maskPhone),
      email: await open(profile?.email, maskEmail),
      bankAccount: await open(kyc?.bankAccount, maskAccount),
    },
    events: await Promise.all(stream.events.map((event) => withIncomeOpened(vault, customerId, toEntry(event)))),
  };
}
