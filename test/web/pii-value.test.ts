import { describe, expect, it } from 'vitest';
import { piiValue } from '../../web/src/customers/pii-value.js';
import { en } from '../../web/src/i18n/en-US.js';
import { zh } from '../../web/src/i18n/zh-CN.js';
import { money } from '../../web/src/shell/format.js';

const zhT = (key: keyof typeof zh) => zh[key];
const enT = (key: keyof typeof en) => en[key];

describe('piiValue (a PII value as the console shows it)', () => {
  it('shows an erased value in the console\'s language, never the API\'s [erased]', () => {
    expect(piiValue(zhT, '[erased]')).toBe('已删除');
    expect(piiValue(enT, '[erased]')).toBe('Erased');
    expect(piiValue(zhT, '[erased]', money)).toBe('已删除');
  });

  it('shows a masked value as sent, formatted when asked, and a dash for none', () => {
    expect(piiValue(zhT, '138****7777')).toBe('138****7777');
    expect(piiValue(zhT, '23456.78', money)).toBe('23,456.78');
    expect(piiValue(zhT, null)).toBe('—');
    expect(piiValue(zhT, undefined)).toBe('—');
  });
});
