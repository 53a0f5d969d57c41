import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loanSummaryRevision } from '../../../src/app/queries/loan-summary-revision.js';
import type { EventStore, RecordedEvent } from '../../../src/eventstore/port.js';
import type { ReadStore } from '../../../src/readstore/port.js';
import { mintToken } from '../../../src/api/auth/token.js';
import { borrower, openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { businessDay, command, defineProduct, disbursedLoan, repay, useBusinessClock, verifiedCustomer } from './journey.js';

let t: TestApp;
const owner = borrower('c1');

beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t);
  await verifiedCustomer(t, 'c1');
  await verifiedCustomer(t, 'c2');
  await t.caughtUp(await disbursedLoan(t, 'l1', 'c1'));
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

/** A request as `caller` with a token minted at the (faked) business time, which the tests move. */
async function send(caller: Caller, method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: object) {
  const token = await mintToken({ ...caller, ttl: '1h' }, t.runtime.config.jwtSecret ?? new Uint8Array(), new Date());
  return t.runtime.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, ...(body ? { payload: body } : {}) });
}
const summary = (headers: Record<string, string> = {}, caller = owner) => send(caller, 'GET', '/v1/loans/l1', headers);
const repayment = (reference: string, effectiveDate: string, ifMatch: string) =>
  send(STAFF.officer, 'POST', '/v1/loans/l1/repayments', { 'if-match': ifMatch }, { amount: '10.00', channel: 'alipay', reference, effectiveDate });
const revision = async () => (await t.runtime.eventStore.streamRevision('loan-l1'))?.toString();
const close = async (date: string) => {
  await command(t, STAFF.admin, 'POST', '/v1/operations/close-of-business', { date });
  await t.caughtUp(await t.runtime.eventStore.headPosition());
};

describe('GET /v1/loans/:id carries an ETag from the loan stream\'s revision', () => {
  it('tags the summary with the revision, answers 304 with no body to a matching If-None-Match (weak, listed or *), 200 to any other', async () => {
    const first = await summary();
    expect(first.statusCode).toBe(200);
    const tag = first.headers.etag;
    expect(tag).toBe(`"${await revision()}"`);
    for (const header of [String(tag), `W/${String(tag)}`, `"0", ${String(tag)}`, '*']) {
      const again = await summary({ 'if-none-match': header });
      expect(again.statusCode, header).toBe(304);
      expect(again.body, header).toBe('');
      expect(again.headers.etag, header).toBe(tag);
    }
    for (const header of ['"0"', 'W/"999"', 'not a tag']) expect((await summary({ 'if-none-match': header })).statusCode, header).toBe(200);
  });

  it('answers Cache-Control: no-store beside the ETag, on the 200 and the 304: no browser or shared cache keeps a borrower\'s figures, and a client revalidates with the tag it kept itself', async () => {
    const first = await summary();
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers.etag).toBeDefined();
    const again = await summary({ 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.headers['cache-control']).toBe('no-store');
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('never answers 304 (nor an ETag) to a borrower the loan is not its own: 404 as without the header', async () => {
    const tag = String((await summary()).headers.etag);
    const stranger = await summary({ 'if-none-match': tag }, borrower('c2'));
    expect(stranger.statusCode).toBe(404);
    expect(stranger.headers.etag).toBeUndefined();
    expect(stranger.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a payment moves the tag: the old one gets the new summary with 200, the tag works as If-Match on the loan\'s next command', async () => {
    const before = String((await summary()).headers.etag);
    await t.caughtUp(await repay(t, 'l1', 'c1', '1020.07', '2026-02-15', 'feb'));
    const after = await summary({ 'if-none-match': before });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).toBe(`"${await revision()}"`);
    expect(after.json()).toMatchObject({ nextDue: { date: '2026-03-15' } });
    // The stale tag refuses the command (409); the current one runs it.
    expect((await repayment('extra-1', '2026-02-15', before)).statusCode).toBe(409);
    const current = await repayment('extra-1', '2026-02-15', String(after.headers.etag));
    expect(current.statusCode, current.body).toBe(201);
    await t.caughtUp((current.json() as { position: string }).position);
  });

  it('a close of business that records nothing on the loan still moves the tag, since the summary is aged to the closed date', async () => {
    businessDay('2026-02-22');
    await close('2026-02-20');
    const first = await summary();
    const rev = await revision();
    expect(first.headers.etag).toBe(`"${rev}@2026-02-20"`);
    expect((await summary({ 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);
    await close('2026-02-21');
    // Nothing was recorded on the loan that night; the summary's date moved all the same.
    expect(await revision()).toBe(rev);
    const next = await summary({ 'if-none-match': String(first.headers.etag) });
    expect(next.statusCode).toBe(200);
    expect(next.headers.etag).toBe(`"${rev}@2026-02-21"`);
    expect(next.json()).toMatchObject({ asOf: '2026-02-21' });
    // The tag with its date is a valid If-Match: the revision is what the command checks.
    const repaid = await repayment('extra-2', '2026-02-21', String(next.headers.etag));
    expect(repaid.statusCode, repaid.body).toBe(201);
  });

  it('read right after a payment, before anything waited for the read models, the summary is the loan after it throughout (qa16 D1: the status, next due and days past due from before, the amount due from after): its next due and amount due both 10.00 less', async () => {
    businessDay('2026-04-20');
    // Rows 2 and 3 (due 03-15, 04-15) are owed: the amount due now is both, the next due row 2.
    const before = (await summary()).json() as { nextDue: { date: string; amount: string }; amountDue: string };
    expect(before.nextDue.date).toBe('2026-03-15');
    const paid = await repayment('d1', '2026-04-20', `"${await revision()}"`);
    expect(paid.statusCode, paid.body).toBe(201);
    const after = await summary();
    expect(after.statusCode).toBe(200);
    const body = after.json() as { nextDue: { date: string; amount: string }; amountDue: string };
    expect(body.amountDue).toBe((Number(before.amountDue) - 10).toFixed(2));
    expect(body.nextDue).toEqual({ date: '2026-03-15', amount: (Number(before.nextDue.amount) - 10).toFixed(2) });
    await t.caughtUp((paid.json() as { position: string }).position);
  });
});

describe('loanSummaryRevision', () => {
  const store = (head: Pick<RecordedEvent, 'revision' | 'position'> | null) => ({ readStream: async () => (head ? [head] : []) }) as unknown as EventStore;
  const read = (position: bigint | null) => ({ getCheckpoint: async () => (position === null ? null : { position }) }) as unknown as ReadStore;

  it('names the stream head once the loan summary has applied it, nothing while it is behind or the loan unknown; the head\'s revision either way', async () => {
    expect(await loanSummaryRevision(store({ revision: 4n, position: 20n }), read(20n), 'x')).toEqual({ stream: 4n, summary: 4n, position: 20n });
    expect(await loanSummaryRevision(store({ revision: 4n, position: 20n }), read(25n), 'x')).toEqual({ stream: 4n, summary: 4n, position: 20n });
    expect(await loanSummaryRevision(store({ revision: 4n, position: 20n }), read(19n), 'x')).toEqual({ stream: 4n, summary: null, position: 20n });
    expect(await loanSummaryRevision(store({ revision: 4n, position: 20n }), read(null), 'x')).toEqual({ stream: 4n, summary: null, position: 20n });
    expect(await loanSummaryRevision(store(null), read(25n), 'x')).toEqual({ stream: null, summary: null, position: null });
  });
});
