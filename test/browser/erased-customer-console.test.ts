import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible, launchChromium, openContext, type Language } from './chromium.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';

/**
 * QA D6: a customer erased while its KYC waited for a decision. The console offered compliance the
 * decision form (which the server refuses, 409 CUSTOMER_ERASED) and showed the API's `[erased]` in
 * English on a Chinese page; now the page says the PII was erased, offers no KYC command, and shows
 * each erased value in the console's language, for staff and for the borrower alike.
 */
let server: ConsoleServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
type Session = { token: string; sub: string; role: string; customerId: string | null };
let customerId = '';
let lastPage: Page | undefined;

const url = (path: string) => `${server.baseUrl}${path}`;

async function devSession(role: string, customer?: string): Promise<Session> {
  const response = await fetch(url('/v1/dev/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, ...(customer ? { customerId: customer } : {}) }) });
  expect(response.status).toBe(200);
  return (await response.json()) as Session;
}

/** Calls the API directly with a token; fails the test on a non-2xx answer. */
async function api<T = unknown>(token: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(url(path), {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

async function pageAs(session: Session, language: Language): Promise<Page> {
  const context = await openContext(browser, { width: 1440, language, session });
  contexts.push(context);
  lastPage = await context.newPage();
  onTestFailed(async () => {
    await lastPage?.screenshot({ path: `test-results/browser-erased-customer-${language}.png`, fullPage: true }).catch(() => undefined);
  });
  return lastPage;
}

beforeAll(async () => {
  server = await startConsoleServer();
  const officer = (await devSession('officer')).token;
  const compliance = (await devSession('compliance')).token;
  customerId = (await api<{ id: string }>(officer, 'POST', '/v1/customers', { name: '冯已删', nationalId: '110105199303031234', phone: '13566667777' })).id;
  await api(officer, 'POST', `/v1/customers/${customerId}/kyc`, { monthlyIncome: '18000.00', employer: 'Acme', employmentMonths: 24, bankAccount: '6222020202020505' });
  const { position } = await api<{ position: string }>(compliance, 'DELETE', `/v1/customers/${customerId}/pii`, { reason: '个人信息删除请求' });
  const account = await api<{ erased: boolean; kycStatus: string }>(compliance, 'GET', `/v1/customers/${customerId}?minPosition=${position}`);
  // The case QA met: KYC still awaiting a decision when the customer was erased.
  expect(account).toMatchObject({ erased: true, kycStatus: 'submitted' });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('an erased customer in the console (QA D6)', () => {
  it('compliance sees the customer marked erased, no KYC decision form, and 已删除 where each value was', async () => {
    const page = await pageAs(await devSession('compliance'), 'zh-CN');
    await page.goto(url(`/office/customers/${customerId}`));
    await page.getByTestId('account').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('customer-erased').textContent()).toContain('个人信息已删除');
    expect(await page.getByTestId('kyc-status').textContent()).toBe('待审核');
    expect(await page.getByTestId('submit-kyc-decision').count()).toBe(0);
    expect(await page.getByText('审核结论').count()).toBe(0);
    const account = (await page.getByTestId('account').textContent()) ?? '';
    expect(account.match(/已删除/g)?.length).toBe(4); // name, phone, national id, bank account
    expect(await page.locator('body').textContent()).not.toContain('[erased]');
    await expectAccessible(page, 'an erased customer');
  });

  it('in English the values read Erased', async () => {
    const page = await pageAs(await devSession('compliance'), 'en-US');
    await page.goto(url(`/office/customers/${customerId}`));
    await page.getByTestId('account').waitFor({ timeout: 15_000 });
    expect((await page.getByTestId('account').textContent())?.match(/Erased/g)?.length).toBe(4);
    expect(await page.locator('body').textContent()).not.toContain('[erased]');
  });

  it('the borrower\'s account centre says so too, in Chinese, and offers no KYC form', async () => {
    const page = await pageAs(await devSession('borrower', customerId), 'zh-CN');
    await page.goto(url('/portal/account'));
    await page.getByTestId('account').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('customer-erased').count()).toBe(1);
    expect((await page.getByTestId('account').textContent())?.match(/已删除/g)?.length).toBe(4);
    expect(await page.locator('body').textContent()).not.toContain('[erased]');
  });
});
