import type { FormRule as Rule } from 'antd';
import type { MessageKey } from '../i18n/en-US.js';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The server's yearly rate in percent (src/api/schemas/common.ts `percentRate`): "12", "7.25", up to 8 places; never a money amount. */
export const PERCENT_RATE = /^(0|[1-9]\d{0,2})(\.\d{1,8})?$/;

/** A yearly rate in percent (a product's rate or APR cap, a reschedule's new rate), as a field message before the server's 400. */
export function rateRules(t: Translate, { required = false } = {}): Rule[] {
  const shape: Rule = {
    validator: (_, value: unknown) => {
      const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
      return text === '' || PERCENT_RATE.test(text) ? Promise.resolve() : Promise.reject(new Error(t('form.rate')));
    },
  };
  return required ? [{ required: true, message: t('form.required') }, shape] : [shape];
}
