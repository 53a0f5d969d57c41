import type { KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible, launchChromium, openContext } from './chromium.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';
import { rsaKeyPairFiles } from '../api/payments/provider-keys.js';
import { WECHAT, wechatSignedHeaders } from '../api/payments/wechat-fixtures.js';

let server: ConsoleServer;
let browser: Browser;
let page: Page;
let loanId = '';
let customerId = '';
/**
 * Stands in for api.mch.weixin.qq.com: every Native order gets the same code_url, and closing an order
 * (a cancelled payment) is answered 204; every answer is signed with the platform key, as WeChat Pay's are.
 */
let wechatGateway: Server;
const CODE_URL = 'weixin://wxpay/bizpayurl?pr=browser01';

async function startWechatGateway(platformKey: KeyObject): Promise<string> {
  wechatGateway = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const closes = request.url?.endsWith('/close') === true;
      const body = closes ? '' : JSON.stringify({ code_url: CODE_URL });
      const { 'content-type': _type, ...signed } = wechatSignedHeaders(platformKey, body);
      response.writeHead(closes ? 204 : 200, { ...signed, ...(closes ? {} : { 'content-type': 'application/json' }) });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => wechatGateway.listen(0, '127.0.0.1', resolve));
  const address = wechatGateway.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}
const tokens = { admin: '', officer: '', underwriter: '', compliance: '' };

const url = (path: string) => `${server.baseUrl}${path}`;

async function devToken(role: string): Promise<string> {
  const response = await fetch(url('/v1/dev/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** Calls the API directly with a token; fails the test on a non-2xx answer. */
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

beforeAll(async () => {
  const merchant = rsaKeyPairFiles('browser-merchant');
  const platform = rsaKeyPairFiles('browser-platform');
  server = await startConsoleServer({
    LENDCORE_WECHAT_MCH_ID: WECHAT.mchId, LENDCORE_WECHAT_APP_ID: WECHAT.appId, LENDCORE_WECHAT_SERIAL_NO: 'MERCHANT-SERIAL',
    LENDCORE_WECHAT_PRIVATE_KEY_FILE: merchant.privateFile, LENDCORE_WECHAT_PLATFORM_KEY_FILE: platform.publicFile,
    LENDCORE_WECHAT_APIV3_KEY: WECHAT.apiV3Key, LENDCORE_WECHAT_API_BASE: await startWechatGateway(platform.privateKey),
  });
  for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[role] = await devToken(role);
  // A disbursed loan, set up through the API: the console pages under test come after.
  const product = await api<{ id: string }>(tokens.admin, 'POST', '/v1/products', {
    name: '对账测试贷', currency: 'CNY', principal: { min: '1000.00', max: '100000.00' }, term: { min: 3, max: 24 }, frequency: 'monthly', annualRate: '12', aprCap: '24',
  });
  const customer = await api<{ id: string }>(tokens.officer, 'POST', '/v1/customers', { name: '李对账', nationalId: '110105199202021234', phone: '13912345678' });
  await api(tokens.officer, 'POST', `/v1/customers/${customer.id}/kyc`, { monthlyIncome: '30000.00', employer: 'Acme', employmentMonths: 40, bankAccount: '6222020202020202' });
  await api(tokens.compliance, 'POST', `/v1/customers/${customer.id}/kyc/decision`, { decision: 'verified' });
  customerId = customer.id;
  loanId = (await api<{ id: string }>(tokens.officer, 'POST', '/v1/loans', { customerId: customer.id, productId: product.id, principal: '5000.00', term: 6, purpose: 'test' })).id;
  await api(tokens.officer, 'POST', `/v1/loans/${loanId}/assess`);
  await api(tokens.underwriter, 'POST', `/v1/loans/${loanId}/approve`, {});
  await api(tokens.officer, 'POST', `/v1/loans/${loanId}/disburse`, { channel: 'bank_transfer' });
  browser = await launchChromium();
  page = await (await openContext(browser, { width: 1440, language: 'zh-CN' })).newPage();
  await page.goto(url('/dev-login'));
  await page.getByTestId('dev-officer').click();
  await page.waitForURL(/\/office$/);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => (wechatGateway ? wechatGateway.close(resolve) : resolve(undefined)));
});

describe('payments in the back office, in Chromium', () => {
  it('an officer imports a statement with a matched and an unmatched line, then assigns the unmatched one from the suspense queue', async () => {
    keepFailureScreenshot('statement-import');
    const { reference } = await api<{ reference: string }>(tokens.officer, 'GET', `/v1/loans/${loanId}/repayment-reference`);
    // The lender's business date (Asia/Shanghai), on or after the disbursement.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const csv = ['bank_txn_id,date,amount,currency,memo', `BR-MATCH-1,${today},100.00,CNY,repay ${reference}`, `BR-LOOSE-1,${today},50.00,CNY,no reference here`].join('\r\n');
    await page.goto(url('/office/payments/statements'));
    await expectAccessible(page, 'statement import');
    await page.locator('input[type=file]').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('submit-statement').click();
    await expect.poll(() => page.getByTestId('count-matched').textContent(), { timeout: 15_000 }).toBe('1');
    expect(await page.getByTestId('count-suspended').textContent()).toBe('1');
    expect(await page.getByTestId('count-duplicates').textContent()).toBe('0');
    await expectAccessible(page, 'statement import result');

    await page.getByTestId('open-suspense').click();
    await page.waitForURL(/\/office\/queues\/payment-suspense$/);
    await expect.poll(() => page.getByTestId('suspense').textContent(), { timeout: 15_000 }).toContain('BR-LOOSE-1');
    await expectAccessible(page, 'suspense queue');
    await page.getByLabel('BR-LOOSE-1 的贷款编号').fill(loanId);
    await page.getByTestId('assign-BR-LOOSE-1').click();
    await expect.poll(() => page.getByTestId('suspense').textContent(), { timeout: 15_000 }).not.toContain('BR-LOOSE-1');
    const transactions = await api<{ items: { reference?: string }[] }>(tokens.officer, 'GET', `/v1/loans/${loanId}/transactions`);
    expect(transactions.items.map((tx) => tx.reference)).toEqual(expect.arrayContaining(['BR-MATCH-1', 'BR-LOOSE-1']));
  });

  it('a borrower paying with WeChat Pay sees the code_url as a QR code in the repay card', async () => {
    keepFailureScreenshot('wechat-qr');
    const response = await fetch(url('/v1/dev/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'borrower', customerId }) });
    const session = (await response.json()) as { token: string; sub: string; role: string; customerId: string | null };
    const context = await openContext(browser, { width: 390, language: 'zh-CN', session });
    const borrower = await context.newPage();
    await borrower.goto(url(`/portal/loans/${loanId}`));
    await borrower.fill('#pay_amount', '10.00');
    await borrower.locator('#pay_channel').click();
    await borrower.locator('.ant-select-item-option').filter({ hasText: '微信支付' }).first().click();
    await borrower.getByTestId('submit-pay').click();
    await borrower.getByTestId('pay-qr').locator('canvas, svg').first().waitFor({ timeout: 15_000 });
    expect(await borrower.getByTestId('pay-code').textContent()).toContain(CODE_URL);
    await expectAccessible(borrower, 'portal WeChat QR');
    // Reloaded, the page shows the payment still pending, from the server (it showed the form as if none were started).
    await borrower.reload();
    await expect.poll(() => borrower.getByTestId('payment-open').textContent(), { timeout: 15_000 }).toContain('微信支付');
    expect(await borrower.getByTestId('payment').textContent()).toContain('CNY 10.00');
    expect(await borrower.getByTestId('submit-pay').count()).toBe(0);
    await expectAccessible(borrower, 'portal open payment after a reload');
    // Continuing asks for the same payment again: the channel's code comes back.
    await borrower.getByTestId('resume-pay').click();
    await borrower.getByTestId('pay-qr').locator('canvas, svg').first().waitFor({ timeout: 15_000 });
    expect(await borrower.getByTestId('pay-code').textContent()).toContain(CODE_URL);
    await context.close();
  });

  it('a borrower sees the amount due now, pays an amount typed with spaces, cancels the wrong payment, and is told the payoff above it (QA 11 S2, S5, S10)', async () => {
    keepFailureScreenshot('portal-pay-form');
    const response = await fetch(url('/v1/dev/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'borrower', customerId }) });
    const session = (await response.json()) as { token: string; sub: string; role: string; customerId: string | null };
    const context = await openContext(browser, { width: 390, language: 'zh-CN', session });
    const borrower = await context.newPage();
    await borrower.goto(url(`/portal/loans/${loanId}`));
    // Disbursed today: nothing due yet, so the form starts with the next installment.
    expect(await borrower.getByTestId('amount-due').textContent({ timeout: 15_000 })).toBe('CNY 0.00');
    // The WeChat payment of 10.00 the test before started is still open: the card shows it, and the borrower cancels it.
    await borrower.getByTestId('payment-open').waitFor({ timeout: 15_000 });
    await borrower.getByTestId('cancel-pay').click();
    await borrower.getByTestId('submit-pay').waitFor({ timeout: 15_000 });
    const loan = await api<{ nextDue: { amount: string } }>(tokens.officer, 'GET', `/v1/loans/${loanId}`);
    expect(await borrower.inputValue('#pay_amount')).toBe(loan.nextDue.amount);
    // An amount typed with spaces is the amount; the wrong payment started is cancelled at once.
    await borrower.fill('#pay_amount', ' 10.00 ');
    await borrower.locator('#pay_channel').click();
    await borrower.locator('.ant-select-item-option').filter({ hasText: '微信支付' }).first().click();
    await borrower.getByTestId('submit-pay').click();
    await borrower.getByTestId('cancel-pay').click({ timeout: 15_000 });
    await borrower.getByTestId('submit-pay').waitFor({ timeout: 15_000 });
    // Cancelled, the loan takes another amount at once; above the payoff the borrower is told the payoff, not a staff-only box.
    await borrower.fill('#pay_amount', '99999999.00');
    await borrower.getByTestId('submit-pay').click();
    const payoff = await api<{ total: string }>(tokens.officer, 'GET', `/v1/loans/${loanId}/payoff`);
    await expect.poll(() => borrower.getByTestId('problem').textContent(), { timeout: 15_000 }).toContain('今日结清所需金额');
    expect(await borrower.getByTestId('problem').textContent()).not.toContain('溢缴款');
    await expect.poll(() => borrower.getByTestId('problem').textContent(), { timeout: 15_000 }).toContain(`CNY ${payoff.total.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);
    await expectAccessible(borrower, 'portal pay form refusal');
    await context.close();
  });

  it('an officer refunds an overpaid loan through the sandbox and sees the payout confirmed', async () => {
    keepFailureScreenshot('refund-payout');
    const payoff = await api<{ total: string }>(tokens.officer, 'GET', `/v1/loans/${loanId}/payoff`);
    await api(tokens.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: (Number(payoff.total) + 80).toFixed(2), channel: 'bank_transfer', reference: 'BR-OVERPAY-1', overpayment: true });
    await page.goto(url(`/office/loans/${loanId}`));
    await expect.poll(() => page.getByTestId('refundable').textContent(), { timeout: 15_000 }).toMatch(/[1-9]/);
    await expectAccessible(page, 'loan refund desk');
    // A payout left pending: the officer asks the gateway where it stands, then cancels it; its credit is free again.
    const pending = await api<{ id: string }>(tokens.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'sandbox', amount: '1.00' });
    // Four eyes (QA Q14): a second person approves it before anything is sent.
    await api(tokens.underwriter, 'POST', `/v1/payouts/${pending.id}/approval`, {});
    await page.reload();
    await page.getByTestId('refund-list').locator('.ant-table-row-expand-icon').first().click();
    await page.getByTestId(`query-payout-${pending.id}`).click();
    await expect.poll(() => page.getByTestId(`payout-provider-state-${pending.id}`).textContent(), { timeout: 15_000 }).toContain('AWAITING_PAYOUT');
    await expectAccessible(page, 'payout follow-up');
    await page.locator(`#cancel-${pending.id}_reason`).fill('收款账号有误');
    await page.getByTestId(`cancel-payout-${pending.id}`).click();
    await expect.poll(() => page.getByTestId('refund-list').textContent(), { timeout: 15_000 }).toContain('退款失败');
    await page.getByTestId('submit-refund').click();
    // Started, it waits for a second person: nothing is sent yet. The underwriter approves it (from the payout-approvals queue's route).
    await expect.poll(() => page.getByTestId('refund-status').textContent(), { timeout: 15_000 }).toContain('待另一人复核');
    const desk = await api<{ items: { id: string; status: string }[] }>(tokens.officer, 'GET', `/v1/loans/${loanId}/refunds`);
    const waiting = desk.items.find((p) => p.status === 'awaiting_approval');
    const approved = await api<{ actionUrl: string | null }>(tokens.underwriter, 'POST', `/v1/payouts/${waiting?.id ?? ''}/approval`, {});
    await page.reload();
    await expect.poll(() => page.getByTestId('refund-list').textContent(), { timeout: 15_000 }).toContain('等待渠道确认');
    const gatewayUrl = approved.actionUrl;
    expect(gatewayUrl).toMatch(/\/v1\/payments\/sandbox\/payouts\/[^/]+$/);
    const gateway = await page.context().newPage();
    await gateway.goto(gatewayUrl ?? '');
    await gateway.getByRole('button', { name: 'Pay out' }).click();
    await expect.poll(() => gateway.locator('body').textContent(), { timeout: 15_000 }).toMatch(/Status\s*confirmed/);
    await gateway.close();
    await expect.poll(() => page.getByTestId('refund-list').textContent(), { timeout: 20_000 }).toContain('已退款');
    await expect.poll(() => page.getByTestId('refund-list').textContent(), { timeout: 15_000 }).toContain('SBXT-');
    await expectAccessible(page, 'loan refund confirmed');
  });
});
