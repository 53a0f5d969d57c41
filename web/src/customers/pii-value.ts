import type { MessageKey } from '../i18n/en-US.js';

type Translate = (key: MessageKey) => string;

/** What the API sends in place of a PII value erased with the customer's key (a contract value, never shown as such). */
export const ERASED_PII = '[erased]';

/**
 * A PII value as the console shows it: the server's (masked) value, passed through `format` when
 * given (a money amount); `pii.erased` (已删除 / Erased) for an erased one; `—` when there is none.
 */
export function piiValue(t: Translate, value: string | null | undefined, format: (value: string) => string = (v) => v): string {
  if (value === null || value === undefined) return '—';
  return value === ERASED_PII ? t('pii.erased') : format(value);
}
