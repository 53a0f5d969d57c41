import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, type TestApp } from '../../support/test-app.js';
import { accepted, nationalIdOf, PII, refused } from '../commands/journey-steps.js';

// intent13: the KYC form's server rule `^[0-9 ]{8,34}$` took an account of eight spaces.
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const submitKyc = (customerId: string, bankAccount: string) =>
  t.call(borrower(customerId), 'POST', `/v1/customers/${customerId}/kyc`, { monthlyIncome: '30000.00', employer: 'Acme Ltd', employmentMonths: 40, bankAccount });

describe('the KYC bank account', () => {
  it('is refused 400 problem+json naming the rule when it is spaces or has fewer than 8 digits, appending nothing', async () => {
    const customerId = 'cust-bank-1';
    accepted(await t.call(borrower(customerId), 'POST', '/v1/customers', { name: PII.name, nationalId: nationalIdOf(customerId), phone: PII.phone }));
    const head = await t.runtime.eventStore.headPosition();
    for (const account of [' '.repeat(8), ' '.repeat(34), '1 2 3 4 5 6 7']) {
      const res = await submitKyc(customerId, account);
      refused(res, 400, 'VALIDATION_FAILED');
      expect((JSON.parse(res.body) as { detail: string }).detail).toContain('bankAccount: expected a bank account of 8–34 digits, spaces allowed between them');
    }
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('takes a card number grouped by spaces and a 30-digit corporate account written in groups of four', async () => {
    for (const [customerId, account] of [['cust-bank-2', '6222 0202 0011 2345 678'], ['cust-bank-3', '1101 0101 0101 0101 0101 0101 0101 01']] as const) {
      accepted(await t.call(borrower(customerId), 'POST', '/v1/customers', { name: PII.name, nationalId: nationalIdOf(customerId), phone: PII.phone }));
      accepted(await submitKyc(customerId, account));
    }
  });
});
