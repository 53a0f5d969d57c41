import { Alert } from 'antd';
import { useT } from '../i18n/i18n';

/** Says the customer's PII was erased, so nothing about it can be read or submitted any more (shown instead of the KYC forms). */
export function ErasedNotice() {
  const t = useT();
  return <Alert type="info" showIcon title={t('customer.erased')} description={t('customer.erasedNotice')} data-testid="customer-erased" />;
}
