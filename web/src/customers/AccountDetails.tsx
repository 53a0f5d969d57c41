import { Descriptions, Tag } from 'antd';
import type { CustomerAccount } from '../api/types';
import { useT } from '../i18n/i18n';
import { money } from '../shell/format';
import { piiValue } from './pii-value';

/** The account centre's profile (masked by the server; erased values in the console's words), KYC status and per-currency totals. */
export function AccountDetails({ account }: { account: CustomerAccount }) {
  const t = useT();
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="account">
      <Descriptions.Item label={t('customer.name')}>{piiValue(t, account.profile.name)}</Descriptions.Item>
      <Descriptions.Item label={t('customer.phone')}>{piiValue(t, account.profile.phone)}</Descriptions.Item>
      <Descriptions.Item label={t('customer.nationalId')}>{piiValue(t, account.profile.nationalId)}</Descriptions.Item>
      <Descriptions.Item label={t('customer.registeredOn')}>{account.registeredOn}</Descriptions.Item>
      <Descriptions.Item label={t('kyc.status')}><Tag data-testid="kyc-status">{t(`kyc.${account.kycStatus}` as 'kyc.verified')}</Tag></Descriptions.Item>
      <Descriptions.Item label={t('kyc.bankAccount')}>{piiValue(t, account.kyc?.bankAccount)}</Descriptions.Item>
      {account.totals.map((total) => (
        <Descriptions.Item key={total.currency} label={`${t('customer.outstanding')} (${total.currency})`}>
          {money(total.outstanding, total.currency)} · {t('customer.openLoans', { n: total.open })}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
