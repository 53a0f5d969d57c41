import type { RouteId } from '../auth/policy.js';
import type { ProblemCodes } from './problem-codes.js';

/**
 * validateProductTerms' refusals (src/domain/product/terms.ts, kind rule: 422), on a product's
 * terms wherever they are checked: define, amend, and a quote on draft terms (QA9 Q10: they were
 * listed under 400, the status of an unreadable body, and answered 422). Its non-working-day rule
 * and prepayment strategy checks are left out: the request schema's enums refuse those first (400).
 */
export const PRODUCT_TERM_RULES = [
  'INVALID_PRODUCT_NAME', 'INVALID_PRODUCT_RANGE', 'INVALID_TERM', 'INVALID_GRACE', 'INVALID_FEE', 'INVALID_PENALTY', 'INVALID_APR_CAP',
  'INVALID_WRITE_OFF_DPD', 'RATE_OUT_OF_RANGE',
] as const;

/** Every loan command checks its dates against the business date before its decider runs (src/app/business-date.ts). */
export const LOAN_COMMAND_CODES: ProblemCodes = { 422: ['DATE_AFTER_BUSINESS_DATE'] };

/**
 * What operations answer beyond their kind (problem-codes.ts), per policy id. Kept complete by
 * test/support/problem-codes-listed.ts: every problem+json answer the test suite produces must be
 * listed here or by its kind, for its operation and status.
 */
/**
 * The command routes outside the customers, products and loans pipeline that read If-Match and
 * Idempotency-Key like every command (commandMeta), so answer 400 INVALID_IF_MATCH or
 * INVALID_IDEMPOTENCY_KEY for a malformed one (seedhunt13 F3: the fuzzer met them unlisted).
 */
export const READS_COMMAND_HEADERS: ReadonlySet<RouteId> = new Set<RouteId>([
  'holidays.add', 'holidays.remove', 'payments.importStatement', 'payments.assignSuspense', 'payments.createIntent', 'payments.cancelIntent',
  'payments.queryPayout', 'payments.cancelPayout', 'payments.startRefundPayout', 'payments.approvePayout', 'payments.rejectPayout',
  'payments.confirmPayout', 'payments.failPayout',
]);

export const ROUTE_CODES: Partial<Record<RouteId, ProblemCodes>> = {
  'audit.list': { 400: ['INVALID_PERIOD'] },
  'auth.register': { 422: ['WEAK_PASSWORD'] },
  'auth.verify': { 400: ['PHONE_REQUIRED'], 422: ['INVALID_CODE', 'REGISTRATION_PASSWORD_MISMATCH', 'BIRTH_DATE_IN_FUTURE'] },
  'auth.login': { 401: ['INVALID_CREDENTIALS', 'TOTP_REQUIRED'] },
  'auth.refresh': { 401: ['INVALID_REFRESH_TOKEN'] },
  'auth.resetPassword': { 422: ['INVALID_CODE', 'WEAK_PASSWORD'] },
  'auth.changePassword': { 401: ['INVALID_CREDENTIALS'], 404: ['USER_NOT_FOUND'], 422: ['WEAK_PASSWORD'] },
  'auth.enrolTotp': { 401: ['INVALID_CODE'], 422: ['PASSWORD_CHANGE_REQUIRED'] },
  'users.create': { 409: ['USERNAME_TAKEN', 'CONTACT_TAKEN'] },
  'users.disable': { 404: ['USER_NOT_FOUND'], 422: ['SELF_DISABLE_REFUSED'] },
  'users.enable': { 404: ['USER_NOT_FOUND'] },
  'users.reset': { 404: ['USER_NOT_FOUND'], 422: ['STAFF_CONTACT_MISSING'] },
  'users.revokeSessions': { 404: ['USER_NOT_FOUND'] },
  'users.setRole': { 404: ['USER_NOT_FOUND'], 422: ['SELF_GRANT_REFUSED'] },
  // A resident identity number carries a birth date: not after the business date, and a borrower is at least 18 (QA 10 R6).
  'customers.register': { 422: ['BIRTH_DATE_IN_FUTURE'] },
  'customers.decideKyc': { 422: ['KYC_FOUR_EYES'] },
  'customers.erasePii': { 409: ['CUSTOMER_HAS_OPEN_LOANS'], 503: ['PROJECTION_BEHIND'] },
  'holidays.add': { 409: ['HOLIDAY_EXISTS'] },
  'holidays.remove': { 404: ['HOLIDAY_NOT_FOUND'] },
  'products.define': { 422: ['DEGENERATE_SCHEDULE'] },
  'products.retire': { 409: ['PRODUCT_RETIRED'] },
  'products.list': { 404: ['NOT_FOUND'] },
  'loans.agreement': { 400: ['CUSTOMER_ID_REQUIRED'] },
  'loans.apply': {
    400: ['CUSTOMER_ID_REQUIRED'], 422: ['AGREEMENT_MISMATCH', 'AGREEMENT_TIME_INVALID', 'GRACE_OUT_OF_RANGE', 'PRODUCT_NOT_FOUND', 'BORROWER_UNDER_AGE', 'BIRTH_DATE_IN_FUTURE'],
  },
  'loans.approve': { 422: ['BORROWER_UNDER_AGE', 'BIRTH_DATE_IN_FUTURE'] },
  // A quote on draft terms (the console's live preview) checks them as products.define does.
  // Draft terms whose schedule degenerates (QA 12 Q8), as products.define refuses them; a currency without minor units is unreadable input.
  'loans.quote': { 400: ['UNSUPPORTED_CURRENCY'], 422: ['FIRST_REPAYMENT_OUT_OF_RANGE', 'PRODUCT_NOT_FOUND', 'DEGENERATE_SCHEDULE', ...PRODUCT_TERM_RULES] },
  'loans.assess': { 422: ['KYC_NOT_SUBMITTED'] },
  'loans.disburse': { 422: ['FIRST_REPAYMENT_OUT_OF_RANGE'] },
  'loans.payoff': { 409: ['LOAN_NOT_REPAYABLE'] },
  // The new schedule is planned as a quote is: a rate outside 0–100 % is refused by the planner (QA 12 Q8).
  'loans.reschedule': { 400: ['RATE_OUT_OF_RANGE'], 422: ['RESCHEDULE_CHANGES_NOTHING'] },
  // A bank transfer's reference is the bank's transaction id: recorded on another loan (or for another amount) already, by a statement or staff, it is refused.
  'loans.repay': { 409: ['BANK_TXN_ON_OTHER_LOAN', 'BANK_TXN_AMOUNT_DIFFERS'] },
  'loans.recover': { 409: ['BANK_TXN_ON_OTHER_LOAN', 'BANK_TXN_AMOUNT_DIFFERS'] },
  'loans.applyCharge': { 422: ['CHARGE_DUE_BEFORE_DISBURSEMENT', 'PENALTY_CHARGE_DUE_IN_FUTURE'] },
  'loans.reverseRepayment': {
    404: ['REPAYMENT_NOT_FOUND'], 409: ['LOAN_WRITTEN_OFF'], 422: ['REVERSAL_BEFORE_PAYMENT', 'REVERSAL_BEFORE_RESCHEDULE'],
  },
  'loans.approveReversal': { 404: ['REPAYMENT_NOT_FOUND'], 409: ['REVERSAL_NOT_REQUESTED', 'LOAN_WRITTEN_OFF'] },
  'loans.rejectReversal': { 404: ['REPAYMENT_NOT_FOUND'], 409: ['REVERSAL_NOT_REQUESTED'] },
  // One waiver of a charge waits at a time: another of its kind is refused until the waiting one is decided.
  'loans.waive': { 409: ['WAIVER_ALREADY_DECIDED', 'WAIVER_PENDING'] },
  // The waiver is checked again when approved: the loan may have changed since it was requested.
  'loans.approveWaiver': { 404: ['WAIVER_NOT_FOUND'], 409: ['WAIVER_NOT_PENDING'] },
  'loans.rejectWaiver': { 404: ['WAIVER_NOT_FOUND'], 409: ['WAIVER_NOT_PENDING'] },
  // A decree and a payout take credit through the loan's payout desk, one at a time: the later one to land is refused.
  'loans.refund': { 409: ['PAYOUT_CONCURRENT', 'REFUND_CONCURRENT'], 422: ['DECREE_CASH_ONLY'] },
  'operations.closeOfBusiness': { 409: ['EOD_DATE_BEFORE_LAST_CLOSE'], 422: ['DATE_AFTER_BUSINESS_DATE'] },
  'payments.createIntent': {
    400: ['INVALID_AMOUNT', 'AMOUNT_TOO_PRECISE', 'NEGATIVE_AMOUNT'], 404: ['LOAN_NOT_FOUND'], 409: ['LOAN_NOT_REPAYABLE', 'PAYMENT_INTENT_OPEN', 'PAYMENT_INTENT_CONCURRENT'],
    422: ['AMOUNT_EXCEEDS_PAYOFF', 'CHANNEL_NOT_CONFIGURED'],
  },
  'payments.importStatement': { 400: ['STATEMENT_INVALID'], 422: ['STATEMENT_LINE_CONFLICT'] },
  'payments.assignSuspense': {
    404: ['LOAN_NOT_FOUND', 'SUSPENSE_LINE_NOT_FOUND'],
    409: ['SUSPENSE_LINE_ASSIGNED', 'PAYMENT_NOT_SUSPENDED', 'DUPLICATE_REFERENCE', 'REPAYMENT_REVERSED', 'BANK_TXN_ON_OTHER_LOAN', 'BANK_TXN_AMOUNT_DIFFERS', 'CUSTOMER_ERASED'],
    422: ['CURRENCY_MISMATCH', 'AMOUNT_OUT_OF_RANGE', 'BACKDATED_BEFORE_RESCHEDULE', 'BACKDATED_BEFORE_WRITE_OFF', 'EFFECTIVE_DATE_BEFORE_DISBURSEMENT'],
  },
  'payments.startRefundPayout': { 409: ['REFUND_CONCURRENT'] },
  'payments.confirmPayout': { 422: ['DATE_AFTER_BUSINESS_DATE'] },
};

const NOTIFICATION_CODES: ProblemCodes = {
  400: ['VALIDATION_FAILED', 'NOTIFICATION_MALFORMED', 'NOTIFICATION_SIGNATURE_INVALID', 'NOTIFICATION_STALE', 'NOTIFICATION_UNSIGNED'],
  409: ['NOTIFICATION_REPLAYED'],
  422: ['CHANNEL_NOT_CONFIGURED'],
};

/** The public routes outside the policy table (provider notifications, sandbox gateway pages), by operationId. */
export const PUBLIC_ROUTE_CODES: Record<string, ProblemCodes> = {
  postPaymentsNotifyChannel: {
    ...NOTIFICATION_CODES, 400: [...NOTIFICATION_CODES[400] ?? [], 'NOTIFICATION_CHANNEL_MISMATCH'], 404: ['PAYMENT_INTENT_NOT_FOUND'],
    // A provider's refund of a transaction the intent never confirmed (409), or of more than it confirmed (422): nothing recorded.
    409: ['NOTIFICATION_REPLAYED', 'PAYMENT_ALREADY_CONFIRMED', 'REFUND_WITHOUT_PAYMENT'], 422: [...NOTIFICATION_CODES[422] ?? [], 'REFUND_EXCEEDS_PAYMENT'],
  },
  postPaymentsPayoutNotifyChannel: {
    ...NOTIFICATION_CODES, 404: ['PAYOUT_NOT_FOUND'], 409: ['NOTIFICATION_REPLAYED', 'PAYOUT_CLOSED'], 422: ['CHANNEL_NOT_CONFIGURED', 'PAYOUT_AMOUNT_MISMATCH'],
  },
  getPaymentsSandboxIntentId: { 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] },
  getPaymentsSandboxPayoutsPayoutId: { 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] },
  postPaymentsSandboxIntentIdOutcome: { 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 415: ['UNSUPPORTED_MEDIA_TYPE'] },
  postPaymentsSandboxPayoutsPayoutIdOutcome: { 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 415: ['UNSUPPORTED_MEDIA_TYPE'] },
};
