import type { BookCloseEvent } from '../../domain/book/book-closes.js';
import type { CustomerEvent } from '../../domain/customer/events.js';
import type { LoanEvent } from '../../domain/loan/events.js';
import type { BankTransactionEvent } from '../../domain/payment/bank-transaction.js';
import type { PaymentEvent } from '../../domain/payment/events.js';
import type { PaymentIntentDeskEvent } from '../../domain/payment/intent-desk.js';
import type { StatementEvent } from '../../domain/payment/statement-events.js';
import type { PayoutDeskEvent, PayoutEvent } from '../../domain/payout/events.js';
import type { ProductEvent } from '../../domain/product/events.js';
import type { LenderHolidayEvent } from '../../domain/working-days/lender-holidays.js';

/** Every event type of the catalog, by stream category; the checks below fail to compile when the catalog grows. */
export const PRODUCT_EVENT_TYPES = ['LoanProductDefined', 'LoanProductAmended', 'LoanProductRetired'] as const satisfies readonly ProductEvent['type'][];

export const CUSTOMER_EVENT_TYPES = [
  'CustomerRegistered', 'KycSubmitted', 'KycVerified', 'KycRejected', 'CustomerFlagged', 'CustomerErased', 'LoanApplicationOpened',
] as const satisfies readonly CustomerEvent['type'][];

export const LOAN_EVENT_TYPES = [
  'LoanApplicationSubmitted', 'CreditAssessed', 'LoanApproved', 'LoanRejected', 'LoanApplicationWithdrawn',
  'LoanDisbursed', 'RepaymentReceived', 'RepaymentReversalRequested', 'RepaymentReversalRejected', 'RepaymentReversed', 'InterestAccrued', 'InstallmentOverdue', 'PenaltyCharged',
  'ChargeWaived', 'ChargeWaiverRequested', 'ChargeWaiverRejected', 'ChargeApplied', 'LoanClassified', 'LoanRescheduled', 'LoanWriteOffRequested', 'LoanWrittenOff',
  'RecoveryReceived', 'RecoveryReversed', 'LoanOverpaid', 'RefundIssued', 'LoanClosed', 'LoanMigrated',
] as const satisfies readonly LoanEvent['type'][];

/** The lender's holiday list (stream `calendar-lender`); only the audit trail reads them. */
export const CALENDAR_EVENT_TYPES = ['LenderHolidayAdded', 'LenderHolidayRemoved'] as const satisfies readonly LenderHolidayEvent['type'][];

/** Payment intents (stream `payment-<id>`) and each loan's intent desk (stream `intentdesk-<loanId>`). */
export const PAYMENT_EVENT_TYPES = [
  'PaymentIntentCreated', 'PaymentConfirmed', 'PaymentConfirmationContradicted', 'PaymentFailed', 'PaymentIntentExpired', 'SuspendedPaymentAssigned', 'PaymentRefundedAtProvider', 'PaymentIntentOpened',
] as const satisfies readonly (PaymentEvent | PaymentIntentDeskEvent)['type'][];

export const STATEMENT_EVENT_TYPES = [
  'BankStatementImported', 'StatementLineMatched', 'StatementLineSuspended', 'SuspenseLineAssigned',
] as const satisfies readonly StatementEvent['type'][];

/** Where each bank transaction was recorded (stream `banktxn-<bankTxnId>`). */
export const BANK_TRANSACTION_EVENT_TYPES = ['BankTransactionRecorded'] as const satisfies readonly BankTransactionEvent['type'][];

/** Refund payouts (stream `payout-<id>`) and each loan's payout desk (stream `payoutdesk-<loanId>`). */
export const PAYOUT_EVENT_TYPES = [
  'PayoutCreated', 'PayoutApproved', 'PayoutRejected', 'PayoutConfirmed', 'PayoutFailed', 'PayoutReserved', 'RefundDecreeReserved',
] as const satisfies readonly (PayoutEvent | PayoutDeskEvent)['type'][];

/** The book's completed closes of business (stream `closes-book`); the general ledger and the audit trail read them. */
export const BOOK_EVENT_TYPES = ['BusinessDayClosed'] as const satisfies readonly BookCloseEvent['type'][];

/** Compiles only when every listed catalog type appears in the lists above. */
// `false`, not `never`: a tuple holding `never` would still extend the all-true tuple below (never extends everything).
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
export type CatalogListsComplete = [
  Exhaustive<ProductEvent['type'], (typeof PRODUCT_EVENT_TYPES)[number]>,
  Exhaustive<CustomerEvent['type'], (typeof CUSTOMER_EVENT_TYPES)[number]>,
  Exhaustive<LoanEvent['type'], (typeof LOAN_EVENT_TYPES)[number]>,
  Exhaustive<LenderHolidayEvent['type'], (typeof CALENDAR_EVENT_TYPES)[number]>,
  Exhaustive<(PaymentEvent | PaymentIntentDeskEvent)['type'], (typeof PAYMENT_EVENT_TYPES)[number]>,
  Exhaustive<StatementEvent['type'], (typeof STATEMENT_EVENT_TYPES)[number]>,
  Exhaustive<(PayoutEvent | PayoutDeskEvent)['type'], (typeof PAYOUT_EVENT_TYPES)[number]>,
  Exhaustive<BankTransactionEvent['type'], (typeof BANK_TRANSACTION_EVENT_TYPES)[number]>,
  Exhaustive<BookCloseEvent['type'], (typeof BOOK_EVENT_TYPES)[number]>,
] extends [true, true, true, true, true, true, true, true, true] ? true : never;
/** A compile-time proof, not a runtime switch: it stops type-checking when a list misses a type. */
export const CATALOG_LISTS_COMPLETE: CatalogListsComplete = true;

export const ALL_EVENT_TYPES: readonly string[] = [
  ...PRODUCT_EVENT_TYPES, ...CUSTOMER_EVENT_TYPES, ...LOAN_EVENT_TYPES, ...CALENDAR_EVENT_TYPES, ...PAYMENT_EVENT_TYPES, ...STATEMENT_EVENT_TYPES,
  ...PAYOUT_EVENT_TYPES, ...BANK_TRANSACTION_EVENT_TYPES, ...BOOK_EVENT_TYPES,
];
