import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible, launchChromium, openContext, screenshot, type ContextOptions } from './chromium.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';

let server: ConsoleServer;
let browser: Browser;
let page: Page;
const ids = { product: '', customer: '', loan: '' };

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchChromium();
  const context = await openContext(browser, { width: 1440, language: 'zh-CN' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** On a failure, what the browser showed goes to test-results/ (ignored by git) for the person reading the log. */
function keepFailureScreenshot(name: string) {
  onTestFailed(async () => {
    await page.screenshot({ path: `test-results/browser-${name}.png`, fullPage: true }).catch(() => undefined);
  });
}

const url = (path: string) => `${server.baseUrl}${path}`;

/** The development login page, one click for the role; lands in the back office. */
async function signInAs(role: 'officer' | 'underwriter' | 'compliance' | 'admin') {
  await page.goto(url('/dev-login'));
  await page.getByTestId(`dev-${role}`).click();
  await page.waitForURL(/\/office$/);
  await expect.poll(() => page.getByTestId('who').textContent()).toContain(`dev-${role}`);
}

async function pickOption(selectId: string, text: string) {
  await page.locator(selectId).click();
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Opens a servicing action's panel on the loan page and submits it. */
async function loanAction(title: string, id: string, fill?: () => Promise<void>) {
  await page.getByTestId('actions').getByText(title, { exact: true }).click();
  await fill?.();
  await page.getByTestId(`submit-${id}`).click();
}

const statusIs = (text: string) => expect.poll(() => page.getByTestId('loan-summary').textContent(), { timeout: 15_000 }).toContain(text);

describe('the web console, end to end in Chromium', () => {
  it('an admin defines a product on the products page', async () => {
    keepFailureScreenshot('an-admin-defines-a-product-on-the-produc');
    await signInAs('admin');
    await page.getByTestId('chart-collection-rate').locator('svg').waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'dashboard');
    await page.goto(url('/office/products'));
    await page.fill('#define-product_name', '浏览器测试贷');
    await page.fill('#define-product_principalMin', '1000.00');
    await page.fill('#define-product_principalMax', '100000.00');
    await page.fill('#define-product_annualRate', '12');
    await page.fill('#define-product_aprCap', '24');
    // The live preview: the server's schedule and APR for the draft terms (3 periods of the minimum by default).
    await expect.poll(() => page.getByTestId('define-product-preview').getByTestId('quote').textContent(), { timeout: 15_000 }).toContain('1,000.00');
    await expectAccessible(page, 'products with a live preview');
    await page.getByRole('button', { name: '定义产品' }).click();
    await expect.poll(() => page.locator('table').first().textContent(), { timeout: 15_000 }).toContain('浏览器测试贷');
    await expectAccessible(page, 'products');
  });

  it('an officer registers a customer and submits KYC; compliance verifies it', async () => {
    keepFailureScreenshot('an-officer-registers-a-customer-and-subm');
    await signInAs('officer');
    await page.goto(url('/office/customers/new'));
    await page.fill('#register_name', '王小明');
    await expectAccessible(page, 'new customer');
    // A resident identity number with a wrong check character is a field message (the API checks it only when told the
    // document is a resident identity card, so the form says so: nationalIdType cn_resident, the default).
    await page.fill('#register_nationalId', '110105199001011234');
    await page.fill('#register_phone', '13812341234');
    await page.locator('form#register button[type=submit]').click();
    await expect.poll(() => page.locator('#register_nationalId_help').textContent()).toBe('请输入有效的 18 位居民身份证号码（末位可为 X）');
    await page.fill('#register_nationalId', '110105199001011232');
    const registered = page.waitForRequest((r) => r.url().endsWith('/v1/customers') && r.method() === 'POST');
    await page.locator('form#register button[type=submit]').click();
    expect((await registered).postDataJSON()).toMatchObject({ nationalId: '110105199001011232', nationalIdType: 'cn_resident' });
    await page.waitForURL((u) => /^\/office\/customers\/(?!new$)[^/]+$/.test(u.pathname));
    ids.customer = page.url().split('/').pop() ?? '';
    await page.fill('#kyc_monthlyIncome', '30000.00');
    await page.fill('#kyc_employer', 'Acme');
    await page.fill('#kyc_employmentMonths', '72');
    await page.fill('#kyc_bankAccount', '6222020200112345678');
    await page.locator('form#kyc button[type=submit]').click();
    await expect.poll(() => page.getByTestId('kyc-status').textContent(), { timeout: 15_000 }).toBe('待审核');

    await signInAs('compliance');
    await page.goto(url(`/office/customers/${ids.customer}`));
    await expectAccessible(page, 'customer with KYC to decide');
    // Nothing is pre-selected and a reason is asked for either outcome (QA W6).
    await page.getByRole('radio', { name: '通过' }).check();
    await page.fill('#kyc-decision_reason', '证件与银行流水一致');
    await page.getByTestId('submit-kyc-decision').click();
    await expect.poll(() => page.getByTestId('kyc-status').textContent(), { timeout: 15_000 }).toBe('已认证');
  });

  it('the officer applies and assesses, a different underwriter approves, the officer disburses', async () => {
    keepFailureScreenshot('the-officer-applies-and-assesses-a-diffe');
    await signInAs('officer');
    await page.goto(url(`/office/apply?customerId=${ids.customer}`));
    await pickOption('#apply_productId', '浏览器测试贷');
    await page.fill('#apply_principal', '12000.00');
    await page.fill('#apply_term', '12');
    await page.fill('#apply_purpose', '装修');
    await expectAccessible(page, 'apply');
    await page.locator('form#apply button[type=submit]').click();
    await page.waitForURL(/\/office\/loans\/[^/]+$/);
    ids.loan = page.url().split('/').pop() ?? '';
    await statusIs('已提交');
    await loanAction('信用评估', 'assess');
    await statusIs('已评估');

    // A loan the underwriter submitted and assessed (through the API, as an officer named dev-underwriter): four eyes keep it out of their queue.
    const own = await devSession('officer', undefined, 'dev-underwriter');
    const product = (await api<{ items: { id: string; terms: { name: string } }[] }>(own.token, 'GET', '/v1/products')).items.find((p) => p.terms.name === '浏览器测试贷');
    const ownLoan = await api<{ id: string }>(own.token, 'POST', '/v1/loans', { customerId: ids.customer, productId: product?.id, principal: '3000.00', term: 6, purpose: '自己的' });
    await api(own.token, 'POST', `/v1/loans/${ownLoan.id}/assess`, {});

    await signInAs('underwriter');
    await page.getByRole('menuitem', { name: /待审批$/ }).click();
    await page.waitForURL(/\/office\/queues\/approvals$/);
    await expect.poll(async () => {
      await page.reload();
      return page.getByTestId('queue').textContent();
    }, { timeout: 15_000 }).toContain(ids.loan);
    expect(await page.getByTestId('queue').textContent()).not.toContain(ownLoan.id);
    await expectAccessible(page, 'approvals queue');
    await page.getByTestId('queue').getByRole('link', { name: ids.loan }).click();
    await page.waitForURL(new RegExp(`/office/loans/${ids.loan}$`));
    await loanAction('批准', 'approve');
    await statusIs('已批准');

    await signInAs('officer');
    await page.goto(url(`/office/loans/${ids.loan}`));
    await loanAction('放款', 'disburse', () => pickOption('#disburse_channel', '银行转账'));
    await statusIs('还款中');
    await expect.poll(() => page.getByTestId('schedule').textContent()).toContain('待还');
  });

  it('the officer finds the loan in the loans list and the customer through the header search', async () => {
    keepFailureScreenshot('the-officer-finds-the-loan-in-the-loans');
    await page.goto(url('/office/loans'));
    await pickOption('#filter-status', '还款中');
    await expect.poll(() => page.getByTestId('loan-list').textContent(), { timeout: 15_000 }).toContain(ids.loan);
    await expectAccessible(page, 'loans list');
    await pickOption('#filter-status', '已提交');
    await expect.poll(() => page.getByTestId('loan-list').textContent(), { timeout: 15_000 }).not.toContain(ids.loan);
    await page.getByTestId('search').locator('input').fill('13812341234');
    await page.getByTestId('search').locator('input').press('Enter');
    await page.waitForURL(/\/office\/search\?q=/);
    await expect.poll(() => page.getByTestId('customer-hits').locator(`a[href="/office/customers/${ids.customer}"]`).count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(page, 'search');
    await page.goto(url(`/office/loans/${ids.loan}`));
    await statusIs('还款中');
  });

  it('the officer records a repayment and the loan view shows it', async () => {
    keepFailureScreenshot('the-officer-records-a-repayment-and-the');
    const before = await page.getByTestId('outstanding-total').textContent();
    await loanAction('登记还款', 'repay', async () => {
      await page.fill('#repay_amount', '500.00');
      await pickOption('#repay_channel', '支付宝');
      await page.fill('#repay_reference', 'E2E-ALP-0001');
    });
    await expect.poll(() => page.getByTestId('outstanding-total').textContent(), { timeout: 15_000 }).not.toBe(before);
    await expectAccessible(page, 'loan view');
    await page.getByRole('tab', { name: '交易流水' }).click();
    await expect.poll(() => page.getByTestId('transactions').textContent(), { timeout: 15_000 }).toContain('E2E-ALP-0001');
    await expectAccessible(page, 'loan transactions');
    await page.getByRole('tab', { name: '还款计划' }).click();
    // An amount finer than the currency's minor unit is a field message: nothing is sent.
    await page.fill('#repay_amount', '0.001');
    await pickOption('#repay_channel', '支付宝');
    await page.fill('#repay_reference', 'E2E-ALP-0002');
    await page.getByTestId('submit-repay').click();
    await expect.poll(() => page.locator('.ant-form-item', { has: page.locator('#repay_amount') }).locator('.ant-form-item-explain-error').textContent(), { timeout: 15_000 })
      .toContain('金额最多 2 位小数');
    // More than the payoff: the form shows the API's own problem, its code and the Chinese wording of it.
    await page.fill('#repay_amount', '99999999.00');
    await page.getByTestId('submit-repay').click();
    await expect.poll(() => page.getByTestId('problem').textContent(), { timeout: 15_000 }).toMatch(/\(422 AMOUNT_EXCEEDS_PAYOFF\).*金额超过/);
  });

  it('compliance opens the timeline, sees actors and hashes, and moves the slider back in time', async () => {
    keepFailureScreenshot('compliance-opens-the-timeline-sees-actor');
    await signInAs('compliance');
    await page.goto(url(`/office/loans/${ids.loan}`));
    await page.getByTestId('open-timeline').click();
    await page.waitForURL(/\/timeline$/);
    const events = page.getByTestId('timeline-event');
    await expect.poll(() => events.count(), { timeout: 15_000 }).toBe(5);
    const timeline = await page.getByTestId('timeline').textContent();
    for (const expected of ['LoanApplicationSubmitted', 'CreditAssessed', 'LoanApproved', 'LoanDisbursed', 'RepaymentReceived', 'dev-officer', 'dev-underwriter']) {
      expect(timeline).toContain(expected);
    }
    await expect.poll(() => page.getByTestId('state-revision').textContent(), { timeout: 15_000 }).toContain('4');
    await expectAccessible(page, 'timeline');
    const handle = page.getByRole('slider');
    await handle.focus();
    await handle.press('Home');
    await expect.poll(() => page.getByTestId('as-of').textContent()).toContain('第 1 / 5');
    await expect.poll(() => page.getByTestId('state-revision').textContent(), { timeout: 15_000 }).toContain('版本 0');
    await expect.poll(() => page.getByTestId('loan-summary').textContent()).toContain('已提交');
    await handle.press('ArrowRight');
    await handle.press('ArrowRight');
    await expect.poll(() => page.getByTestId('loan-summary').textContent(), { timeout: 15_000 }).toContain('已批准');
  });

  it('an admin runs close of business and sees projections', async () => {
    keepFailureScreenshot('an-admin-runs-close-of-business-and-sees');
    await signInAs('admin');
    await page.goto(url('/office/operations'));
    await page.getByTestId('submit-cob').click();
    await expect.poll(() => page.getByTestId('cob-result').textContent(), { timeout: 30_000 }).toContain('1');
    await expect.poll(() => page.getByTestId('projections').textContent()).toContain('loan-summary');
    await expectAccessible(page, 'operations');
    await page.goto(url('/office/reports'));
    // Column names and status values through the catalog: 还款中, never the server's `active`.
    await expect.poll(() => page.locator('.ant-table-tbody').first().textContent(), { timeout: 15_000 }).toContain('还款中');
    expect(await page.locator('.ant-table-thead').first().textContent()).toContain('状态');
    const download = page.waitForEvent('download');
    await page.getByTestId('csv-portfolio').click();
    expect((await download).suggestedFilename()).toBe('portfolio.csv');
    await expectAccessible(page, 'reports');
  });

  it('a new borrower registers, submits KYC and applies in the portal on a phone', async () => {
    const context = await openContext(browser, { width: 390, language: 'zh-CN' });
    const phone = await context.newPage();
    await phone.goto(url('/dev-login'));
    await expectAccessible(phone, 'dev login');
    await phone.getByTestId('dev-new-borrower').click();
    await phone.waitForURL(/\/portal$/);
    await phone.goto(url('/portal/account'));
    await phone.fill('#register_name', '李华');
    await phone.fill('#register_nationalId', '110105199202021234');
    await phone.fill('#register_phone', '13900001111');
    await expectAccessible(phone, 'portal registration');
    await phone.locator('form#register button[type=submit]').click();
    await phone.fill('#kyc_monthlyIncome', '18000.00');
    await phone.fill('#kyc_employer', 'Lotus');
    await phone.fill('#kyc_employmentMonths', '40');
    await phone.fill('#kyc_bankAccount', '6222020200199998888');
    await phone.locator('form#kyc button[type=submit]').click();
    await expect.poll(() => phone.getByTestId('kyc-status').textContent(), { timeout: 15_000 }).toBe('待审核');
    await phone.goto(url('/portal'));
    await phone.getByTestId('product-card').first().getByRole('button').click();
    await phone.fill('#apply_principal', '5000.00');
    await phone.fill('#apply_term', '6');
    await phone.fill('#apply_purpose', '进修');
    await expectAccessible(phone, 'portal apply');
    expect(await phone.locator('form#apply button[type=submit]').isDisabled()).toBe(true);
    // The agreement the server rendered: APR beside the rate, the total cost, the schedule, its SHA-256; ticking accepts it.
    await phone.getByTestId('read-agreement').click();
    await expect.poll(() => phone.getByTestId('agreement-hash').textContent(), { timeout: 15_000 }).toMatch(/^[0-9a-f]{64}$/);
    expect(await phone.getByTestId('agreement-apr').textContent()).toMatch(/^\d+\.\d{2} %$/);
    expect(await phone.getByTestId('agreement').textContent()).toContain('借款总成本');
    await expectAccessible(phone, 'portal apply, agreement');
    const hash = await phone.getByTestId('agreement-hash').textContent();
    await phone.getByTestId('accept-agreement').click();
    const sent = phone.waitForRequest((r) => r.url().endsWith('/v1/loans') && r.method() === 'POST');
    await phone.locator('form#apply button[type=submit]').click();
    const body = (await sent).postDataJSON() as { agreement: { hash: string; acceptedAt: string } };
    expect(body.agreement.hash).toBe(hash);
    expect(Number.isNaN(Date.parse(body.agreement.acceptedAt))).toBe(false);
    await phone.waitForURL(/\/portal\/loans\/[^/]+$/);
    await expect.poll(() => phone.getByTestId('loan-summary').textContent(), { timeout: 15_000 }).toContain('已提交');
    await context.close();
  });

  it('a borrower self-registers with a code, signs out and back in with a password; preferences follow the account', async () => {
    keepFailureScreenshot('a-borrower-self-registers');
    const phoneNumber = '13700002222';
    const password = 'Lendcore-Browser-2026!x';
    const context = await openContext(browser, { width: 390, language: 'zh-CN' });
    const phone = await context.newPage();
    await phone.goto(url('/login'));
    await expectAccessible(phone, 'login');
    await phone.getByRole('button', { name: '注册借款人账户' }).click();
    await phone.waitForURL(/\/register$/);
    await phone.fill('#account_login', phoneNumber);
    await phone.fill('#account_password', password);
    await expectAccessible(phone, 'register');
    await phone.locator('form#account button[type=submit]').click();
    await phone.locator('#verify_code').waitFor({ timeout: 15_000 });
    await phone.fill('#verify_code', server.codeSentTo(phoneNumber));
    await phone.fill('#verify_name', '赵敏');
    await phone.fill('#verify_nationalId', '110105199303031239');
    await expectAccessible(phone, 'register code');
    const prefs = (method: string) => (r: { url(): string; request(): { method(): string } }) => r.url().endsWith('/v1/me/preferences') && r.request().method() === method;
    const loaded = phone.waitForResponse(prefs('GET'), { timeout: 15_000 });
    await phone.locator('form#verify button[type=submit]').click();
    await phone.waitForURL(/\/portal$/, { timeout: 15_000 });
    expect((await loaded).status()).toBe(200);
    // English, saved to the account (PUT /v1/me/preferences), then sign out through /v1/auth/logout.
    const saved = phone.waitForResponse(prefs('PUT'), { timeout: 15_000 });
    await phone.getByText('EN', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await phone.getByRole('button', { name: 'Sign out' }).click();
    await phone.waitForURL(/\/login$/);
    await context.close();

    // A fresh browser in Chinese: the password login lands in the portal, in the account's English.
    const again = await openContext(browser, { width: 390, language: 'zh-CN' });
    const back = await again.newPage();
    await back.goto(url('/login'));
    await back.fill('#login_login', phoneNumber);
    await back.fill('#login_password', password);
    await back.locator('form#login button[type=submit]').click();
    await back.waitForURL(/\/portal$/, { timeout: 15_000 });
    await expect.poll(() => back.getByRole('button', { name: 'Sign out' }).count(), { timeout: 15_000 }).toBe(1);
    // An access token the API no longer takes: the console refreshes once through the httpOnly cookie and carries on.
    await back.evaluate("const s = JSON.parse(sessionStorage.getItem('lendcore.session')); sessionStorage.setItem('lendcore.session', JSON.stringify({ ...s, token: 'expired.' + s.token }))");
    const refreshed = back.waitForResponse((r) => r.url().endsWith('/v1/auth/refresh'), { timeout: 15_000 });
    await back.goto(url('/portal/account'));
    expect((await refreshed).status()).toBe(200);
    await expect.poll(() => back.getByTestId('kyc-status').textContent(), { timeout: 15_000 }).toBe('Not submitted');
    expect(await back.evaluate("JSON.parse(sessionStorage.getItem('lendcore.session')).token.startsWith('expired.')")).toBe(false);
    await again.close();
  });

  it("the borrower's first route is under 300 KB of JavaScript gzipped, and the portal shows the loan", async () => {
    const session = await devSession('borrower', ids.customer);
    const context = await openContext(browser, { width: 390, language: 'zh-CN', session });
    const borrower = await context.newPage();
    const scripts: string[] = [];
    borrower.on('response', (r) => void (r.url().endsWith('.js') && scripts.push(r.url())));
    await borrower.goto(url('/portal'), { waitUntil: 'networkidle' });
    await expect.poll(() => borrower.getByTestId('product-card').count()).toBeGreaterThan(0);
    let gzipped = 0;
    for (const script of scripts) gzipped += gzipSync(Buffer.from(await (await fetch(script)).arrayBuffer()), { level: 9 }).length;
    console.log(`borrower portal first route: ${scripts.length} scripts, ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
    expect(gzipped).toBeLessThan(300 * 1024);
    await expectAccessible(borrower, 'portal products');

    await borrower.goto(url(`/portal/loans/${ids.loan}`));
    await expect.poll(() => borrower.getByTestId('schedule').textContent(), { timeout: 15_000 }).toContain('#1');
    // A phone's row card labels the amount paid 已还, never the status word 已还清 ("paid off") (QA 9 Q6).
    const cards = (await borrower.getByTestId('schedule').textContent()) ?? '';
    expect(cards).toContain('已还:');
    expect(cards).not.toContain('已还清:');
    await expectAccessible(borrower, 'portal loan');

    // Repay through the sandbox channel: the intent's page confirms it, the portal sees the payment land.
    const before = await borrower.getByTestId('outstanding-total').textContent();
    await borrower.fill('#pay_amount', '300.00');
    await borrower.getByTestId('submit-pay').click();
    const link = borrower.getByTestId('pay-link');
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('href')).toMatch(/\/v1\/payments\/sandbox\/[^/]+$/);
    await expectAccessible(borrower, 'portal payment started');
    const gateway = await context.newPage();
    await gateway.goto((await link.getAttribute('href')) ?? '');
    await gateway.getByRole('button', { name: 'Confirm payment' }).click();
    // The whole page on a failure: its role=status line says what the lender answered the gateway.
    await expect.poll(() => gateway.locator('body').textContent(), { timeout: 15_000 }).toMatch(/Status\s*confirmed/);
    await gateway.close();
    await expect.poll(() => borrower.getByTestId('payment-status').textContent(), { timeout: 20_000 }).toContain('已收到付款');
    await expect.poll(() => borrower.getByTestId('outstanding-total').textContent(), { timeout: 15_000 }).not.toBe(before);
    await borrower.goto(url('/portal/account'));
    await expect.poll(() => borrower.getByTestId('kyc-status').textContent(), { timeout: 15_000 }).toBe('已认证');
    await expectAccessible(borrower, 'portal account');
    await context.close();
  });

  it('compliance searches the audit trail by stream and type and opens the loan timeline from it', async () => {
    keepFailureScreenshot('compliance-searches-the-audit-trail');
    await signInAs('compliance');
    await page.goto(url('/office/audit'));
    await page.fill('#audit_stream', `loan-${ids.loan}`);
    await page.getByTestId('audit-search').click();
    await expect.poll(() => page.getByTestId('audit-list').textContent(), { timeout: 15_000 }).toContain('LoanDisbursed');
    expect(await page.getByTestId('audit-list').textContent()).toContain('dev-officer');
    await expectAccessible(page, 'audit search');
    await page.fill('#audit_type', 'LoanApproved');
    await page.getByTestId('audit-search').click();
    await expect.poll(() => page.getByTestId('audit-list').textContent(), { timeout: 15_000 }).not.toContain('LoanDisbursed');
    expect(await page.getByTestId('audit-list').textContent()).toContain('dev-underwriter');
    await page.getByTestId('audit-list').getByRole('link', { name: `loan-${ids.loan}` }).first().click();
    await page.waitForURL(new RegExp(`/office/loans/${ids.loan}/timeline$`));
    await expect.poll(() => page.getByTestId('timeline-event').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('an admin creates a staff user (one-time password sent to the person, never shown), changes its role, disables, enables, resets and ends its sessions', async () => {
    keepFailureScreenshot('an-admin-manages-staff-users');
    const admin = await devSession('admin');
    const userOf = async () => (await api<{ items: { username: string; role: string; status: string; contact: string | null }[] }>(admin.token, 'GET', '/v1/users')).items.find((u) => u.username === 'e2eclerk');
    const confirm = () => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await signInAs('admin');
    await page.goto(url('/office/users'));
    await page.fill('#create-user_username', 'e2eclerk');
    await page.fill('#create-user_contact', 'e2eclerk@lender.example');
    await expectAccessible(page, 'users');
    await page.getByTestId('submit-create-user').click();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 15_000 }).toContain('已发送至 e***@lender.example');
    expect(await userOf()).toMatchObject({ role: 'officer', contact: 'e***@lender.example' });

    await page.getByTestId('role-e2eclerk').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '合规' }).first().click();
    await expect.poll(async () => (await userOf())?.role, { timeout: 15_000 }).toBe('compliance');
    await page.getByTestId('disable-e2eclerk').click();
    await confirm();
    await expect.poll(() => page.getByTestId('user-list').textContent(), { timeout: 15_000 }).toContain('已停用');
    await page.getByTestId('enable-e2eclerk').click();
    await confirm();
    await expect.poll(async () => (await userOf())?.status, { timeout: 15_000 }).not.toBe('disabled');
    await page.getByTestId('reset-e2eclerk').click();
    await confirm();
    const compliance = await devSession('compliance');
    const resets = async () => (await api<{ items: { detail: string | null }[] }>(compliance.token, 'GET', '/v1/security-events?type=password.reset')).items;
    await expect.poll(async () => (await resets()).map((e) => e.detail), { timeout: 15_000 }).toContainEqual(expect.stringContaining('sent to e***@lender.example'));
    await page.getByTestId('revoke-e2eclerk').click();
    await confirm();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 15_000 }).toContain('已结束');
  });

  it('an admin amends a product into a new version with the preview, and retires another', async () => {
    keepFailureScreenshot('an-admin-amends-and-retires-a-product');
    const admin = await devSession('admin');
    await api(admin.token, 'POST', '/v1/products', { name: '下架测试贷', currency: 'CNY', principal: { min: '1000.00', max: '5000.00' }, term: { min: 3, max: 12 }, frequency: 'monthly', annualRate: '10' });
    await signInAs('admin');
    await page.goto(url('/office/products'));
    const row = page.getByTestId('product-list').locator('tr', { hasText: '浏览器测试贷' });
    await row.getByRole('button', { name: /修\s*改/ }).click();
    await page.locator('#amend-product_annualRate').waitFor();
    expect(await page.inputValue('#amend-product_annualRate')).toBe('12');
    await page.fill('#amend-product_annualRate', '13');
    await page.fill('#amend-product-preview-principal', '12000.00');
    await page.fill('#amend-product-preview-term', '12');
    await expect.poll(() => page.getByTestId('amend-product-preview').getByTestId('quote').textContent(), { timeout: 15_000 }).toContain('12,000.00');
    await expectAccessible(page, 'amend product');
    await page.getByTestId('submit-amend-product').click();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('13 %');
    expect(await row.locator('td').nth(1).textContent()).toBe('2');
    // A retired product stays in the staff catalogue, marked retired, with nothing left to do to it.
    const other = page.getByTestId('product-list').locator('tr', { hasText: '下架测试贷' });
    await other.getByRole('button', { name: /下\s*架/ }).click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => other.textContent(), { timeout: 15_000 }).toContain('已下架');
    expect(await other.getByRole('button').count()).toBe(0);
  });

  it('writes screenshots of the main pages at 390 and 1440 px in Chinese and English', async () => {
    keepFailureScreenshot('writes-screenshots-of-the-main-pages-at');
    const sessions = {
      borrower: await devSession('borrower', ids.customer),
      officer: await devSession('officer'),
      compliance: await devSession('compliance'),
      admin: await devSession('admin'),
    };
    const pages: { name: string; path: string; as?: keyof typeof sessions; ready: string }[] = [
      { name: 'dev-login', path: '/dev-login', ready: '[data-testid=dev-officer]' },
      { name: 'portal-products', path: '/portal', as: 'borrower', ready: '[data-testid=product-card]' },
      { name: 'portal-loan', path: `/portal/loans/${ids.loan}`, as: 'borrower', ready: '[data-testid=schedule]' },
      { name: 'loan', path: `/office/loans/${ids.loan}`, as: 'officer', ready: '[data-testid=schedule]' },
      { name: 'loans', path: '/office/loans', as: 'officer', ready: '[data-testid=loan-list] tbody tr.ant-table-row, [data-testid=loan-list] .ant-card' },
      { name: 'timeline', path: `/office/loans/${ids.loan}/timeline`, as: 'compliance', ready: '[data-testid=state-revision]' },
      { name: 'dashboard', path: '/office', as: 'admin', ready: '[data-testid=chart-collection-rate] svg' },
      { name: 'reports', path: '/office/reports', as: 'admin', ready: '[data-testid=csv-portfolio]' },
      { name: 'products', path: '/office/products', as: 'admin', ready: '[data-testid=product-list] .ant-tag' },
      { name: 'users', path: '/office/users', as: 'admin', ready: '[data-testid=user-list] .ant-tag' },
      { name: 'audit', path: '/office/audit', as: 'compliance', ready: '[data-testid=audit-list] .ant-card, [data-testid=audit-list] tr.ant-table-row' },
    ];
    // One tab per width and language, the four side by side (the browser and the server wait on each other
    // more than they compute); each page's role goes into the tab's session before it loads.
    const passes = (['zh-CN', 'en-US'] as const).flatMap((language) => ([390, 1440] as const).map((width): ContextOptions => ({ width, language })));
    await Promise.all(passes.map(async (options) => {
      const context = await openContext(browser, options);
      const shot = await context.newPage();
      for (const p of pages) {
        await shot.goto(url('/login'));
        const session = p.as ? JSON.stringify(sessions[p.as]) : null;
        await shot.evaluate(session ? `sessionStorage.setItem('lendcore.session', ${JSON.stringify(session)})` : "sessionStorage.removeItem('lendcore.session')");
        await shot.goto(url(p.path));
        await shot.locator(p.ready).first().waitFor({ timeout: 30_000 });
        await screenshot(shot, p.name, options);
        if (options.width === 390) await expectAccessible(shot, `${p.name} ${options.language} ${options.width}`);
      }
      await context.close();
    }));
    // The dark theme, compact, on the busiest page: same contrast bar.
    const dark = await openContext(browser, { width: 1440, language: 'zh-CN', session: sessions.officer, theme: 'dark', density: 'compact' });
    const darkPage = await dark.newPage();
    await darkPage.goto(url(`/office/loans/${ids.loan}`));
    await darkPage.getByTestId('schedule').waitFor();
    await screenshot(darkPage, 'loan-dark', { width: 1440, language: 'zh-CN' });
    await expectAccessible(darkPage, 'loan, dark and compact');
    await dark.close();
    // Eleven pages at two widths in two languages, each with axe at 390 px: more than the default per-test limit on a shared machine.
  }, 360_000);
});

async function devSession(role: string, customerId?: string, sub?: string) {
  const response = await fetch(url('/v1/dev/session'), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, ...(customerId ? { customerId } : {}), ...(sub ? { sub } : {}) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; sub: string; role: string; customerId: string | null };
}

/** Calls the API directly with a token; fails the test on a non-2xx answer. */
async function api<T = unknown>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(url(path), {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}
