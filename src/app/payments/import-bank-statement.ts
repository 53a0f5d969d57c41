import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import type { ClassifiedLine } from '../../domain/payment/statement-decider.js';
import type { StatementEvent, StatementFormat } from '../../domain/payment/statement-events.js';
import { parseStatementCsv } from '../../payments/bank/statement-csv.js';
import { parseStatementMt940 } from '../../payments/bank/statement-mt940.js';
import type { AppServices, CommandMeta } from '../services.js';
import { classifyStatementLine } from './classify-statement-line.js';
import { recordChannelMoney } from './record-channel-money.js';
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
  if (e.type === 'StatementLineMatched') return [{ bankTxnId: e.data.line.bankTxnId, outcome: 'matched', loanId: e.data.loanId, reason: null }];
  if (e.type === 'StatementLineSuspended') return [{ bankTxnId: e.data.line.bankTxnId, outcome: 'suspended', loanId: null, reason: e.data.reason }];
  return [];
});

/**
 * Imports a bank statement (CSV or MT940): each credit line matched to a loan is recorded through the
 * channel rule (recordChannelMoney: a repayment, credit on a closed or overpaid loan, a recovery on a
 * written-off one; channel bank_transfer, reference = bank txn id, so a line seen in another
 * statement records nothing new); unmatched lines and lines the loan refuses go to the suspense
 * queue; a line repeated in the file counts once.
 * The statement's id is the SHA-256 of its bytes: importing it again records nothing new.
 */
export async function importBankStatement(services: AppServices, meta: CommandMeta, text: string, format: StatementFormat): Promise<ImportedStatement> {
  const { lines, skippedDebits } = format === 'csv' ? parseStatementCsv(text) : parseStatementMt940(text);
  const statementId = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
  const before = await services.eventStore.readStream(statementStream(statementId));
  if (before.length > 0) {
    const last = before[before.length - 1]!;
    return { statementId, imported: false, lines: outcomesOf(before as unknown as StatementEvent[]), skippedDebits, position: last.position };
  }
  const seen = new Set<string>();
  const classified: ClassifiedLine[] = [];
  const duplicates: LineOutcome[] = [];
  for (const line of lines) {
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
    try {
      await recordChannelMoney(services, meta, match.loanId, { amount: line.amount, channel: 'bank_transfer', reference: line.bankTxnId, effectiveDate: line.date });
      classified.push({ line, loanId: match.loanId, reference: match.reference });
    } catch (error) {
      // The loan refused it (a date before disbursement, a reference reused with another amount...): an officer decides.
      if (!(error instanceof DomainError)) throw error;
      classified.push({ line, reason: error.code });
    }
  }
  const outcome = await runStatementCommand(services, meta, statementId, {
    type: 'ImportStatement', data: { statementId, format, importedBy: meta.actor.sub, lines: classified },
  });
  const events = classified.map((c): StatementEvent => ('loanId' in c
    ? { type: 'StatementLineMatched', data: { statementId, line: c.line, loanId: c.loanId, reference: c.reference } }
    : { type: 'StatementLineSuspended', data: { statementId, line: c.line, reason: c.reason } }));
  return { statementId, imported: outcome.created, lines: [...outcomesOf(events), ...duplicates], skippedDebits, position: outcome.position };
}
