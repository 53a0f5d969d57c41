import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { businessDayConfig } from '../../web/src/shell/business-day-config.js';

const WEB = join(import.meta.dirname, '../../web/src');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('a date picker\'s today is the server\'s business date, not the browser\'s clock (QA W1)', () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    // A staff browser on UTC at 21:39 UTC: 2026-12-01 05:39 in Shanghai, business date 2026-12-01.
    process.env.TZ = 'UTC';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T21:39:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    // Assigning undefined would set the string "undefined": a worker runs other files after this one.
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('highlights and picks the business date with 今天, where antd\'s stock config picks the browser\'s yesterday', () => {
    // The stock config's getNow is dayjs(): the browser's clock.
    const stock = { getNow: () => dayjs(), locale: 'zh_CN' };
    expect(stock.getNow().format('YYYY-MM-DD')).toBe('2026-11-30');
    const business = businessDayConfig(stock, '2026-12-01');
    expect(business.getNow().format('YYYY-MM-DD')).toBe('2026-12-01');
    expect(business.locale).toBe('zh_CN');
  });

  it('every day picker in the console is the business-date one (the audit filter picks instants with a time, not a day)', () => {
    const stock = sourcesUnder(WEB)
      .filter((path) => /<DatePicker[\s/>]/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(WEB, path));
    expect(stock.sort()).toEqual(['audit/AuditFilters.tsx', 'shell/BusinessDatePicker.tsx']);
  });
});
