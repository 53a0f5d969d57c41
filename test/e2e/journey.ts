import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import { borrower, STAFF, type TestApp } from '../support/test-app.js';
import { command, query, refusedCommand } from './http.js';
import { ledgerBalances, ledgerMovement, type LedgerBalances } from './ledger.js';

/** One step of the journey; the steps share the journey's state and must run in order. */
export interface JourneyStep {
  name: string;
  run(t: TestApp): Promise<void>;
}

/** 12 monthly payments at 12 %, no fees: the DOMAIN.md worked example (EMI 8 884.88 on 100 000). */
const PRODUCT = {
  name: 'E2E consumer 12m', currency: 'CNY', principal: { min: '1000.00', max: '200000.00' }, term: { min: 3, max: 24 },
  frequency: 'monthly', annualRate: '12', aprCap: '24',
};
const PROFILE = { name: 'Li Siguang', nationalId: '110105198808081234', phone: '13912345678', email: 'li.siguang@example.com' };
const CHANNELS = ['online', 'bank_transfer', 'alipay', 'wechat'] as const;
const EMI = '8884.88';

interface Summary {
  status: string;
  outstanding: { principal: string; interest: string; fees: string; penalties: string; total: string };
  nextDue: { date: string; amount: string } | null;
}
interface Schedule {
  rows: { number: number; dueDate: string; principal: string; total: string; balance: string; status: string }[];
}
interface History {
  events: { type: string; revision: string; position: string; actor: { sub: string; role: string }; data: Record<string, unknown> }[];
}

/**
 * The borrower journey over HTTP, store-agnostic: register → KYC → verified → apply → assess →
 * approve (four eyes) → disburse → one repayment per channel → payoff, checked to the cent in the
 * read models, the history and the ledger. Ids carry `runId`, and the ledger is compared with its
 * state before the journey, so it also runs on a log that already holds other data.
 */
export function borrowerJourney(runId: string): JourneyStep[] {
  const customerId = `e2e-${runId}`;
  const productId = `e2e-consumer-${runId}`;
  const me = borrower(customerId);
  let loanId = '';
  let last = '';
  let ledgerBefore: LedgerBalances = new Map();
  const summary = (t: TestApp) => query<Summary>(t, me, `/v1/loans/${loanId}`, last);

  return [
    { name: 'registers, submits KYC and is verified by compliance', run: async (t) => {
      // On an empty log there is nothing to wait for (and no checkpoint to wait on).
      const head = await t.runtime.eventStore.headPosition();
      ledgerBefore = await ledgerBalances(t, head === 0n ? undefined : head.toString());
      await command(t, STAFF.admin, '/v1/products', { ...PRODUCT, productId });
      const registered = await command(t, me, '/v1/customers', PROFILE);
      expect(registered).toMatchObject({ id: customerId, revision: '0' });
      await command(t, me, `/v1/customers/${customerId}/kyc`, { monthlyIncome: '30000.00', employer: 'Acme Ltd', employmentMonths: 40, bankAccount: '6222020200187654321' });
      last = (await command(t, STAFF.compliance, `/v1/customers/${customerId}/kyc/decision`, { decision: 'verified' })).position;
      const account = await query<{ kycStatus: string; profile: { name: string }; loans: unknown[] }>(t, me, `/v1/customers/${customerId}`, last);
      expect(account).toMatchObject({ kycStatus: 'verified', loans: [] });
      expect(account.profile.name).not.toBe(PROFILE.name);
    } },

    { name: 'applies, is assessed and is approved by an underwriter other than the submitter', run: async (t) => {
      loanId = (await command(t, me, '/v1/loans', { customerId, productId, principal: '100000.00', term: 12, purpose: 'renovation', submittedOn: '2026-01-15' })).id;
      await command(t, STAFF.officer, `/v1/loans/${loanId}/assess`);
      // The submitter holding an underwriter role too is still the submitter.
      await refusedCommand(t, { role: 'underwriter', sub: me.sub }, `/v1/loans/${loanId}/approve`, {}, 422, 'FOUR_EYES_REQUIRED');
      const approved = await command(t, STAFF.underwriter, `/v1/loans/${loanId}/approve`, { note: 'income covers it', effectiveDate: '2026-01-15' });
      expect(approved.revision).toBe('2');
      last = approved.position;
      expect((await summary(t)).status).toBe('approved');
    } },

    { name: 'is disbursed on a 12-row schedule whose principal column sums to the principal', run: async (t) => {
      last = (await command(t, STAFF.officer, `/v1/loans/${loanId}/disburse`, { effectiveDate: '2026-01-15', channel: 'bank_transfer' })).position;
      const { rows } = await query<Schedule>(t, me, `/v1/loans/${loanId}/schedule`, last);
      expect(rows).toHaveLength(12);
      // No close runs in this journey and row 1 fell due months before today: overdue, as the summary's days past due count it (qa18 D4).
      expect(rows[0]).toMatchObject({ dueDate: '2026-02-15', total: EMI, status: 'overdue' });
      expect(rows.reduce((sum, row) => sum.plus(row.principal), new Decimal(0)).toFixed(2)).toBe('100000.00');
      expect(rows[11]?.balance).toBe('0.00');
      // No close of business runs in this journey, and its dates lie months before today: the loan shows the standing
      // the first close would record for the days since row 1 fell due unpaid (standingBeforeFirstClose, qa17).
      expect(await summary(t)).toMatchObject({ status: 'overdue', outstanding: { principal: '100000.00' }, nextDue: { date: '2026-02-15', amount: EMI } });
    } },

    { name: 'repays one installment through each channel; a replayed reference is a no-op', run: async (t) => {
      for (const [i, channel] of CHANNELS.entries()) {
        const month = String(i + 2).padStart(2, '0');
        const body = { amount: EMI, channel, reference: `${channel}-${month}`, effectiveDate: `2026-${month}-15` };
        const first = await command(t, STAFF.officer, `/v1/loans/${loanId}/repayments`, body);
        expect(await command(t, STAFF.officer, `/v1/loans/${loanId}/repayments`, body)).toEqual(first);
        last = first.position;
      }
      // Row 5 fell due on 2026-06-15, months before today, and no close has run: overdue, as its first close will record.
      expect(await summary(t)).toMatchObject({ status: 'overdue', outstanding: { principal: '67984.22' }, nextDue: { date: '2026-06-15', amount: EMI } });
      const { rows } = await query<Schedule>(t, me, `/v1/loans/${loanId}/schedule`, last);
      expect(rows.map((row) => row.status).slice(0, 5)).toEqual(['paid', 'paid', 'paid', 'paid', 'overdue']);
    } },

    { name: 'pays off to the cent and the loan closes', run: async (t) => {
      // On a due date: the remaining principal plus that period's interest (1 % of the balance).
      const payoff = await query<Record<string, string>>(t, me, `/v1/loans/${loanId}/payoff?date=2026-06-15`);
      expect(payoff).toMatchObject({ principal: '67984.22', interest: '679.84', fees: '0.00', penalties: '0.00', total: '68664.06' });
      last = (await command(t, STAFF.officer, `/v1/loans/${loanId}/repayments`, { amount: payoff.total, channel: 'online', reference: 'payoff', effectiveDate: '2026-06-15' })).position;
      const zero = { principal: '0.00', interest: '0.00', fees: '0.00', penalties: '0.00', total: '0.00' };
      expect(await summary(t)).toMatchObject({ status: 'closed', outstanding: zero, nextDue: null });
      const account = await query<{ loans: { loanId: string; status: string }[] }>(t, me, `/v1/customers/${customerId}`, last);
      expect(account.loans).toEqual([expect.objectContaining({ loanId, status: 'closed' })]);
    } },

    { name: 'keeps the whole history in order, with who did what', run: async (t) => {
      const { events } = await query<History>(t, STAFF.compliance, `/v1/loans/${loanId}/history`);
      // No close has run on this book: the payoff first records what the closes the loan missed would have, its
      // month-end and due-date accruals, so its interest is income in the months it was earned (qa19 Q2).
      expect(events.map((e) => e.type)).toEqual([
        'LoanApplicationSubmitted', 'CreditAssessed', 'LoanApproved', 'LoanDisbursed', ...Array(4).fill('RepaymentReceived'),
        ...Array(5).fill('InterestAccrued'), 'RepaymentReceived', 'LoanClosed',
      ]);
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => String(i)));
      const positions = events.map((e) => BigInt(e.position));
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
      expect(events.map((e) => e.actor.sub).slice(0, 4)).toEqual([me.sub, STAFF.officer.sub, STAFF.underwriter.sub, STAFF.officer.sub]);
      expect(events.filter((e) => e.type === 'RepaymentReceived').map((e) => e.data.channel)).toEqual([...CHANNELS, 'online']);
    } },

    { name: 'books it in a balanced ledger: the portfolio back to zero, the interest earned to the cent', run: async (t) => {
      const movement = ledgerMovement(ledgerBefore, await ledgerBalances(t, last));
      expect(movement.loan_portfolio).toBe('0.00');
      // Repaid 4 × 8 884.88 + 68 664.06 = 104 203.58 on 100 000.00 lent: 4 203.58 of interest, earned as paid (no EOD accrual ran).
      expect(Object.fromEntries(Object.entries(movement).filter(([, amount]) => amount !== '0.00'))).toEqual({ fund_source: '4203.58', interest_income: '-4203.58' });
    } },
  ];
}
