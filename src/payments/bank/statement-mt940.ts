import { Parser } from 'mt940js';
import { DomainError } from '../../domain/errors.js';
import { minorUnits } from '../../domain/money.js';
import type { StatementLine } from '../../domain/payment/statement-events.js';

/** A bank transaction id becomes a repayment reference: its characters, and not only dots (the reversal URL would lose it, QA 10 R2). */
const TXN_ID = /^(?!\.+$)[A-Za-z0-9._:-]{1,100}$/;

const invalid = (detail: string) => new DomainError('STATEMENT_INVALID', detail, 'invalid');

/**
 * The credit lines of a SWIFT MT940 statement, parsed by mt940js: date from tag 61, amount and
 * currency, memo = the :86: details and the customer reference, bank txn id = the bank reference
 * (after "//" in tag 61), else a customer reference other than NONREF. Debits and reversals are
 * skipped. mt940js gives amounts as JS numbers; they are turned into decimal strings of the
 * currency's minor unit at once (exact: a statement amount has at most 15 digits).
 */
export function parseStatementMt940(text: string): { lines: StatementLine[]; skippedDebits: number } {
  let statements;
  try {
    statements = new Parser().parse(text);
  } catch (error) {
    // The parser's own complaints name the tag at fault; a crash inside it (a TypeError) says nothing to the user.
    const reason = error instanceof TypeError ? 'it is not a well-formed SWIFT MT940 statement (tags :20:, :25:, :28C:, :60F:, :61:, :62F:)' : (error as Error).message;
    throw invalid(`the MT940 statement does not parse: ${reason}`);
  }
  if (statements.length === 0) throw invalid('the MT940 text holds no statement');
  const lines: StatementLine[] = [];
  let skippedDebits = 0;
  for (const statement of statements) {
    for (const [n, t] of statement.transactions.entries()) {
      if (t.isReversal || !(t.amount > 0)) {
        skippedDebits++;
        continue;
      }
      const bankTxnId = t.bankReference || (t.reference && t.reference.toUpperCase() !== 'NONREF' ? t.reference : '');
      if (!TXN_ID.test(bankTxnId)) throw invalid(`transaction ${n + 1} has no usable bank reference (tag 61 "//…"): "${bankTxnId}"`);
      const currency = t.currency || statement.currency;
      lines.push({
        bankTxnId,
        date: t.date.toISOString().slice(0, 10),
        amount: t.amount.toFixed(minorUnits(currency)),
        currency,
        memo: [t.details, t.reference].filter(Boolean).join(' '),
      });
    }
  }
  return { lines, skippedDebits };
}
