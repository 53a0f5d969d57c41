import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCustomer } from '../../src/app/customers/erase-customer.js';
import { submitKyc } from '../../src/app/customers/know-your-customer.js';
import { registerCustomer } from '../../src/app/customers/register-customer.js';
import type { AppServices, CommandMeta } from '../../src/app/services.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const officer: CommandMeta = { actor: { sub: 'olga', role: 'officer' }, correlationId: 'test-kyc' };
const kyc = { monthlyIncome: '12000.00', employer: 'ACME', employmentMonths: 24, bankAccount: '12345678' };

let t: TestApp;
let services: AppServices;
beforeAll(async () => {
  t = await openTestApp();
  services = { ...t.runtime, clock: { now: () => new Date('2026-03-01T09:00:00Z') } };
});
afterAll(() => t.close());

describe('submitKyc', () => {
  it('seals income, employer and bank account with the customer\'s key before the command is built', async () => {
    await registerCustomer(services, officer, { customerId: 'kyc-1', name: 'A', nationalId: '1234567890', phone: '13800000000' });
    await submitKyc(services, officer, 'kyc-1', kyc);
    const event = (await services.eventStore.readStream('customer-kyc-1')).find((e) => e.type === 'KycSubmitted');
    const data = event?.data as Record<string, string>;
    for (const field of ['monthlyIncome', 'employer', 'bankAccount'] as const) {
      expect(data[field]).toMatch(/^v1\./);
      expect(await services.vault.open('kyc-1', data[field] ?? '')).toBe(kyc[field]);
    }
  });

  // The decider checked the income when it arrived in clear; it now arrives sealed, so the
  // application checks it first, with the same codes, and whatever the customer's state.
  it('refuses a malformed income (INVALID_AMOUNT, NEGATIVE_AMOUNT, 400) before sealing, even for an erased customer', async () => {
    await registerCustomer(services, officer, { customerId: 'kyc-2', name: 'B', nationalId: '1234567891', phone: '13800000000' });
    await eraseCustomer(services, { actor: { sub: 'chen', role: 'compliance' }, correlationId: 'test-erase' }, 'kyc-2', 'PIPL request');
    const head = await services.eventStore.headPosition();
    await expect(submitKyc(services, officer, 'kyc-2', { ...kyc, monthlyIncome: 'lots' })).rejects.toMatchObject({ code: 'INVALID_AMOUNT', kind: 'invalid' });
    await expect(submitKyc(services, officer, 'kyc-2', { ...kyc, monthlyIncome: '-1' })).rejects.toMatchObject({ code: 'NEGATIVE_AMOUNT', kind: 'invalid' });
    await expect(submitKyc(services, officer, 'kyc-2', kyc)).rejects.toMatchObject({ code: 'CUSTOMER_ERASED', kind: 'conflict' });
    expect(await services.eventStore.headPosition()).toBe(head);
  });
});
