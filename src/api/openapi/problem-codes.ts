import { POLICY, type RouteId } from '../auth/policy.js';
import { LOAN_COMMAND_CODES, PRODUCT_TERM_RULES, READS_COMMAND_HEADERS, ROUTE_CODES } from './route-problem-codes.js';

/** HTTP status → the problem `code`s an operation can answer with it. */
export type ProblemCodes = Partial<Record<number, readonly string[]>>;

/** Refusals of the command pipeline itself, whatever the command. */
const PIPELINE: ProblemCodes = {
  400: ['VALIDATION_FAILED', 'MALFORMED_JSON', 'FORBIDDEN_PROTOTYPE_KEY', 'INVALID_IF_MATCH', 'INVALID_IDEMPOTENCY_KEY'],
  409: ['CONCURRENCY_CONFLICT', 'IDEMPOTENCY_KEY_TAKEN', 'STREAM_HEAD_UNAUTHENTICATED', 'STREAM_HISTORY_BROKEN'],
  413: ['BODY_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
  422: ['IDEMPOTENCY_KEY_REUSED'],
};

/** The one money rule's refusals (src/domain/money.ts), the same on every route that takes an amount, plus a bad date. */
const AMOUNT_CODES = ['INVALID_AMOUNT', 'AMOUNT_TOO_PRECISE', 'NEGATIVE_AMOUNT', 'INVALID_DATE'];

/**
 * The domain's refusals per entity, by status (DomainError kinds: invalid 400, not_found 404,
 * conflict 409, rule 422). Kept by hand from src/domain; a code missing here still reaches the
 * client in the same problem shape.
 */
const DOMAIN: Record<'customers' | 'products' | 'loans', ProblemCodes> = {
  customers: {
    400: ['INVALID_INPUT', 'REASON_REQUIRED', ...AMOUNT_CODES],
    404: ['CUSTOMER_NOT_FOUND'],
    409: ['CUSTOMER_EXISTS', 'NATIONAL_ID_TAKEN', 'CUSTOMER_ERASED', 'KYC_ALREADY_DECIDED', 'KYC_NOT_SUBMITTED'],
  },
  products: {
    400: ['UNSUPPORTED_CURRENCY', ...AMOUNT_CODES],
    404: ['PRODUCT_NOT_FOUND'],
    409: ['PRODUCT_EXISTS'],
    422: ['PRODUCT_RETIRED', 'APR_CAP_EXCEEDED', 'APR_NOT_COMPUTABLE', 'FEES_EXCEED_PRINCIPAL', ...PRODUCT_TERM_RULES],
  },
  loans: {
    400: ['INVALID_CREDIT_INPUT', 'CURRENCY_MISMATCH', ...AMOUNT_CODES],
    404: ['LOAN_NOT_FOUND', 'CUSTOMER_NOT_FOUND', 'PRODUCT_NOT_FOUND'],
    409: [
      'LOAN_EXISTS', 'LOAN_NOT_PENDING', 'LOAN_NOT_ASSESSED', 'LOAN_NOT_APPROVED', 'ALREADY_DISBURSED', 'LOAN_NOT_ACTIVE', 'LOAN_NOT_REPAYABLE',
      'LOAN_NOT_OVERPAID', 'LOAN_NOT_WRITTEN_OFF', 'WRITE_OFF_ALREADY_REQUESTED', 'WRITE_OFF_NOT_REQUESTED', 'CUSTOMER_ERASED',
      'DUPLICATE_REFERENCE', 'REPAYMENT_REVERSED',
    ],
    422: [
      'AMOUNT_OUT_OF_RANGE', 'TERM_OUT_OF_RANGE', 'KYC_NOT_VERIFIED', 'CREDIT_DECLINED', 'FOUR_EYES_REQUIRED', 'ROLE_NOT_ALLOWED', 'PRODUCT_RETIRED',
      'APR_CAP_EXCEEDED', 'APR_NOT_COMPUTABLE', 'FEES_EXCEED_PRINCIPAL', 'DUPLICATE_REFERENCE', 'EFFECTIVE_DATE_BEFORE_DISBURSEMENT',
      'NOTHING_TO_WAIVE', 'REFUND_EXCEEDS_CREDIT', 'WRITE_OFF_DPD_TOO_LOW', 'NOTHING_TO_RESCHEDULE', 'RESCHEDULE_AFTER_PREPAYMENT',
      'RESCHEDULE_BACKDATED', 'BACKDATED_BEFORE_RESCHEDULE', 'BACKDATED_BEFORE_PAYMENT', 'BACKDATED_BEFORE_WRITE_OFF',
      'DISBURSEMENT_BEFORE_APPROVAL', 'APPROVAL_BEFORE_SUBMISSION', 'AMOUNT_EXCEEDS_PAYOFF', 'OVERPAYMENT_TOO_LARGE',
      'WRITE_OFF_BEFORE_REQUEST', 'WRITE_OFF_BEFORE_LATER_FACTS', 'CHARGE_TOO_LARGE', 'WAIVER_EXCEEDS_INTEREST_DUE',
    ],
  },
};

/** What a few routes answer beyond their kind. */
const EXTRA: Partial<Record<RouteId, ProblemCodes>> = {
  'auth.verify': { 409: ['NATIONAL_ID_TAKEN'] },
  'loans.payoff': { 400: ['PAYOFF_DATE_BEFORE_DISBURSEMENT'], 422: ['BACKDATED_BEFORE_RESCHEDULE', 'PAYOFF_DATE_BEFORE_LATER_FACTS'] },
  'operations.closeOfBusiness': { 409: ['EOD_ALREADY_RUNNING', 'PROJECTION_BEHIND'] },
  'admin.projections': { 409: ['PROJECTORS_ELSEWHERE'] },
  'admin.rebuildProjection': { 404: ['PROJECTION_NOT_FOUND'], 409: ['PROJECTORS_ELSEWHERE', 'PROJECTION_REBUILDING'] },
  'reports.amlLargeTransactions': { 400: ['INVALID_PERIOD'] },
  'reports.amlSuspicious': { 400: ['INVALID_PERIOD'] },
  'reports.disbursements': { 400: ['INVALID_PERIOD'] },
  'reports.portfolio': { 422: ['PORTFOLIO_AS_OF_PAST', 'DATE_AFTER_BUSINESS_DATE'] },
  'reports.trialBalance': { 422: ['DATE_AFTER_BUSINESS_DATE'] },
  'loans.state': { 422: ['DATE_AFTER_BUSINESS_DATE'] },
  'payments.createIntent': {
    400: ['INVALID_AMOUNT', 'AMOUNT_TOO_PRECISE', 'NEGATIVE_AMOUNT', 'INVALID_IDEMPOTENCY_KEY'], 404: ['LOAN_NOT_FOUND'],
    409: ['LOAN_NOT_REPAYABLE', 'PAYMENT_INTENT_OPEN', 'PAYMENT_INTENT_CONCURRENT'],
    422: ['CHANNEL_NOT_CONFIGURED', 'AMOUNT_EXCEEDS_PAYOFF', 'IDEMPOTENCY_KEY_REUSED'], 502: ['CHANNEL_UNAVAILABLE'],
  },
  'payments.cancelIntent': { 404: ['PAYMENT_INTENT_NOT_FOUND'], 409: ['PAYMENT_ALREADY_CONFIRMED', 'PAYMENT_INTENT_CLOSED'], 502: ['CHANNEL_UNAVAILABLE'] },
  'payments.startRefundPayout': {
    400: ['INVALID_AMOUNT', 'AMOUNT_TOO_PRECISE', 'NEGATIVE_AMOUNT', 'PAYEE_REQUIRED'], 404: ['LOAN_NOT_FOUND'], 409: ['LOAN_NOT_OVERPAID', 'PAYOUT_CONCURRENT'],
    422: ['CHANNEL_NOT_CONFIGURED', 'REFUND_EXCEEDS_CREDIT', 'PAYEE_NAME_REQUIRED'], 502: ['CHANNEL_UNAVAILABLE'],
  },
  'payments.approvePayout': {
    404: ['PAYOUT_NOT_FOUND'], 409: ['PAYOUT_NOT_AWAITING_APPROVAL'], 422: ['FOUR_EYES_REQUIRED', 'CHANNEL_NOT_CONFIGURED', 'REFUND_EXCEEDS_CREDIT', 'PAYEE_NAME_REQUIRED'],
    502: ['CHANNEL_UNAVAILABLE'],
  },
  'payments.rejectPayout': { 404: ['PAYOUT_NOT_FOUND'], 409: ['PAYOUT_NOT_AWAITING_APPROVAL'] },
  'payments.confirmPayout': { 404: ['PAYOUT_NOT_FOUND'], 409: ['PAYOUT_ALREADY_CONFIRMED', 'PAYOUT_CLOSED', 'PAYOUT_NOT_APPROVED'], 422: ['PAYOUT_NOT_BANK_TRANSFER', 'REFUND_EXCEEDS_CREDIT'] },
  'payments.failPayout': { 404: ['PAYOUT_NOT_FOUND'], 409: ['PAYOUT_CLOSED', 'PAYOUT_NOT_APPROVED'], 422: ['PAYOUT_NOT_BANK_TRANSFER'] },
  'payments.queryPayout': {
    404: ['PAYOUT_NOT_FOUND'], 409: ['PAYOUT_ALREADY_CONFIRMED', 'PAYOUT_CLOSED', 'PAYOUT_NOT_APPROVED'],
    422: ['PAYOUT_NOT_QUERYABLE', 'CHANNEL_NOT_CONFIGURED', 'PAYOUT_AMOUNT_MISMATCH', 'REFUND_EXCEEDS_CREDIT'], 502: ['CHANNEL_UNAVAILABLE'],
  },
  'payments.cancelPayout': {
    404: ['PAYOUT_NOT_FOUND'], 409: ['PAYOUT_NOT_PENDING', 'PAYOUT_IN_FLIGHT', 'PAYOUT_NOT_CANCELLABLE', 'PAYOUT_ALREADY_PAID', 'PAYOUT_CLOSED'],
    422: ['PAYOUT_NOT_CANCELLABLE', 'CHANNEL_NOT_CONFIGURED', 'PAYOUT_AMOUNT_MISMATCH'], 502: ['CHANNEL_UNAVAILABLE'],
  },
};

/**
 * Routes that take a date or an instant from outside (schemas/common.ts `businessDate`,
 * query-schemas.ts `instant`): one before 1900 is 400 INVALID_DATE. Commands list it with the
 * amounts' codes; these are the rest.
 */
const TAKES_A_DATE: readonly RouteId[] = [
  'holidays.add', 'holidays.remove', 'loans.list', 'loans.payoff', 'loans.state', 'loans.quote', 'audit.list', 'operations.closeOfBusiness',
  'reports.paymentReconciliation', 'reports.portfolio', 'reports.trialBalance', 'reports.amlLargeTransactions', 'reports.amlSuspicious',
  'reports.disbursements',
];

function merge(...parts: ProblemCodes[]): ProblemCodes {
  const out: Record<number, string[]> = {};
  for (const part of parts) {
    for (const [status, codes] of Object.entries(part)) out[Number(status)] = [...new Set([...(out[Number(status)] ?? []), ...(codes ?? [])])];
  }
  return out;
}

/** Every problem the route can answer: the gate (401, 403, 429), input (400), ownership and ids (404), and its kind's own codes. */
export function problemCodesOf(route: RouteId): ProblemCodes {
  const policy = POLICY[route];
  const gate: ProblemCodes = { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 429: ['RATE_LIMITED'] };
  const parts: ProblemCodes[] = [gate];
  if (policy.url.includes(':') || 'borrowerOwns' in policy) parts.push({ 404: ['NOT_FOUND'] });
  if (policy.method === 'GET') {
    // Reads of read models wait for ?minPosition and page with cursors.
    parts.push({ 400: ['INVALID_CURSOR', 'MIN_POSITION_AHEAD'], 503: ['PROJECTION_BEHIND'] });
  } else {
    const family = route.split('.')[0];
    if (family === 'customers' || family === 'products' || family === 'loans') parts.push(PIPELINE, DOMAIN[family]);
    else parts.push({ 400: ['MALFORMED_JSON', 'FORBIDDEN_PROTOTYPE_KEY'], 413: ['BODY_TOO_LARGE'], 415: ['UNSUPPORTED_MEDIA_TYPE'] });
    if (family === 'loans') parts.push(LOAN_COMMAND_CODES);
  }
  if (READS_COMMAND_HEADERS.has(route)) parts.push({ 400: ['INVALID_IF_MATCH', 'INVALID_IDEMPOTENCY_KEY'] });
  if (TAKES_A_DATE.includes(route)) parts.push({ 400: ['INVALID_DATE'] });
  const extra = EXTRA[route];
  if (extra) parts.push(extra);
  const more = ROUTE_CODES[route];
  if (more) parts.push(more);
  return merge(...parts);
}
