import type { FormRule as Rule } from 'antd';
import type { MessageKey } from '../i18n/en-US.js';
import { money } from './format.js';

/** The console's translate function (useT), typed here so the rules also load outside React (tests). */
type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Decimal places a currency's amounts may carry (ISO 4217 minor units: CNY 2, JPY 0); 2 when unknown. */
export function currencyPlaces(currency: string | undefined): number {
  if (!currency) return 2;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Orders two non-negative decimal strings ("1200.5" vs "1200.50") by their digits: validation, not arithmetic. */
export function compareDecimal(a: string, b: string): number {
  const [aWhole = '', aFraction = ''] = a.split('.');
  const [bWhole = '', bFraction = ''] = b.split('.');
  const width = Math.max(aWhole.length, bWhole.length);
  const places = Math.max(aFraction.length, bFraction.length);
  const left = aWhole.replace(/^0+/, '').padStart(width, '0') + aFraction.padEnd(places, '0');
  const right = bWhole.replace(/^0+/, '').padStart(width, '0') + bFraction.padEnd(places, '0');
  return left < right ? -1 : left > right ? 1 : 0;
}

export interface AmountRuleOptions {
  required?: boolean;
  /** The amount's currency, for how many decimal places it may have. */
  currency?: string;
  /** Inclusive limits as decimal strings (a product's principal range), when known. */
  min?: string;
  max?: string;
}

/**
 * The form rules of every amount field: required (when it is), a positive decimal with at most the
 * currency's places, and within [min, max] when the limits are known — each a field message, so a
 * typo never reaches the server as a bare VALIDATION_FAILED.
 */
export function amountRules(t: Translate, { required = false, currency, min, max }: AmountRuleOptions = {}): Rule[] {
  const places = currencyPlaces(currency);
  const shape = places > 0 ? new RegExp(`^\\d+(\\.\\d{1,${places}})?$`) : /^\d+$/;
  const rules: Rule[] = [];
  if (required) rules.push({ required: true, message: t('form.required') });
  rules.push({
    validator: (_, value: unknown) => {
      const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
      if (text === '') return Promise.resolve();
      if (!/^\d+(\.\d+)?$/.test(text)) return Promise.reject(new Error(t('form.amount')));
      if (!shape.test(text)) return Promise.reject(new Error(places === 0 ? t('form.amountWhole') : t('form.amountPlaces', { places })));
      if (min !== undefined && max !== undefined && (compareDecimal(text, min) < 0 || compareDecimal(text, max) > 0)) {
        return Promise.reject(new Error(t('form.amountRange', { min: money(min, currency), max: money(max, currency) })));
      }
      return Promise.resolve();
    },
  });
  return rules;
}

/** The rules of a term (number of periods) field within a product's [min, max]. */
export function termRules(t: Translate, limits?: { min: number; max: number }): Rule[] {
  const rules: Rule[] = [{ required: true, message: t('form.required') }];
  if (limits) rules.push({ type: 'number', min: limits.min, max: limits.max, message: t('form.termRange', limits) });
  return rules;
}
