import { describe, expect, it } from 'vitest';
import { check, t } from './form-rules.js';
import { newPasswordRules, phoneRules } from '../../web/src/shell/person-rules.js';

describe('registration fields are checked in the browser', () => {
  it('a phone must be a mainland mobile number', async () => {
    expect(await check(phoneRules(t), '')).toBe('必填');
    expect(await check(phoneRules(t), '12345')).toBe('请输入 11 位手机号，如 13812341234');
    expect(await check(phoneRules(t), '+86 138-1234-1234')).toBeNull();
  });

  it('a new password needs 10 characters', async () => {
    expect(await check(newPasswordRules(t), 'short')).toBe('密码须为 10–200 个字符');
    expect(await check(newPasswordRules(t), 'long enough pass')).toBeNull();
    expect(await check(newPasswordRules(t, { optional: true }), '')).toBeNull();
  });
});
