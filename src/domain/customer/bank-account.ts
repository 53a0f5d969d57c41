/**
 * A bank account for disbursement as a borrower or the legacy book writes it: 8–34 digits (a
 * UnionPay card has 16–19, a corporate settlement account often more), which spaces may group
 * ("6222 0202 0011 2345"), 64 characters at most in all.
 * A value of spaces, or with fewer than 8 digits, is no account (intent13: `^[0-9 ]{8,34}$` took
 * eight spaces). The console's field rule (web/src/shell/bank-account-rules.ts) is this one.
 */
export const BANK_ACCOUNT = /^(?=[0-9 ]{8,64}$) *(?:[0-9] *){8,34}$/;

/** What a refused bank account is told. */
export const BANK_ACCOUNT_MESSAGE = 'expected a bank account of 8–34 digits, spaces allowed between them (64 characters at most)';
