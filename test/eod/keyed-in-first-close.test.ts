import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCommand } from '../../src/commands/handle-command.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { decideLoan, loanDecider } from '../../src/domain/loan/decider.js';
import { runCloseOfBusiness } from '../../src/eod/close-of-business.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../src/projections/models/loan-summary/documents.js';
import { approveCommand, assessment, repay, submitCommand, terms } from '../domain/loan/fixtures.js';
import { EOD_ACTOR, loanEvents, OFFICER, openBook, runLoanCommand, type Book } from './book.js';

let book: Book;
beforeEach(async () => (book = await openBook()));
afterEach(async () => book.close());

const close = (date: string) => runCloseOfBusiness({ eventStore: book.eventStore, readStore: book.readStore, date, businessDate: '2099-12-31', actor: EOD_ACTOR });

/** Runs the command as the pipeline does after the closes through `lastClose`: the decider told that close. */
async function afterClose(loanId: string, command: LoanCommand, lastClose: string | null): Promise<void> {
  await handleCommand({ store: book.eventStore }, {
    streamId: `loan-${loanId}`, decider: { ...loanDecider, decide: (c, s) => decideLoan(c, s, { lastClose }) }, command,
    context: { actor: OFFICER, correlationId: `test-${loanId}`, occurredAt: '2026-04-01T10:00:00.000Z' },
  });
}

/** Applies for, approves and disburses the loan on 2026-01-15, recorded after the closes through `lastClose`. */
async function keyIn(loanId: string, lastClose: string | null): Promise<void> {
  await runLoanCommand(book.eventStore, loanId, submitCommand({ loanId, principal: '100000.00' }, terms));
  await runLoanCommand(book.eventStore, loanId, assessment);
  await runLoanCommand(book.eventStore, loanId, approveCommand, { sub: 'uw-1', role: 'underwriter' });
  await afterClose(loanId, { type: 'Disburse', data: { effectiveDate: '2026-01-15', channel: 'bank_transfer' } }, lastClose);
}

describe('the first close after a loan is keyed in late catches it up, whatever is due (qa13 Q13)', () => {
  it('100 000.00 disbursed 2026-01-15, keyed in after the close of 03-31 with rows 1 and 2 paid on their due dates (next due 04-15): the close of 04-01 books its January, February and March month-ends on their nights (before: it was not visited until 04-15, so the first quarter\'s interest sat in received in advance and March\'s trial balance moved in April)', async () => {
    await close('2026-03-31');
    await keyIn('K', '2026-03-31');
    await afterClose('K', repay('8884.88', 'K-1', '2026-02-15'), '2026-03-31');
    await afterClose('K', repay('8884.88', 'K-2', '2026-03-15'), '2026-03-31');
    await book.runner.waitForPosition('all', await book.eventStore.headPosition(), 10_000);
    expect((await book.readStore.get<LoanSummaryDoc>(LOAN_SUMMARY, 'K'))).toMatchObject({ classification: 'normal', nextDueDate: '2026-04-15', missedClosesFrom: '2026-04-01' });
    const report = await close('2026-04-01');
    expect(report).toMatchObject({ loansScanned: 1, loansChanged: 1 });
    const accruals = (await loanEvents(book.eventStore, 'K')).filter((e) => e.type === 'InterestAccrued').map((e) => e.type === 'InterestAccrued' && e.data.to);
    expect(accruals).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    await book.runner.waitForPosition('all', await book.eventStore.headPosition(), 10_000);
    expect((await book.readStore.get<LoanSummaryDoc>(LOAN_SUMMARY, 'K'))?.missedClosesFrom, 'caught up: visited again only when due').toBeNull();
    expect(await close('2026-04-02')).toMatchObject({ loansScanned: 0 });
  });

  it('qa19 Q1: the same loan keyed in before the book\'s first close ever ran: that close, on 04-01, visits it and books January, February and March on their nights (before: it scanned no loan, and the quarter\'s interest waited in received in advance for 04-15)', async () => {
    await keyIn('F', null);
    await afterClose('F', repay('8884.88', 'F-1', '2026-02-15'), null);
    await afterClose('F', repay('8884.88', 'F-2', '2026-03-15'), null);
    await book.runner.waitForPosition('all', await book.eventStore.headPosition(), 10_000);
    expect(await close('2026-04-01')).toMatchObject({ datesClosed: ['2026-04-01'], loansScanned: 1, loansChanged: 1 });
    const accruals = (await loanEvents(book.eventStore, 'F')).filter((e) => e.type === 'InterestAccrued').map((e) => e.type === 'InterestAccrued' && e.data.to);
    expect(accruals).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    // Caught up, it is visited again only when something is due.
    await book.runner.waitForPosition('all', await book.eventStore.headPosition(), 10_000);
    expect(await close('2026-04-02')).toMatchObject({ loansScanned: 0 });
  });
});
