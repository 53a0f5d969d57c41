import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ALL_EVENT_TYPES } from '../../src/projections/models/event-types.js';
import { LEDGER_ACCOUNTS } from '../../src/domain/loan/ledger-accounts.js';
import { loanStatus } from '../../src/api/schemas/loan-views.js';
import { PORTFOLIO_COLUMNS } from '../../src/reports/portfolio-report.js';
import { CLASSIFICATION_COLUMNS } from '../../src/reports/classification-report.js';
import { PAR_COLUMNS } from '../../src/reports/par-report.js';
import { LARGE_VALUE_COLUMNS } from '../../src/reports/aml-large-value.js';
import { SUSPICIOUS_COLUMNS } from '../../src/reports/aml-suspicious.js';
import { en as enCatalog } from '../../web/src/i18n/en-US.js';
import { labelOf } from '../../web/src/i18n/label-of.js';
import { zh as zhCatalog } from '../../web/src/i18n/zh-CN.js';
import { cellText, columnAlign, columnTitle } from '../../web/src/reports/report-labels.js';
import { outsideBounds } from '../../web/src/shell/date-bounds.js';

/** The console's lookup (web/src/i18n/i18n.tsx's translator, without placeholders): the key itself when missing. */
const lookup = (catalog: Readonly<Record<string, string>>) => (key: never): string => catalog[key] ?? key;
const zh = lookup(zhCatalog);
const en = lookup(enCatalog);
const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

describe('codes the server sends, in the user\'s language', () => {
  it('gives every event type of the catalog a Chinese and an English label', () => {
    for (const type of ALL_EVENT_TYPES) {
      expect(hasHan(labelOf(zh, 'event.', type)), type).toBe(true);
      expect(labelOf(en, 'event.', type), type).not.toBe(type);
    }
  });

  it('names every projection the server runs in Chinese and English', () => {
    const names = new Set<string>();
    const models = join(import.meta.dirname, '../../src/projections/models');
    for (const entry of readdirSync(models, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const match of text.matchAll(/^\s+name: '([a-z][a-z-]*)',|_PROJECTION = '([a-z][a-z-]*)'/gm)) names.add(match[1] ?? match[2] ?? '');
    }
    expect(names).toContain('loan-summary');
    expect(names).toContain('work-queue');
    for (const name of names) {
      expect(hasHan(labelOf(zh, 'proj.model.', name)), name).toBe(true);
      expect(labelOf(en, 'proj.model.', name), name).not.toBe(name);
    }
  });

  it('names every report column in Chinese, and shows a column the catalog lacks as the server named it', () => {
    const columns = new Set([...PORTFOLIO_COLUMNS, ...CLASSIFICATION_COLUMNS, ...PAR_COLUMNS, ...LARGE_VALUE_COLUMNS, ...SUSPICIOUS_COLUMNS, 'account', 'debit', 'credit', 'balance']);
    for (const column of columns) {
      expect(hasHan(columnTitle(zh, column)), column).toBe(true);
    }
    expect(columnTitle(zh, 'somethingNew')).toBe('somethingNew');
  });

  it('translates enum cells (loan status, ledger account, AML direction) and leaves figures and ids as sent', () => {
    for (const status of loanStatus.options) expect(hasHan(cellText(zh, 'status', status)), status).toBe(true);
    for (const account of LEDGER_ACCOUNTS) expect(hasHan(cellText(zh, 'account', account)), account).toBe(true);
    expect(cellText(zh, 'status', 'written_off')).toBe('已核销');
    expect(cellText(zh, 'direction', 'in')).toBe('流入');
    expect(cellText(zh, 'principal', '3284042.54', { currency: 'CNY' })).toBe('CNY 3,284,042.54');
    expect(cellText(zh, 'ratio', '0.0928')).toBe('9.28 %');
    expect(cellText(zh, 'productId', 'p-1', { productNames: new Map([['p-1', '消费贷']]) })).toBe('消费贷');
    expect(cellText(zh, 'productId', 'p-2', { productNames: new Map() })).toBe('p-2');
    expect(cellText(zh, 'count', 3)).toBe('3');
    expect(cellText(zh, 'loanId', null)).toBe('—');
  });

  it('lines figures up on the right (money, ratios, counts) and text on the left', () => {
    for (const column of ['principal', 'total', 'debit', 'credit', 'balance', 'outstanding', 'atRisk', 'amount']) expect(columnAlign(column, '1.00'), column).toBe('right');
    expect(columnAlign('ratio', '0.0928')).toBe('right');
    expect(columnAlign('count', 3)).toBe('right');
    for (const column of ['account', 'status', 'currency', 'productId', 'classification', 'loanId']) expect(columnAlign(column, 'x'), column).toBe('left');
  });

  it('labels loan flags and projection states', () => {
    expect(labelOf(zh, 'flag.', 'npa')).toBe('不良贷款');
    expect(hasHan(labelOf(zh, 'flag.', 'charged-off'))).toBe(true);
    expect(labelOf(zh, 'proj.state.', 'live')).toBe('实时');
  });
});

describe('date bounds of a command (the server refuses a date after the business date or before the disbursement)', () => {
  const disabled = outsideBounds({ latest: '2026-11-30', earliest: '2026-06-15' });

  it('offers the days from the disbursement to the business date, both included', () => {
    expect(disabled(dayjs('2026-11-30'))).toBe(false);
    expect(disabled(dayjs('2026-06-15'))).toBe(false);
    expect(disabled(dayjs('2026-12-01'))).toBe(true);
    expect(disabled(dayjs('2026-12-05'))).toBe(true);
    expect(disabled(dayjs('2026-06-14'))).toBe(true);
  });

  it('leaves a side open while it is unknown', () => {
    expect(outsideBounds({ latest: '2026-11-30' })(dayjs('2001-01-01'))).toBe(false);
    expect(outsideBounds({})(dayjs('2099-01-01'))).toBe(false);
  });
});
