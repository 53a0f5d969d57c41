import type { RecordedEvent } from '../../../eventstore/port.js';
import type {
  CustomerFlagged, CustomerRegistered, KycRejected, KycSubmitted, KycVerified,
} from '../../../domain/customer/events.js';
import type { ProjectionContext, ProjectionHandler } from '../../projection.js';
import { businessDateOf, entityIdOf } from '../stream-id.js';
import { CUSTOMER_ACCOUNT, type CustomerAccountDoc } from './documents.js';

function registered(event: RecordedEvent<CustomerRegistered['data']>, ctx: ProjectionContext): void {
  const doc: CustomerAccountDoc = {
    id: entityIdOf(event, 'customer'), profile: event.data.profile, registeredBy: event.data.registeredBy,
    registeredOn: businessDateOf(event), kycStatus: 'not_submitted', kyc: null, kycDecision: null, flags: [],
    erased: false, erasedOn: null, loans: [], totals: [],
  };
  ctx.put(CUSTOMER_ACCOUNT, doc);
}

/** A handler that changes an existing customer's document; one get, one put. */
function amend<D>(change: (doc: CustomerAccountDoc, data: D, event: RecordedEvent<D>) => CustomerAccountDoc): ProjectionHandler {
  return async (raw, ctx) => {
    const event = raw as RecordedEvent<D>;
    const id = entityIdOf(event, 'customer');
    const doc = await ctx.get<CustomerAccountDoc>(CUSTOMER_ACCOUNT, id);
    if (!doc) throw new Error(`${event.type} ${event.eventId}: customer ${id} was never registered`);
    ctx.put(CUSTOMER_ACCOUNT, change(doc, event.data, event));
  };
}

export const customerEventHandlers: Record<string, ProjectionHandler> = {
  CustomerRegistered: (event, ctx) => registered(event as RecordedEvent<CustomerRegistered['data']>, ctx),
  KycSubmitted: amend<KycSubmitted['data']>((doc, d) => ({
    ...doc, kycStatus: 'submitted',
    kyc: { monthlyIncome: d.monthlyIncome, employer: d.employer, employmentMonths: d.employmentMonths, bankAccount: d.bankAccount, submittedAt: d.submittedAt },
  })),
  KycVerified: amend<KycVerified['data']>((doc, d, e) => ({ ...doc, kycStatus: 'verified', kycDecision: { decidedBy: d.decidedBy, reason: d.reason, on: businessDateOf(e) } })),
  KycRejected: amend<KycRejected['data']>((doc, d, e) => ({ ...doc, kycStatus: 'rejected', kycDecision: { decidedBy: d.decidedBy, reason: d.reason, on: businessDateOf(e) } })),
  CustomerFlagged: amend<CustomerFlagged['data']>((doc, d, e) => ({ ...doc, flags: [...doc.flags, { flag: d.flag, reason: d.reason, on: businessDateOf(e) }] })),
  // The sealed values stay: their key is gone, so they open to "[erased]" from now on. Income and
  // employer go: a KycSubmitted v1 recorded them in clear, which the key's loss leaves readable.
  CustomerErased: amend((doc, _d, e) => ({
    ...doc, erased: true, erasedOn: businessDateOf(e), kyc: doc.kyc && { ...doc.kyc, monthlyIncome: null, employer: null },
  })),
};
