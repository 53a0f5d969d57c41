import { describe, expect, it } from 'vitest';
import { money } from '../../web/src/shell/format.js';

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
