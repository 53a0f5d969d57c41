import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible, launchChromium, openContext } from './chromium.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';

/**
 * What each role meets at the edges of what it may do (round 6 of using the console as its users would):
 * a page opened from a link the role may not use says so in Chinese inside the back office (it sent a signed-in
 * officer to the login page, or spun on a 403 FORBIDDEN), the operator's page shows the business date and the
 * last day closed and refreshes them after a close, and a phone borrower withdraws their own application and
 * reads a long product name whole.
 */
let server: ConsoleServer;
let browser: Browser;
let page: Page;
const url = (path: string) => `${server.baseUrl}${path}`;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

async function devSession(role: string, customerId?: string) {
  const response = await fetch(url('/v1/dev/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, ...(customerId ? { customerId } : {}) }) });
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; sub: string; role: string; customerId: string | null };
}

async function api<T = unknown>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(url(path), {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

function keepFailureScreenshot(name: string) {
  onTestFailed(async () => {
    await page.screenshot({ path: `test-results/browser-${name}.png`, fullPage: true }).catch(() => undefined);
  });
}

async function signInAs(role: 'officer' | 'underwriter' | 'compliance' | 'admin') {
  await page.goto(url('/dev-login'));
  await page.getByTestId(`dev-${role}`).click();
  await page.waitForURL(/\/office$/);
}

const menu = () => page.getByRole('navigation', { name: '后台导航' }).textContent();

let customerId = '';
let productId = '';

beforeAll(async () => {
  server = await startConsoleServer();
  const admin = (await devSession('admin')).token;
  const officer = (await devSession('officer')).token;
  const compliance = (await devSession('compliance')).token;
  productId = (await api<{ id: string }>(admin, 'POST', '/v1/products', {
    name: 'Personal instalment loan for salaried borrowers', currency: 'CNY', principal: { min: '1000.00', max: '100000.00' }, term: { min: 3, max: 24 },
    frequency: 'monthly', annualRate: '12', aprCap: '24',
  })).id;
  customerId = (await api<{ id: string }>(officer, 'POST', '/v1/customers', { name: '吴权限', nationalId: '110105199001011237', phone: '13677778888' })).id;
  await api(officer, 'POST', `/v1/customers/${customerId}/kyc`, { monthlyIncome: '20000.00', employer: 'Acme', employmentMonths: 30, bankAccount: '6222020202020404' });
  await api(compliance, 'POST', `/v1/customers/${customerId}/kyc/decision`, { decision: 'verified' });
  browser = await launchChromium();
  page = await (await openContext(browser, { width: 1440, language: 'zh-CN' })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('role boundaries, the business date and long names, in Chromium', () => {
  it('an officer opening a page of another role is told so in Chinese, stays signed in, and the page asks the API nothing', async () => {
    keepFailureScreenshot('access-officer');
    await signInAs('officer');
    // Close of business and projections are the administrator's (policy: operations.closeOfBusiness, admin.projections).
    expect(await menu()).not.toContain('运营');
    expect(await menu()).toContain('贷款申请');
    const forbidden: string[] = [];
    page.on('response', (r) => void (r.status() === 403 && forbidden.push(r.url())));
    for (const path of ['/office/operations', '/office/audit', '/office/users', '/office/queues/approvals']) {
      await page.goto(url(path));
      const card = page.getByTestId('no-access');
      await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('无权访问此页面');
      expect(await card.textContent()).toContain('当前角色（信贷员）不能使用此页面');
      expect(page.url()).toBe(url(path));
      expect(await page.getByTestId('who').textContent()).toContain('信贷员');
    }
    expect(await page.locator('body').textContent()).not.toContain('FORBIDDEN');
    expect(forbidden).toEqual([]);
    await expectAccessible(page, 'no access');
    await page.getByTestId('no-access').getByRole('button', { name: '返回我的首页' }).click();
    await page.waitForURL(/\/office$/);
    // The menu marks the section a page belongs to, and none for a page outside it (it marked 总览 on a customer).
    const marked = () => page.locator('.ant-menu-item-selected').allTextContents();
    await expect.poll(marked).toEqual(['总览']);
    await page.goto(url(`/office/customers/${customerId}`));
    await expect.poll(() => page.locator('main').first().textContent(), { timeout: 15_000 }).toContain(customerId);
    expect(await marked()).toEqual([]);
    await page.goto(url('/office/loans'));
    await expect.poll(marked).toEqual(['贷款列表']);
  });

  it("an underwriter does not get the officer's forms from a link, and a borrower not the back office", async () => {
    keepFailureScreenshot('access-underwriter');
    await signInAs('underwriter');
    for (const path of ['/office/payments/statements', '/office/apply', '/office/customers/new', '/office/queues/payment-suspense']) {
      await page.goto(url(path));
      await expect.poll(() => page.getByTestId('no-access').textContent(), { timeout: 15_000 }).toContain('当前角色（审批员）');
      expect(await page.locator('form').count()).toBe(0);
    }
    // Their own queue still opens.
    await page.goto(url('/office/queues/approvals'));
    await page.getByTestId('queue').waitFor();

    await page.goto(url('/dev-login'));
    await page.getByTestId('dev-borrower').click();
    await page.waitForURL(/\/portal$/);
    await page.goto(url('/office/loans'));
    await expect.poll(() => page.getByTestId('no-access').textContent(), { timeout: 15_000 }).toContain('当前角色（借款人）');
    await page.getByRole('button', { name: '返回我的首页' }).click();
    await page.waitForURL(/\/portal$/);
  });

  it('an admin sees the business date and the last day closed, and the close refreshes them without a reload', async () => {
    keepFailureScreenshot('cob-calendar');
    await signInAs('admin');
    expect(await menu()).toContain('运营');
    await page.goto(url('/office/operations'));
    const calendar = page.getByTestId('cob-calendar');
    await expect.poll(() => calendar.textContent(), { timeout: 15_000 }).toContain(`当前营业日${today}`);
    expect(await calendar.textContent()).toContain('上次日终日期尚未执行');
    expect(await calendar.textContent()).toContain('Asia/Shanghai');
    await page.getByTestId('submit-cob').click();
    await page.getByTestId('cob-result').waitFor({ timeout: 30_000 });
    await expect.poll(() => calendar.textContent(), { timeout: 15_000 }).toContain(`上次日终日期${today}`);
    await expectAccessible(page, 'operations with the calendar');
  });

  it('a phone borrower withdraws their own application, after confirming, and the loan shows 已撤回', async () => {
    keepFailureScreenshot('withdraw');
    const session = await devSession('borrower', customerId);
    const agreement = await api<{ hash: string }>(session.token, 'POST', '/v1/loans/agreement', { customerId, productId, principal: '5000.00', term: 6 });
    const loan = await api<{ id: string }>(session.token, 'POST', '/v1/loans', {
      customerId, productId, principal: '5000.00', term: 6, purpose: '装修', agreement: { hash: agreement.hash, acceptedAt: new Date().toISOString() },
    });
    const phone = await (await openContext(browser, { width: 390, language: 'zh-CN', session })).newPage();
    await phone.goto(url(`/portal/loans/${loan.id}`));
    await expect.poll(() => phone.getByTestId('loan-summary').textContent(), { timeout: 15_000 }).toContain('已提交');
    const sent: string[] = [];
    phone.on('request', (r) => void (r.method() === 'POST' && r.url().includes('/withdraw') && sent.push(r.url())));
    // Asked first: cancelling sends nothing.
    await phone.getByTestId('withdraw-application').click();
    await phone.getByRole('button', { name: '取 消' }).or(phone.getByRole('button', { name: '取消' })).click();
    expect(sent).toEqual([]);
    await phone.getByTestId('withdraw-application').click();
    await expectAccessible(phone, 'portal withdraw confirmation');
    await phone.locator('.ant-popconfirm').getByRole('button', { name: /撤\s?回/ }).click();
    await expect.poll(() => phone.getByTestId('loan-summary').textContent(), { timeout: 15_000 }).toContain('已撤回');
    expect(sent).toEqual([url(`/v1/loans/${loan.id}/withdraw`)]);
    expect(await phone.getByTestId('withdraw-application').count()).toBe(0);
    await phone.context().close();
  });

  it("a phone borrower reads the product's whole name on the apply page", async () => {
    keepFailureScreenshot('apply-title');
    const session = await devSession('borrower', customerId);
    const phone = await (await openContext(browser, { width: 390, language: 'zh-CN', session })).newPage();
    await phone.goto(url(`/portal/apply/${productId}`));
    const title = phone.locator('.ant-card-head-title h1');
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toContain('Personal instalment loan for salaried borrowers');
    // Nothing cut off: the heading's box holds all of its text (it was one line ending in an ellipsis).
    const cut = await phone.locator('.ant-card-head-title').evaluate((el) => { const box = el as unknown as { scrollWidth: number; clientWidth: number }; return box.scrollWidth > box.clientWidth; });
    expect(cut).toBe(false);
    const height = (await title.boundingBox())?.height ?? 0;
    expect(height).toBeGreaterThan(30);
    await phone.context().close();
  });
  it('a deep link opened signed out returns there (path and query) after sign-in, and a link to elsewhere goes home', async () => {
    keepFailureScreenshot('deep-link');
    const context = await openContext(browser, { width: 1440, language: 'zh-CN' });
    const fresh = await context.newPage();
    const deepLink = `/office/customers/${customerId}?from=link`;
    await fresh.goto(url(deepLink));
    await fresh.waitForURL(/\/login\?/);
    expect(new URL(fresh.url()).searchParams.get('next')).toBe(deepLink);
    // The development sign-in, reached from the login page, keeps where to go.
    await fresh.getByRole('button', { name: '开发环境登录' }).click();
    await fresh.waitForURL(/\/dev-login\?/);
    await fresh.getByTestId('dev-officer').click();
    await fresh.waitForURL((u) => u.pathname + u.search === deepLink);
    await fresh.getByTestId('who').waitFor();
    // No open redirect: a next naming another origin lands on the role's home.
    await fresh.evaluate('sessionStorage.clear()');
    await fresh.goto(url(`/dev-login?next=${encodeURIComponent('//evil.example/office')}`));
    await fresh.getByTestId('dev-compliance').click();
    await fresh.waitForURL((u) => u.pathname === '/office' && u.host === new URL(server.baseUrl).host);
    await context.close();
  });
});
