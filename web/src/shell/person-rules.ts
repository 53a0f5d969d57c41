import type { FormRule as Rule } from 'antd';
import type { MessageKey } from '../i18n/en-US.js';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The server's mainland mobile shape (src/api/schemas/person.ts): 11 digits from 13–19, optionally after +86; spaces and dashes ignored. */
export const MAINLAND_MOBILE = /^(\+?86)?1[3-9]\d{9}$/;

/** The server's password length limits (src/identity/password-strength.ts); how guessable it is stays the server's check. */
export const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

const required = (t: Translate): Rule => ({ required: true, message: t('form.required') });

/** A mainland mobile number, as a field message before the server's 400. */
export function phoneRules(t: Translate, { optional = false } = {}): Rule[] {
  const shape: Rule = {
    validator: (_, value: unknown) => {
      const text = typeof value === 'string' ? value.replace(/[ -]/g, '') : '';
      return text === '' || MAINLAND_MOBILE.test(text) ? Promise.resolve() : Promise.reject(new Error(t('form.phone')));
    },
  };
  return optional ? [shape] : [required(t), shape];
}

/** An e-mail address. */
export function emailRules(t: Translate, { optional = false } = {}): Rule[] {
  const shape: Rule = { type: 'email', message: t('form.email') };
  return optional ? [shape] : [required(t), shape];
}

/** A new password of the length the server accepts (optional: where the server generates one when left empty). */
export function newPasswordRules(t: Translate, { optional = false } = {}): Rule[] {
  const length: Rule = { min: PASSWORD_LENGTH.min, max: PASSWORD_LENGTH.max, message: t('form.passwordLength', PASSWORD_LENGTH) };
  return optional ? [length] : [required(t), length];
}
