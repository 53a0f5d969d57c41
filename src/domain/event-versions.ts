import { recordedInClear } from './customer/recorded-in-clear.js';

/**
 * How stored event payloads of older schema versions become today's shape. Pure data → data
 * functions; the runtime registers them with the event store's upcaster registry so deciders and
 * projections only ever see the newest version.
 */
export interface EventUpcast {
  type: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}

type Payload = Record<string, unknown>;

const isPayload = (v: unknown): v is Payload => typeof v === 'object' && v !== null && !Array.isArray(v);

/** v1 product terms predate `writeOffDpd`; 90 days is the threshold every v1 product was run with. */
function withWriteOffDpd(terms: unknown): unknown {
  if (!isPayload(terms) || terms.writeOffDpd !== undefined) return terms;
  return { ...terms, writeOffDpd: 90 };
}

function termsUpcast(data: unknown): unknown {
  return isPayload(data) ? { ...data, terms: withWriteOffDpd(data.terms) } : data;
}

/** KycSubmitted v1 held income and employer in clear; v2 seals them, so v1's read as values recorded in clear. */
function kycUpcast(data: unknown): unknown {
  if (!isPayload(data)) return data;
  const marked = (value: unknown) => (typeof value === 'string' ? recordedInClear(value) : value);
  return { ...data, monthlyIncome: marked(data.monthlyIncome), employer: marked(data.employer) };
}

/**
 * CreditAssessed v1 held the income in clear in `inputs.monthlyIncome` and named it in the income
 * reason's message ("Monthly income 30000.00 > 20000"); v2 seals the one and names it in no reason.
 * So v1's income is read as a value recorded in clear, and every reason's message loses the amount
 * ("Monthly income > 20000", v2's wording).
 */
function creditAssessedUpcast(data: unknown): unknown {
  if (!isPayload(data) || !isPayload(data.inputs) || typeof data.inputs.monthlyIncome !== 'string') return data;
  const income = data.inputs.monthlyIncome;
  const withoutIncome = (reason: unknown) => (isPayload(reason) && typeof reason.message === 'string' && reason.message.includes(income)
    ? { ...reason, message: reason.message.split(income).join('').replace(/ {2,}/g, ' ').trim() }
    : reason);
  return {
    ...data,
    inputs: { ...data.inputs, monthlyIncome: recordedInClear(income) },
    reasons: Array.isArray(data.reasons) ? data.reasons.map(withoutIncome) : data.reasons,
  };
}

export const EVENT_UPCASTS: readonly EventUpcast[] = [
  { type: 'LoanProductDefined', fromVersion: 1, upcast: termsUpcast },
  { type: 'LoanProductAmended', fromVersion: 1, upcast: termsUpcast },
  // A loan keeps a copy of its product's terms, so its application event changed with them.
  { type: 'LoanApplicationSubmitted', fromVersion: 1, upcast: termsUpcast },
  { type: 'KycSubmitted', fromVersion: 1, upcast: kycUpcast },
  { type: 'CreditAssessed', fromVersion: 1, upcast: creditAssessedUpcast },
];
