import type { FormRule } from 'antd';
import { describe, expect, it } from 'vitest';
import { zh } from '../../web/src/i18n/zh-CN.js';
import { newPasswordRules, phoneRules } from '../../web/src/shell/person-rules.js';

const t = (key: keyof typeof zh, vars: Record<string, string | number> = {}) => zh[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
type RuleObject = Exclude<FormRule, (...args: never[]) => unknown>;

/** The first message the rules give for a value, as antd would (required, min/max length, validator), or null. */
async function check(rules: FormRule[], value: string): Promise<string | null> {
  for (const rule of rules as RuleObject[]) {
    if (rule.required && value === '') return String(rule.message);
    if (rule.min !== undefined && value !== '' && (value.length < rule.min || value.length > (rule.max ?? Infinity))) return String(rule.message);
    if (rule.validator) {
      try {
        await rule.validator(rule, value, () => undefined);
      } catch (error) {
        return (error as Error).message;
      }
    }
  }
  return null;
}

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
