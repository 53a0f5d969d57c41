import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DomainError } from '../../domain/errors.js';
import type { ClassifiedLine } from '../../domain/payment/statement-decider.js';
import type { StatementEvent, StatementFormat, StatementLine } from '../../domain/payment/statement-events.js';
import { Dec } from '../../domain/decimal.js';
import { bankTransactionConflict } from '../../domain/payment/bank-transaction.js';
import { parseStatementCsv } from '../../payments/bank/statement-csv.js';
import { parseStatementMt940 } from '../../payments/bank/statement-mt940.js';
import type { AppServices, CommandMeta } from '../services.js';
import { classifyStatementLine } from './classify-statement-line.js';
import { loadBankTransaction, recordBankTransaction } from './bank-transaction-stream.js';
import { checkChannelMoney, recordChannelMoney } from './record-channel-money.js';
import { runStatementCommand, statementStream } from './statement-stream.js';

export interface LineOutcome {
  bankTxnId: string;
  outcome: 'matched' | 'suspended' | 'duplicate';
  loanId: string | null;
  reason: string | null;
}

export interface ImportedStatement {
  statementId: string;
  /** False when this exact statement was imported before: nothing new was recorded. */
  imported: boolean;
  lines: LineOutcome[];
  skippedDebits: number;
  position: bigint;
}

const outcomesOf = (events: StatementEvent[]): LineOutcome[] => events.flatMap((e): LineOutcome[] => {
  if (e.type === 'StatementLineMatched') {
    return [e.data.alreadyRecorded
      ? { bankTxnId: e.data.line.bankTxnId, outcome: 'duplicate', loanId: e.data.loanId, reason: 'ALREADY_RECORDED' }
      : { bankTxnId: e.data.line.bankTxnId, outcome: 'matched', loanId: e.data.loanId, reason: null }];
  }
  if (e.type === 'StatementLineSuspended') return [{ bankTxnId: e.data.line.bankTxnId, outcome: 'suspended', loanId: null, reason: e.data.reason }];
  return [];
});

/**
 * Imports a bank statement (CSV or MT940): each credit line matched to a loan is recorded through the
 * channel rule (recordChannelMoney: a repayment, credit on a closed or overpaid loan, a recovery on a
 * written-off one; channel bank_transfer, reference = bank txn id) after its bank transaction's own
 * stream (`banktxn-<id>`) put it on that loan. A line another statement already recorded records
 * nothing new and reads `duplicate` / ALREADY_RECORDED, also when its payment was reversed since; one another statement put on another loan or
 * amount, unmatched lines and lines the loan refuses go to the suspense queue
 * (BANK_TXN_ON_OTHER_LOAN, BANK_TXN_AMOUNT_DIFFERS, ...); a line repeated in the file counts once,
 * and a bank id repeated with another amount refuses the file (STATEMENT_LINE_CONFLICT 422).
 * The statement's id is the SHA-256 of its bytes: importing it again records nothing new.
 * Work per line does not grow with the file, and every IMPORT_LINES_PER_YIELD lines the import
 * yields to the event loop, so other requests (/health included) are answered meanwhile (QA9 Q13).
 */
/** Lines classified between two yields to the event loop, so a long import lets other requests through. */
export const IMPORT_LINES_PER_YIELD = 100;

export async function importBankStatement(services: AppServices, meta: CommandMeta, text: string, format: StatementFormat): Promise<ImportedStatement> {
  const { lines, skippedDebits } = format === 'csv' ? parseStatementCsv(text) : parseStatementMt940(text);
  const statementId = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
  const before = await services.eventStore.readStream(statementStream(statementId));
  if (before.length > 0) {
    const last = before[before.length - 1]!;
    return { statementId, imported: false, lines: outcomesOf(before as unknown as StatementEvent[]), skippedDebits, position: last.position };
  }
  refuseConflictingLines(lines);
  const seen = new Set<string>();
  const classified: ClassifiedLine[] = [];
  const duplicates: LineOutcome[] = [];
  const { idempotencyKey: _key, requestHash: _hash, expectedRevision: _rev, ...lineMeta } = meta;
  for (const [index, line] of lines.entries()) {
    if (index > 0 && index % IMPORT_LINES_PER_YIELD === 0) await yieldToEventLoop();
    if (seen.has(line.bankTxnId)) {
      duplicates.push({ bankTxnId: line.bankTxnId, outcome: 'duplicate', loanId: null, reason: 'DUPLICATE_LINE' });
      continue;
    }
    seen.add(line.bankTxnId);
    const match = await classifyStatementLine(services.readStore, line);
    if ('reason' in match) {
      classified.push({ line, reason: match.reason });
      continue;
    }
    const money = { amount: line.amount, channel: 'bank_transfer' as const, reference: line.bankTxnId, effectiveDate: line.date };
    try {
      // The loan is asked first (writing nothing), then the bank transaction's own stream says which
      // loan it is on (one bank id, one loan, one amount), and only then is the money recorded.
      await checkChannelMoney(services, match.loanId, money);
      await recordBankTransaction(services, lineMeta, { bankTxnId: line.bankTxnId, loanId: match.loanId, amount: line.amount, currency: line.currency, date: line.date, statementId });
      const { outcome } = await recordChannelMoney(services, lineMeta, match.loanId, money);
      classified.push({ line, loanId: match.loanId, reference: match.reference, ...(outcome.created ? {} : { alreadyRecorded: true as const }) });
    } catch (error) {
      // The loan refused it (a date before disbursement, a reference reused with another amount...) or
      // another statement put this bank transaction on another loan or amount: an officer decides.
      if (!(error instanceof DomainError)) throw error;
      if (await isReversedOriginal(services, error, line, match.loanId)) {
        classified.push({ line, loanId: match.loanId, reference: match.reference, alreadyRecorded: true });
        continue;
      }
      classified.push({ line, reason: error.code });
    }
  }
  const outcome = await runStatementCommand(services, meta, statementId, {
    type: 'ImportStatement', data: { statementId, format, importedBy: meta.actor.sub, lines: classified },
  });
  const events = classified.map((c): StatementEvent => ('loanId' in c
    ? { type: 'StatementLineMatched', data: { statementId, line: c.line, loanId: c.loanId, reference: c.reference, ...(c.alreadyRecorded ? { alreadyRecorded: true as const } : {}) } }
    : { type: 'StatementLineSuspended', data: { statementId, line: c.line, reason: c.reason } }));
  return { statementId, imported: outcome.created, lines: [...outcomesOf(events), ...duplicates], skippedDebits, position: outcome.position };
}

/**
 * True when the loan refused the line because its payment was reversed (a bounced credit) and the
 * line is that same bank transaction, on this loan for this amount: an overlapping statement showing
 * the original line again is a duplicate of it (ALREADY_RECORDED), not unplaced money (QA 10 R5).
 */
async function isReversedOriginal(services: AppServices, error: DomainError, line: StatementLine, loanId: string): Promise<boolean> {
  if (error.code !== 'REPAYMENT_REVERSED') return false;
  const state = await loadBankTransaction(services, line.bankTxnId);
  return state.recorded !== null && bankTransactionConflict(state, { loanId, amount: line.amount, currency: line.currency }) === null;
}

/**
 * One bank transaction id is one credit: a file carrying it twice with another amount, currency or
 * date is contradictory, so the statement is refused (STATEMENT_LINE_CONFLICT 422, naming the id
 * and both lines) before anything is recorded; the same line repeated counts once.
 */
function refuseConflictingLines(lines: StatementLine[]): void {
  const first = new Map<string, StatementLine>();
  for (const line of lines) {
    const earlier = first.get(line.bankTxnId);
    if (earlier === undefined) {
      first.set(line.bankTxnId, line);
      continue;
    }
    if (earlier.currency !== line.currency || earlier.date !== line.date || !new Dec(earlier.amount).equals(line.amount)) {
      const show = (l: StatementLine) => `${l.amount} ${l.currency} on ${l.date}`;
      throw new DomainError('STATEMENT_LINE_CONFLICT', `bank transaction ${line.bankTxnId} appears twice in the statement, as ${show(earlier)} and as ${show(line)}; nothing was imported`, 'rule', {
        bankTxnId: line.bankTxnId, first: show(earlier), second: show(line),
      });
    }
  }
}
