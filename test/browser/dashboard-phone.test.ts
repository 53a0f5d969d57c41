import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openContext } from './chromium.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';

/**
 * The dashboard's axis charts on a 390 px phone: the legend (one scrolling line at the bottom) never covers
 * the month labels of the x axis, as ECharts 6's wrapped bottom legend did.
 */
let server: ConsoleServer;
let browser: Browser;
const url = (path: string) => `${server.baseUrl}${path}`;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const daysFrom = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function token(role: string): Promise<string> {
  const response = await fetch(url('/v1/dev/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role }) });
  return ((await response.json()) as { token: string }).token;
}

async function api<T = unknown>(bearer: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(url(path), { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  expect(response.status, `POST ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

beforeAll(async () => {
  server = await startConsoleServer();
  const [admin, officer, underwriter, compliance] = await Promise.all(['admin', 'officer', 'underwriter', 'compliance'].map(token)) as [string, string, string, string];
  const product = await api<{ id: string }>(admin, '/v1/products', {
    name: '看板测试贷', currency: 'CNY', principal: { min: '1000.00', max: '100000.00' }, term: { min: 3, max: 24 }, frequency: 'monthly', annualRate: '12', aprCap: '24',
  });
  const customer = await api<{ id: string }>(officer, '/v1/customers', { name: '钱看板', nationalId: '110105198808081237', phone: '13611112222' });
  await api(officer, `/v1/customers/${customer.id}/kyc`, { monthlyIncome: '30000.00', employer: 'Acme', employmentMonths: 40, bankAccount: '6222020202020606' });
  await api(compliance, `/v1/customers/${customer.id}/kyc/decision`, { decision: 'verified' });
  // Paid out and repaid through every channel: eight legend entries, rows of them when wrapped on a phone.
  for (const [channel, repaidBy] of [['bank_transfer', 'alipay'], ['online', 'wechat'], ['alipay', 'online'], ['wechat', 'bank_transfer']] as const) {
    const { id } = await api<{ id: string }>(officer, '/v1/loans', { customerId: customer.id, productId: product.id, principal: '6000.00', term: 6, purpose: 'test', submittedOn: daysFrom(today, -40) });
    await api(officer, `/v1/loans/${id}/assess`);
    await api(underwriter, `/v1/loans/${id}/approve`, { effectiveDate: daysFrom(today, -40) });
    await api(officer, `/v1/loans/${id}/disburse`, { channel, effectiveDate: daysFrom(today, -40) });
    await api(officer, `/v1/loans/${id}/repayments`, { amount: '500.00', channel: repaidBy, reference: `E2E-DASH-${channel}`, effectiveDate: daysFrom(today, -5) });
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the dashboard on a phone, in Chromium', () => {
  it("keeps each axis chart's legend below its month labels", async () => {
    const page = await (await openContext(browser, { width: 390, language: 'zh-CN' })).newPage();
    await page.goto(url('/dev-login'));
    await page.getByTestId('dev-officer').click();
    await page.waitForURL(/\/office$/);
    const chart = page.getByTestId('chart-flows');
    await expect.poll(() => chart.locator('svg text').allTextContents(), { timeout: 15_000 }).toContain('放款 · 银行转账');
    const texts = chart.locator('svg text');
    const boxes: { text: string; top: number; bottom: number }[] = [];
    for (let i = 0; i < await texts.count(); i++) {
      const box = await texts.nth(i).boundingBox();
      if (box && box.height > 0) boxes.push({ text: (await texts.nth(i).textContent()) ?? '', top: box.y, bottom: box.y + box.height });
    }
    const months = boxes.filter((b) => /^\d{4}-\d{2}$/.test(b.text));
    const legend = boxes.filter((b) => b.text.includes(' · '));
    expect(months.length).toBeGreaterThan(0);
    expect(legend.length).toBeGreaterThan(0);
    const lowestMonth = Math.max(...months.map((b) => b.bottom));
    const highestLegend = Math.min(...legend.map((b) => b.top));
    expect(highestLegend, JSON.stringify({ months, legend })).toBeGreaterThanOrEqual(lowestMonth);
    await page.context().close();
  });
});
