import { describe, expect, it } from 'vitest';
import { submitKycBody } from '../../src/api/schemas/customers.js';
import { bankAccountRules } from '../../web/src/shell/bank-account-rules.js';
import { check, t } from './form-rules.js';

const MESSAGE = '银行卡号须为 8–34 个字符，只含数字和空格，如 6222 0202 0011 2345';

describe('the KYC bank account is checked in the browser with the server\'s rule (QA 12 W12)', () => {
  it('refuses what the server refuses, with a Chinese field message', async () => {
    expect(await check(bankAccountRules(t), '')).toBe('必填');
    expect(await check(bankAccountRules(t), '1234567')).toBe(MESSAGE);
    expect(await check(bankAccountRules(t), '6222-0202-0011-2345')).toBe(MESSAGE);
    expect(await check(bankAccountRules(t), 'ABCD12345678')).toBe(MESSAGE);
    expect(await check(bankAccountRules(t), '1'.repeat(35))).toBe(MESSAGE);
    expect(await check(bankAccountRules(t), '6222 0202 0011 2345')).toBeNull();
  });

  it('accepts exactly what submitKycBody accepts', async () => {
    const server = submitKycBody.shape.bankAccount;
    for (const account of ['12345678', '1234567', '6222020200112345678', '6222 0202 0011 2345', '６２２２０２０２', '1'.repeat(34), '1'.repeat(35), '12345678x', ' 12345678', '12345678\n', '6222-0202-0011']) {
      expect(await check(bankAccountRules(t), account) === null, JSON.stringify(account)).toBe(server.safeParse(account).success);
    }
  });
});
