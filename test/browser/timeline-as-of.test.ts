import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible, launchChromium, openContext } from './chromium.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';
import { pickerCell } from './date-picker.js';

/**
 * Compliance replays a loan as of a business date (GET /v1/loans/:id/state?asOf=, the day's end in the
 * lender's time zone): a repayment recorded today but dated ten days ago counts from its date on, which
 * the event slider (states as recorded) cannot show.
 */
let server: ConsoleServer;
let browser: Browser;
let page: Page;
let loanId = '';
const url = (path: string) => `${server.baseUrl}${path}`;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const daysFrom = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const tokens = { admin: '', officer: '', underwriter: '', compliance: '' };

async function api<T = unknown>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(url(path), {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** The console's money format for a server amount: CNY, thousands separators, the server's two places. */
const shown = (amount: string) => {
  const [whole = '', places = ''] = amount.split('.');
  return `CNY ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${places}`;
};

beforeAll(async () => {
  server = await startConsoleServer();
  for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) {
    const response = await fetch(url('/v1/dev/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role }) });
    tokens[role] = ((await response.json()) as { token: string }).token;
  }
  const product = await api<{ id: string }>(tokens.admin, 'POST', '/v1/products', {
    name: '回溯测试贷', currency: 'CNY', principal: { min: '1000.00', max: '100000.00' }, term: { min: 3, max: 24 }, frequency: 'monthly', annualRate: '12', aprCap: '24',
  });
  const customer = await api<{ id: string }>(tokens.officer, 'POST', '/v1/customers', { name: '郑回溯', nationalId: '110105198505051236', phone: '13699990000' });
  await api(tokens.officer, 'POST', `/v1/customers/${customer.id}/kyc`, { monthlyIncome: '30000.00', employer: 'Acme', employmentMonths: 40, bankAccount: '6222020202020505' });
  await api(tokens.compliance, 'POST', `/v1/customers/${customer.id}/kyc/decision`, { decision: 'verified' });
  loanId = (await api<{ id: string }>(tokens.officer, 'POST', '/v1/loans', { customerId: customer.id, productId: product.id, principal: '6000.00', term: 6, purpose: 'test', submittedOn: daysFrom(today, -20) })).id;
  await api(tokens.officer, 'POST', `/v1/loans/${loanId}/assess`);
  await api(tokens.underwriter, 'POST', `/v1/loans/${loanId}/approve`, { effectiveDate: daysFrom(today, -20) });
  await api(tokens.officer, 'POST', `/v1/loans/${loanId}/disburse`, { channel: 'bank_transfer', effectiveDate: daysFrom(today, -20) });
  // Recorded now, effective ten days ago.
  await api(tokens.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '1000.00', channel: 'bank_transfer', reference: 'E2E-BACKDATED-1', effectiveDate: daysFrom(today, -10) });
  browser = await launchChromium();
  page = await (await openContext(browser, { width: 1440, language: 'zh-CN' })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a loan as of a business date, in Chromium', () => {
  it('compliance picks a day before and a day after a back-dated repayment and sees what the log says of each', async () => {
    onTestFailed(async () => { await page.screenshot({ path: 'test-results/browser-timeline-as-of.png', fullPage: true }).catch(() => undefined); });
    await page.goto(url('/dev-login'));
    await page.getByTestId('dev-compliance').click();
    await page.waitForURL(/\/office$/);
    await page.goto(url(`/office/loans/${loanId}/timeline`));
    const card = page.getByTestId('state-as-of');
    await card.waitFor({ timeout: 15_000 });

    for (const [date, paid] of [[daysFrom(today, -12), false], [daysFrom(today, -8), true]] as const) {
      const asOf = `${date}T23:59:59.999+08:00`;
      const expected = await api<{ revision: string; summary: { principal: string; outstanding: { principal: string } } }>(
        tokens.compliance, 'GET', `/v1/loans/${loanId}/state?asOf=${encodeURIComponent(asOf)}`);
      const asked = page.waitForRequest((r) => r.url().includes(`/v1/loans/${loanId}/state?`) && new URL(r.url()).searchParams.get('asOf') === asOf);
      await page.locator('#as-of-date').click();
      await page.locator('#as-of-date').fill(date);
      await page.keyboard.press('Enter');
      await asked;
      await expect.poll(() => card.getByTestId('as-of-date-state').textContent(), { timeout: 15_000 }).toBe(`截至 ${date} 日终（放款机构时区），按日志现有记录：回放至版本 ${expected.revision}`);
      const summary = await card.getByTestId('loan-summary').textContent();
      expect(summary).toContain(`剩余本金${shown(expected.summary.outstanding.principal)}`);
      // Before the repayment's date nothing of the principal is repaid; after it, some is.
      expect(expected.summary.outstanding.principal === expected.summary.principal).toBe(!paid);
    }
    // A day after the business date is not offered.
    await page.locator('#as-of-date').click();
    expect(await (await pickerCell(page, daysFrom(today, 1))).getAttribute('class')).toContain('ant-picker-cell-disabled');
    await page.keyboard.press('Escape');
    // Typed, it is refused beside the field and nothing is asked of the server (it kept the day shown before, silently).
    const future = daysFrom(today, 3);
    const asked: string[] = [];
    const watch = (r: { url: () => string }) => void (r.url().includes(`/v1/loans/${loanId}/state?`) && asked.push(r.url()));
    page.on('request', watch);
    await page.locator('#as-of-date').click();
    await page.locator('#as-of-date').fill(future);
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getByTestId('as-of-date-error').textContent(), { timeout: 15_000 }).toBe(`日期不得晚于营业日 ${today}`);
    expect(await page.inputValue('#as-of-date')).toBe(future);
    expect(await card.getByTestId('as-of-date-state').count()).toBe(0);
    page.off('request', watch);
    expect(asked).toEqual([]);
    await expectAccessible(page, 'timeline with the as-of date');
  });
});
