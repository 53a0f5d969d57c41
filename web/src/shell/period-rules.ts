import type { FormRule as Rule } from 'antd';
import type { MessageKey } from '../i18n/en-US.js';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The periods a schedule may have (the API's term bound on a reschedule: 1–600). */
export const PERIODS = { min: 1, max: 600 } as const;

/**
 * A number of periods (a reschedule's new term): a whole number 1–600, refused with a field message
 * rather than clamped by the control, which turned a typed 0 into 1 and sent it (QA 12 W2).
 */
export function periodRules(t: Translate, { required = false } = {}): Rule[] {
  const shape: Rule = {
    validator: (_, value: unknown) => {
      const text = value === undefined || value === null ? '' : String(value).trim();
      if (text === '') return Promise.resolve();
      const n = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
      return n >= PERIODS.min && n <= PERIODS.max ? Promise.resolve() : Promise.reject(new Error(t('form.periods')));
    },
  };
  return required ? [{ required: true, message: t('form.required') }, shape] : [shape];
}
