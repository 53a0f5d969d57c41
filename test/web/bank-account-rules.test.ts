import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { submitKycBody } from '../../src/api/schemas/customers.js';
import { customerRow } from '../../src/migration/layout.js';
import { bankAccountRules } from '../../web/src/shell/bank-account-rules.js';
import { check, t } from './form-rules.js';

const MESSAGE = '银行卡号须为 8–34 位数字，可用空格分组，如 6222 0202 0011 2345';
const server = submitKycBody.shape.bankAccount;
const digitsIn = (account: string) => account.replaceAll(' ', '').length;

describe('the KYC bank account is checked in the browser with the server\'s rule (QA 12 W12)', () => {
  it('refuses what the server refuses, with a Chinese field message', async () => {
    expect(await check(bankAccountRules(t), '')).toBe('必填');
    expect(await check(bankAccountRules(t), '1234567')).toBe(MESSAGE);
    expect(await check(bankAccountRules(t), '6222-0202-0011-2345')).toBe(MESSAGE);
    expect(await check(bankAccountRules(t), 'ABCD12345678')).toBe(MESSAGE);
    expect(await check(bankAccountRules(t), '1'.repeat(35))).toBe(MESSAGE);
    expect(await check(bankAccountRules(t), '6222 0202 0011 2345')).toBeNull();
  });

  // intent13: `^[0-9 ]{8,34}$` took eight spaces (or "1 2 3 4") as an account, and refused a
  // 30-digit corporate account written in groups of four (37 characters).
  it('takes 8–34 digits that spaces may group, and nothing with fewer digits', async () => {
    for (const account of [' '.repeat(8), ' '.repeat(34), '1 2 3 4', '1234 567 ', '       1']) {
      expect(server.safeParse(account).success, JSON.stringify(account)).toBe(false);
      expect(await check(bankAccountRules(t), account), JSON.stringify(account)).not.toBeNull();
    }
    for (const account of ['12345678', '6222 0202 0011 2345 678', '1101 0101 0101 0101 0101 0101 0101 01', '1'.repeat(34)]) {
      expect(server.safeParse(account).success, JSON.stringify(account)).toBe(true);
      expect(await check(bankAccountRules(t), account), JSON.stringify(account)).toBeNull();
    }
    expect(server.safeParse(' '.repeat(8)).error?.issues[0]?.message).toBe('expected a bank account of 8–34 digits, spaces allowed between them (64 characters at most)');
  });

  it('accepts exactly what submitKycBody (and the legacy book\'s import) accepts', async () => {
    const legacy = customerRow.shape.bank_account;
    for (const account of ['12345678', '1234567', '6222020200112345678', '6222 0202 0011 2345', '６２２２０２０２', '1'.repeat(34), '1'.repeat(35), '12345678x', ' 12345678', '12345678\n', '6222-0202-0011', ' '.repeat(8), `${'1 '.repeat(32)}`, `${'1 '.repeat(33)}`]) {
      expect(await check(bankAccountRules(t), account) === null, JSON.stringify(account)).toBe(server.safeParse(account).success);
      expect(legacy.safeParse(account).success, JSON.stringify(account)).toBe(server.safeParse(account).success);
    }
  });

  it('property: an account of digits and spaces is accepted exactly when it has 8–34 digits and 64 characters at most, alike on both sides', async () => {
    const account = fc.array(fc.constantFrom('0', '1', '9', ' '), { maxLength: 80 }).map((chars) => chars.join(''));
    await fc.assert(fc.asyncProperty(account, async (text) => {
      const valid = digitsIn(text) >= 8 && digitsIn(text) <= 34 && text.length <= 64;
      expect(server.safeParse(text).success).toBe(valid);
      expect(await check(bankAccountRules(t), text) === null).toBe(valid);
    }));
  });
});
