import type { FormRule } from 'antd';
import { zh } from '../../web/src/i18n/zh-CN.js';

type RuleObject = Exclude<FormRule, (...args: never[]) => unknown>;

/** The zh-CN catalog as the console's `t` reads it: `{name}` placeholders filled from `vars`. */
export const t = (key: keyof typeof zh, vars: Record<string, string | number> = {}): string =>
  zh[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

/**
 * Runs a field's rules as antd would and answers the first message, or null when the value passes:
 * `required` (an absent or blank value), a string's `min`/`max` length, then each `validator` in order.
 */
export async function check(rules: readonly FormRule[], value: string | undefined): Promise<string | null> {
  for (const rule of rules as RuleObject[]) {
    const blank = value === undefined || value.trim() === '';
    if (rule.required && blank) return String(rule.message);
    const isString = rule.type === undefined || rule.type === 'string';
    if (isString && rule.min !== undefined && !blank && (value.length < rule.min || value.length > (rule.max ?? Infinity))) return String(rule.message);
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
