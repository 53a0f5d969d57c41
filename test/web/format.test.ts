import { describe, expect, it } from 'vitest';
import { instant, money, setLenderTimeZone } from '../../web/src/shell/format.js';

describe('money (display only: the server computed the figure)', () => {
  it('groups thousands and keeps every digit the server sent', () => {
    expect(money('1234567.89', 'CNY')).toBe('CNY 1,234,567.89');
    expect(money('0.00')).toBe('0.00');
    expect(money('-1500.5', 'USD')).toBe('USD -1,500.5');
    expect(money('12345678901234.123456789012')).toBe('12,345,678,901,234.123456789012');
  });

  it('shows a dash for a missing amount', () => {
    expect(money(null)).toBe('—');
    expect(money(undefined, 'CNY')).toBe('—');
  });
});

describe('instant (one format for every time shown)', () => {
  it('is YYYY-MM-DD HH:mm:ss in the lender\'s time zone, padded, on a 24-hour clock', () => {
    setLenderTimeZone('Asia/Shanghai');
    expect(instant('2026-05-03T03:55:25.123Z')).toBe('2026-05-03 11:55:25');
    expect(instant('2026-05-02T16:00:00Z')).toBe('2026-05-03 00:00:00');
    setLenderTimeZone('Europe/London');
    expect(instant('2026-11-30T03:05:09Z')).toBe('2026-11-30 03:05:09');
    setLenderTimeZone('Asia/Shanghai');
  });

  it('shows a value it cannot read as sent', () => {
    expect(instant('not a time')).toBe('not a time');
  });
});
