import type { FormRule as Rule } from 'antd';
import type { MessageKey } from '../i18n/en-US.js';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * The server's bank account shape (BANK_ACCOUNT in src/domain/customer/bank-account.ts, which
 * submitKycBody checks): 8–34 digits, spaces allowed between them, 64 characters at most.
 */
export const BANK_ACCOUNT = /^(?=[0-9 ]{8,64}$) *(?:[0-9] *){8,34}$/;

/** A bank account for disbursement, as a field message before the server's 400 (QA 12 W12). */
export function bankAccountRules(t: Translate): Rule[] {
  return [
    { required: true, message: t('form.required') },
    {
      validator: (_, value: unknown) => {
        const text = typeof value === 'string' ? value : '';
        return text.trim() === '' || BANK_ACCOUNT.test(text) ? Promise.resolve() : Promise.reject(new Error(t('form.bankAccount')));
      },
    },
  ];
}
