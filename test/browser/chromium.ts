import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('docs/screenshots');

/** Debian's Chromium, headless, with everything that would reach the network switched off. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export type Language = 'zh-CN' | 'en-US';

export interface ContextOptions {
  width: 390 | 1440;
  language: Language;
  theme?: 'light' | 'dark';
  density?: 'comfortable' | 'compact';
  /** A session to start signed in with (the console keeps it in sessionStorage). */
  session?: { token: string; sub: string; role: string; customerId: string | null };
}

/** A browser context at a phone or desktop width, in one language, optionally already signed in. */
export async function openContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.width === 390 ? 844 : 900 },
    locale: options.language,
    timezoneId: 'UTC',
    // The console turns antd's motion off for this, so axe never sees a half-faded popup.
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  // Runs in the page before the console: preferences (kept if the user toggles them) and the signed-in session.
  const preferences = JSON.stringify({ language: options.language, theme: options.theme ?? 'light', density: options.density ?? 'comfortable' });
  const session = options.session ? JSON.stringify(options.session) : null;
  await context.addInitScript(`
    if (!localStorage.getItem('lendcore.preferences')) localStorage.setItem('lendcore.preferences', ${JSON.stringify(preferences)});
    ${session ? `if (!sessionStorage.getItem('lendcore.session')) sessionStorage.setItem('lendcore.session', ${JSON.stringify(session)});` : ''}
  `);
  return context;
}

/** axe-core on the page as it stands: fails on any serious or critical violation, naming rule and nodes (with their HTML and why). */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`).join('\n    ')}`);
    throw new Error(`axe on ${where} (${page.url()}):\n  ${lines.join('\n  ')}`);
  }
}

/** Writes docs/screenshots/<name>-<language>-<width>.png. */
export async function screenshot(page: Page, name: string, options: ContextOptions): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${options.language}-${options.width}.png`), fullPage: false });
}
