import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible, launchChromium, openContext } from './chromium.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';

/**
 * QA round 12's console findings: the approver reads the credit assessment (W11); a four-eyes
 * decision shows only while a request waits, and not to its maker (W15); a pending sandbox refund
 * keeps its gateway link on the desk (W7); a borrower reads their payments and prints a receipt,
 * only of their own loan (W10); the KYC bank account is checked in the browser (W12).
 */
let server: ConsoleServer;
let browser: Browser;
/** The officer's page (dev-officer, who requests); the underwriter's (dev-underwriter, who decides). */
let officer: Page;
let underwriter: Page;
const contexts: BrowserContext[] = [];
type Session = { token: string; sub: string; role: string; customerId: string | null };
const sessions: Record<'admin' | 'officer' | 'underwriter' | 'compliance', Session> = {} as never;
const ids = { customer: '', stranger: '', assessed: '', waiver: '', repaid: '', overpaid: '' };

const url = (path: string) => `${server.baseUrl}${path}`;
/** The lender's business date (Asia/Shanghai, the server's default zone) and days around it, YYYY-MM-DD. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const daysFrom = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function devSession(role: string, customerId?: string): Promise<Session> {
  const response = await fetch(url('/v1/dev/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, ...(customerId ? { customerId } : {}) }) });
  expect(response.status).toBe(200);
  return (await response.json()) as Session;
}

/** Calls the API directly with a token; fails the test on a non-2xx answer. */
async function api<T = unknown>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(url(path), {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

async function signedIn(session: Session, width: 390 | 1440 = 1440): Promise<Page> {
  const context = await openContext(browser, { width, language: 'zh-CN', session });
  contexts.push(context);
  return context.newPage();
}

/** An application of the customer, assessed; approved and disbursed on `disbursedOn` unless null. */
async function loan(productId: string, disbursedOn: string | null, customerId = ids.customer): Promise<string> {
  const date = disbursedOn ?? today;
  const { id } = await api<{ id: string }>(sessions.officer.token, 'POST', '/v1/loans', { customerId, productId, principal: '6000.00', term: 6, purpose: 'test', submittedOn: date });
  await api(sessions.officer.token, 'POST', `/v1/loans/${id}/assess`);
  if (disbursedOn === null) return id;
  await api(sessions.underwriter.token, 'POST', `/v1/loans/${id}/approve`, { effectiveDate: date });
  await api(sessions.officer.token, 'POST', `/v1/loans/${id}/disburse`, { channel: 'bank_transfer', effectiveDate: date });
  return id;
}

function keepFailureScreenshot(name: string, page: () => Page) {
  onTestFailed(async () => {
    await page().screenshot({ path: `test-results/browser-${name}.png`, fullPage: true }).catch(() => undefined);
  });
}

/** The titles of the servicing forms the loan page offers, once they have loaded. */
async function offeredActions(page: Page, loanId: string): Promise<string> {
  await page.goto(url(`/office/loans/${loanId}`));
  await page.getByTestId('actions').waitFor({ timeout: 15_000 });
  return (await page.getByTestId('actions').textContent()) ?? '';
}

beforeAll(async () => {
  server = await startConsoleServer();
  for (const role of ['admin', 'officer', 'underwriter', 'compliance'] as const) sessions[role] = await devSession(role);
  // Waivers and reversals above 10.00 wait for a second person; writeOffDpd 0 lets a live loan's write-off be requested at once.
  const product = await api<{ id: string }>(sessions.admin.token, 'POST', '/v1/products', {
    name: '复核测试贷', currency: 'CNY', principal: { min: '1000.00', max: '100000.00' }, term: { min: 3, max: 24 }, frequency: 'monthly', annualRate: '12', aprCap: '24',
    writeOffDpd: 0, waiverApprovalAbove: '10.00', reversalApprovalAbove: '10.00',
  });
  ids.customer = (await api<{ id: string }>(sessions.officer.token, 'POST', '/v1/customers', { name: '吴复核', nationalId: '110105198808081234', phone: '13655556666' })).id;
  await api(sessions.officer.token, 'POST', `/v1/customers/${ids.customer}/kyc`, { monthlyIncome: '30000.00', employer: 'Acme', employmentMonths: 40, bankAccount: '6222020202020303' });
  await api(sessions.compliance.token, 'POST', `/v1/customers/${ids.customer}/kyc/decision`, { decision: 'verified' });
  // Another borrower, registered without KYC: their account centre shows the KYC form.
  ids.stranger = (await api<{ id: string }>(sessions.officer.token, 'POST', '/v1/customers', { name: '郑旁人', nationalId: '110105199202021234', phone: '13912345678' })).id;

  ids.assessed = await loan(product.id, null);
  // Twenty days of interest on 6000.00 at 12 %: about 39.00 owed, for a waiver to wait on.
  ids.waiver = await loan(product.id, daysFrom(today, -20));
  // Two repayments: 100.00 whose reversal waits for a second person, and 5.00 reversed at once; and a write-off request.
  ids.repaid = await loan(product.id, daysFrom(today, -20));
  await api(sessions.officer.token, 'POST', `/v1/loans/${ids.repaid}/repayments`, { amount: '100.00', channel: 'bank_transfer', reference: 'E2E-PAY-1' });
  await api(sessions.officer.token, 'POST', `/v1/loans/${ids.repaid}/repayments`, { amount: '5.00', channel: 'alipay', reference: 'E2E-PAY-2' });
  await api(sessions.officer.token, 'POST', `/v1/loans/${ids.repaid}/repayments/E2E-PAY-2/reversal`, { reason: '重复入账' });
  await api(sessions.officer.token, 'POST', `/v1/loans/${ids.repaid}/repayments/E2E-PAY-1/reversal`, { reason: '退票' });
  await api(sessions.officer.token, 'POST', `/v1/loans/${ids.repaid}/write-off`, { action: 'request', reason: '失联' });
  // Paid 80.00 beyond its payoff today: a credit to refund.
  ids.overpaid = await loan(product.id, today);
  const payoff = await api<{ total: string }>(sessions.officer.token, 'GET', `/v1/loans/${ids.overpaid}/payoff`);
  await api(sessions.officer.token, 'POST', `/v1/loans/${ids.overpaid}/repayments`, { amount: (Number(payoff.total) + 80).toFixed(2), channel: 'bank_transfer', reference: 'E2E-OVER-1', overpayment: true });

  browser = await launchChromium();
  officer = await signedIn(sessions.officer);
  underwriter = await signedIn(sessions.underwriter);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('decisions staff make and receipts borrowers keep, in Chromium (QA 12)', () => {
  it('the underwriter reads the credit assessment the approval rests on: score, grade, decision, reasons, scorecard version (W11)', async () => {
    keepFailureScreenshot('credit-assessment', () => underwriter);
    const history = await api<{ events: { type: string; data: { score: number; grade: string; scorecardVersion: string; reasons: { code: string }[] } }[] }>(
      sessions.underwriter.token, 'GET', `/v1/loans/${ids.assessed}/history`);
    const assessed = history.events.find((e) => e.type === 'CreditAssessed')?.data;
    expect(assessed).toBeDefined();
    await underwriter.goto(url(`/office/loans/${ids.assessed}`));
    await expect.poll(() => underwriter.getByTestId('credit-score').textContent(), { timeout: 15_000 }).toBe(String(assessed?.score));
    expect(await underwriter.getByTestId('credit-grade').textContent()).toBe(assessed?.grade);
    expect(['批准', '人工复核', '拒绝']).toContain(await underwriter.getByTestId('credit-decision').textContent());
    expect(await underwriter.getByTestId('credit-scorecard').textContent()).toBe(assessed?.scorecardVersion);
    const reasons = (await underwriter.getByTestId('credit-reasons').textContent()) ?? '';
    expect(assessed?.reasons.length).toBeGreaterThan(0);
    // Income 30000.00 a month: the scorecard's top income band, worded in Chinese beside its English sentence.
    // The sentence no longer names the amount (reasons stay in clear after erasure); the card shows the
    // income on its own line, opened by the server with the customer's key (CreditAssessed v2).
    expect(reasons).toContain('月收入高');
    expect(reasons).toContain('Monthly income > 20000');
    expect(reasons).not.toContain('30000.00');
    expect(await underwriter.getByTestId('credit-income').textContent()).toBe('30,000.00');
    // The approval form is on the same page, below the assessment.
    expect(await underwriter.getByTestId('actions').textContent()).toContain('批准');
    await expectAccessible(underwriter, 'loan page with its credit assessment');
  });

  it('a waiver\'s approval shows only while one waits, never to its maker, who may still withdraw it (W15)', async () => {
    keepFailureScreenshot('waiting-approvals', () => underwriter);
    const before = await offeredActions(underwriter, ids.waiver);
    expect(before).toContain('申请核销');
    for (const decision of ['批准减免', '驳回减免', '批准冲正', '批准核销']) expect(before).not.toContain(decision);

    await api(sessions.officer.token, 'POST', `/v1/loans/${ids.waiver}/waivers`, { kind: 'interest', amount: '15.00', reason: '客户投诉', reference: 'E2E-WV-1' });
    const maker = await offeredActions(officer, ids.waiver);
    expect(maker).toContain('驳回减免');
    expect(maker).not.toContain('批准减免');

    const checker = await offeredActions(underwriter, ids.waiver);
    expect(checker).toContain('批准减免');
    expect(checker).toContain('驳回减免');
    await underwriter.getByTestId('actions').getByText('批准减免', { exact: true }).click();
    await expectAccessible(underwriter, 'waiver approval form');
    const sent = underwriter.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/v1/loans/${ids.waiver}/waivers/E2E-WV-1/approve`));
    await underwriter.getByTestId('submit-approveWaiver').click();
    await sent;
    // Decided, nothing waits: the forms go.
    await expect.poll(() => underwriter.getByTestId('actions').textContent(), { timeout: 15_000 }).not.toContain('批准减免');
    expect(await underwriter.getByTestId('actions').textContent()).not.toContain('驳回减免');
  });

  it('a waiting reversal and write-off show to the checker only; a role that may not approve sees none (W15)', async () => {
    keepFailureScreenshot('waiting-reversal', () => underwriter);
    const checker = await offeredActions(underwriter, ids.repaid);
    expect(checker).toContain('批准冲正');
    expect(checker).toContain('批准核销');
    const requester = await offeredActions(officer, ids.repaid);
    expect(requester).not.toContain('批准冲正');
    expect(requester).not.toContain('批准核销');
    const compliance = await signedIn(sessions.compliance);
    await compliance.goto(url(`/office/loans/${ids.repaid}`));
    await expect.poll(() => compliance.getByTestId('loan-summary').textContent(), { timeout: 15_000 }).toContain('还款中');
    await expect.poll(async () => compliance.getByText('批准冲正').count(), { timeout: 5_000 }).toBe(0);
  });

  it('a waiting write-off request stands in the request form\'s place: its requester reads it, another person approves it, nobody requests again', async () => {
    keepFailureScreenshot('waiting-write-off', () => officer);
    const requester = await offeredActions(officer, ids.repaid);
    expect(requester).toContain('核销申请待批准');
    expect(requester).not.toContain('申请核销');
    await officer.getByTestId('actions').getByText('核销申请待批准', { exact: true }).click();
    const request = officer.getByTestId('panel-writeOffRequest').getByTestId(`waiting-${ids.repaid}`);
    await request.waitFor({ timeout: 5_000 });
    const shown = (await request.textContent()) ?? '';
    expect(shown).toContain(sessions.officer.sub);
    expect(shown).toContain('失联');
    expect(shown).toMatch(new RegExp(`申请时间${today} \\d{2}:\\d{2}:\\d{2}`));
    expect(await officer.getByTestId('awaiting-writeOffRequest').textContent()).toContain('申请人不能批准自己的申请');
    expect(await officer.locator('form#writeOffRequest').count()).toBe(0);
    await expectAccessible(officer, 'a waiting write-off request');

    const checker = await offeredActions(underwriter, ids.repaid);
    expect(checker).toContain('批准核销');
    expect(checker).not.toContain('申请核销');
    await underwriter.getByTestId('actions').getByText('批准核销', { exact: true }).click();
    const panel = underwriter.getByTestId('panel-writeOffApprove');
    await expect.poll(() => panel.getByTestId(`waiting-${ids.repaid}`).textContent(), { timeout: 5_000 }).toContain('失联');
    expect(await panel.getByTestId('submit-writeOffApprove').count()).toBe(1);
  });

  it('a checker rejects a waiting reversal from the loan page, with a reason, and nothing is reversed', async () => {
    keepFailureScreenshot('reject-reversal', () => underwriter);
    expect(await offeredActions(officer, ids.repaid)).not.toContain('驳回冲正');
    const checker = await offeredActions(underwriter, ids.repaid);
    expect(checker).toContain('批准冲正');
    expect(checker).toContain('驳回冲正');
    await underwriter.getByTestId('actions').getByText('驳回冲正', { exact: true }).click();
    const panel = underwriter.getByTestId('panel-rejectReversal');
    await expect.poll(() => panel.getByTestId('waiting-E2E-PAY-1').textContent(), { timeout: 5_000 }).toContain('退票');
    expect(await panel.getByTestId('waiting-E2E-PAY-1').textContent()).toContain(sessions.officer.sub);
    const form = panel.locator('form#rejectReversal');
    await expectAccessible(underwriter, 'reversal rejection form');
    // No reason, no request: the field says it is required.
    const posts: string[] = [];
    const onRequest = (r: Request) => { if (r.method() === 'POST') posts.push(r.url()); };
    underwriter.on('request', onRequest);
    await underwriter.getByTestId('submit-rejectReversal').click();
    await form.getByText('必填').waitFor({ timeout: 5_000 });
    underwriter.off('request', onRequest);
    expect(posts).toEqual([]);
    await form.locator('#rejectReversal_reason').fill('已核实到账');
    const sent = underwriter.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/v1/loans/${ids.repaid}/repayments/E2E-PAY-1/reversal/reject`));
    await underwriter.getByTestId('submit-rejectReversal').click();
    expect((await sent).postDataJSON()).toEqual({ reason: '已核实到账' });
    // Decided, no reversal waits: both decisions go, and the repayment stands.
    await expect.poll(() => underwriter.getByTestId('actions').textContent(), { timeout: 15_000 }).not.toContain('驳回冲正');
    expect(await underwriter.getByTestId('actions').textContent()).not.toContain('批准冲正');
    const history = await api<{ events: { type: string }[] }>(sessions.underwriter.token, 'GET', `/v1/loans/${ids.repaid}/history`);
    expect(history.events.map((e) => e.type)).toContain('RepaymentReversalRejected');
  });

  it('a waiver below the threshold reads done; a reversal above it reads as submitted for approval, not done', async () => {
    keepFailureScreenshot('awaits-approval', () => officer);
    await offeredActions(officer, ids.waiver);
    const toast = () => officer.locator('.ant-message').textContent();
    // 5.00 of the interest accrued is within waiverApprovalAbove (10.00): waived at once, and said so.
    await officer.getByTestId('actions').getByText('减免', { exact: true }).click();
    await officer.locator('#waive_kind').click();
    await officer.locator('.ant-select-item-option').filter({ hasText: '利息' }).first().click();
    await officer.fill('#waive_amount', '5.00');
    await officer.fill('#waive_reason', '客户投诉');
    await officer.getByTestId('submit-waive').click();
    await expect.poll(toast, { timeout: 15_000 }).toContain('减免已完成');
    // 50.00 is above reversalApprovalAbove (10.00): only a request, which waits for someone else.
    await api(sessions.officer.token, 'POST', `/v1/loans/${ids.waiver}/repayments`, { amount: '50.00', channel: 'bank_transfer', reference: 'E2E-PAY-W' });
    await offeredActions(officer, ids.waiver);
    await officer.getByTestId('actions').getByText('冲正还款', { exact: true }).click();
    await officer.fill('#reverse_reference', 'E2E-PAY-W');
    await officer.fill('#reverse_reason', '退票');
    await officer.getByTestId('submit-reverse').click();
    await expect.poll(toast, { timeout: 15_000 }).toContain('冲正还款已提交，等待申请人以外的有权限人员批准');
    expect(await toast()).not.toContain('冲正还款已完成');
    const history = await api<{ events: { type: string }[] }>(sessions.officer.token, 'GET', `/v1/loans/${ids.waiver}/history`);
    expect(history.events.map((e) => e.type)).toContain('RepaymentReversalRequested');
    expect(history.events.map((e) => e.type)).not.toContain('RepaymentReversed');
  });

  it('an approved sandbox refund keeps its gateway link on the loan\'s refund desk until it is paid (W7)', async () => {
    keepFailureScreenshot('refund-gateway-link', () => officer);
    const started = await api<{ id: string }>(sessions.officer.token, 'POST', `/v1/loans/${ids.overpaid}/refunds`, { channel: 'sandbox' });
    // The approval's answer (its actionUrl) is dropped: the desk alone must lead to the gateway.
    await api(sessions.underwriter.token, 'POST', `/v1/payouts/${started.id}/approval`, {});
    await officer.goto(url(`/office/loans/${ids.overpaid}`));
    const link = officer.getByTestId(`payout-gateway-${started.id}`);
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('href')).toBe(url(`/v1/payments/sandbox/payouts/${started.id}`));
    await expectAccessible(officer, 'refund desk with the gateway link');
    const [gateway] = await Promise.all([officer.context().waitForEvent('page'), link.click()]);
    await gateway.waitForLoadState();
    await gateway.getByRole('button', { name: 'Pay out' }).click();
    await expect.poll(() => gateway.locator('body').textContent(), { timeout: 15_000 }).toMatch(/Status\s*confirmed/);
    await gateway.close();
    await expect.poll(() => officer.getByTestId('refund-list').textContent(), { timeout: 20_000 }).toContain('已退款');
    expect(await officer.getByTestId(`payout-gateway-${started.id}`).count()).toBe(0);
  });

  it('a borrower lists their payments, opens and prints a receipt, and sees a reversed one marked (W10)', async () => {
    const borrower = await signedIn(await devSession('borrower', ids.customer), 390);
    keepFailureScreenshot('receipts', () => borrower);
    await borrower.goto(url(`/portal/loans/${ids.repaid}`));
    await borrower.getByTestId('open-receipts').click();
    await borrower.waitForURL(/\/receipts$/);
    await expect.poll(() => borrower.getByTestId('receipts').textContent(), { timeout: 15_000 }).toContain('E2E-PAY-1');
    const list = (await borrower.getByTestId('receipts').textContent()) ?? '';
    expect(list).toContain('E2E-PAY-2');
    expect(list).toContain('银行转账');
    expect(list).toContain('支付宝');
    expect(list).toContain(today);
    expect(await borrower.getByTestId('receipts').getByTestId('receipt-reversed').count()).toBe(1);
    await expectAccessible(borrower, 'portal payments list');

    await borrower.getByTestId('open-receipt-E2E-PAY-1').click();
    await expect.poll(() => borrower.getByTestId('receipt-amount').textContent(), { timeout: 15_000 }).toBe('CNY 100.00');
    expect(await borrower.getByTestId('receipt-reference').textContent()).toBe('E2E-PAY-1');
    expect(await borrower.getByTestId('receipt').textContent()).toContain('有效');
    await expectAccessible(borrower, 'portal receipt');
    // The print dialog is the browser's: count the calls instead of opening it.
    type Printable = { print: () => void; printed: number };
    await borrower.evaluate(() => { const w = globalThis as unknown as Printable; w.printed = 0; w.print = () => { w.printed++; }; });
    await borrower.getByTestId('print-receipt').click();
    expect(await borrower.evaluate(() => (globalThis as unknown as Printable).printed)).toBe(1);

    await borrower.goBack();
    await borrower.getByTestId('open-receipt-E2E-PAY-2').click();
    await expect.poll(() => borrower.getByTestId('receipt-amount').textContent(), { timeout: 15_000 }).toBe('CNY 5.00');
    expect(await borrower.getByTestId('receipt').getByTestId('receipt-reversed').count()).toBe(1);
    expect(await borrower.getByTestId('receipt').textContent()).toContain('此笔还款已被冲正');
  });

  it('another borrower cannot read those receipts, and their KYC bank account is checked before sending (W10, W12)', async () => {
    const stranger = await signedIn(await devSession('borrower', ids.stranger), 390);
    keepFailureScreenshot('stranger', () => stranger);
    await stranger.goto(url(`/portal/loans/${ids.repaid}/receipts`));
    await stranger.getByTestId('problem').waitFor({ timeout: 15_000 });
    expect(await stranger.getByTestId('receipts').count()).toBe(0);

    const kycPosts: string[] = [];
    stranger.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/kyc')) kycPosts.push(r.url()); });
    await stranger.goto(url('/portal/account'));
    await stranger.locator('#kyc_bankAccount').waitFor({ timeout: 15_000 });
    await stranger.fill('#kyc_monthlyIncome', '8000.00');
    await stranger.fill('#kyc_employer', 'Acme');
    await stranger.fill('#kyc_employmentMonths', '12');
    await stranger.fill('#kyc_bankAccount', '6222-0202-0011');
    await stranger.getByRole('button', { name: '提交认证' }).click();
    const message = stranger.getByText('银行卡号须为 8–34 位数字，可用空格分组，如 6222 0202 0011 2345');
    await message.waitFor({ timeout: 5_000 });
    expect(kycPosts).toEqual([]);
    await expectAccessible(stranger, 'KYC form with a bank account message');
    await stranger.fill('#kyc_bankAccount', '6222 0202 0011 2345');
    await expect.poll(() => message.count(), { timeout: 5_000 }).toBe(0);
  });
});
