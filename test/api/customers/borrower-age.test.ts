import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { residentIdCheckCharacter } from '../../../src/domain/customer/resident-id.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, defineProduct, PII, refused } from '../commands/journey-steps.js';

// QA 10 R6: a resident id born after the business date passed, and an 11-year-old was lent 12 000.00.
let t: TestApp;
let productId: string;
let today: string;
let serial = 100;

/** A valid resident identity number (GB 11643) born on `birth`, distinct per call. */
function residentId(birth: string): string {
  const head = `110105${birth.replaceAll('-', '')}${String((serial += 1)).padStart(3, '0')}`;
  return head + residentIdCheckCharacter(head);
}
const yearsBefore = (date: string, years: number) => `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;

async function registered(customerId: string, nationalId: string) {
  return t.call(borrower(customerId), 'POST', '/v1/customers', { name: PII.name, nationalId, nationalIdType: 'cn_resident', phone: PII.phone });
}

async function verified(customerId: string, birth: string): Promise<void> {
  accepted(await registered(customerId, residentId(birth)));
  accepted(await t.call(borrower(customerId), 'POST', `/v1/customers/${customerId}/kyc`, { monthlyIncome: '30000.00', employer: 'Acme Ltd', employmentMonths: 40, bankAccount: PII.bankAccount }));
  accepted(await t.call(STAFF.compliance, 'POST', `/v1/customers/${customerId}/kyc/decision`, { decision: 'verified' }));
}

const apply = (customerId: string) =>
  t.call(borrower(customerId), 'POST', '/v1/loans', { customerId, productId, principal: '12000.00', term: 12, purpose: 'renovation' });

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  today = (JSON.parse((await t.call(STAFF.officer, 'GET', '/v1/business-date')).body) as { date: string }).date;
});
afterAll(() => t.close());

describe('a borrower\'s birth date and age', () => {
  it('refuses a resident id born after the business date (422 BIRTH_DATE_IN_FUTURE), registering nothing', async () => {
    const head = await t.runtime.eventStore.headPosition();
    const res = await registered('cust-unborn', residentId(addDays(today, 1)));
    refused(res, 422, 'BIRTH_DATE_IN_FUTURE');
    expect((JSON.parse(res.body) as { detail: string }).detail).toContain(addDays(today, 1));
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
    accepted(await registered('cust-born-today', residentId(today)));
  });

  it('refuses an application from a borrower under 18 (422 BORROWER_UNDER_AGE); 18 today is of age', async () => {
    await verified('cust-minor', '2015-06-01');
    refused(await apply('cust-minor'), 422, 'BORROWER_UNDER_AGE');
    await verified('cust-almost', addDays(yearsBefore(today, 18), 1));
    const almost = await apply('cust-almost');
    refused(almost, 422, 'BORROWER_UNDER_AGE');
    expect((JSON.parse(almost.body) as { detail: string }).detail).toMatch(/is 17 on .*at least 18/);
    await verified('cust-eighteen', yearsBefore(today, 18));
    accepted(await apply('cust-eighteen'));
  });

  it('measures age on the application date: a loan keyed in late, dated a year ago, for a borrower 18 tomorrow is refused', async () => {
    await verified('cust-keyed', addDays(yearsBefore(today, 18), 1));
    refused(await t.call(STAFF.officer, 'POST', '/v1/loans', { customerId: 'cust-keyed', productId, principal: '12000.00', term: 12, purpose: 'renovation', submittedOn: addDays(today, -365) }), 422, 'BORROWER_UNDER_AGE');
  });
});
