import { Descriptions, Tag } from 'antd';
import type { CustomerAccount } from '../api/types';
import { useT } from '../i18n/i18n';
import { money } from '../shell/format';

/** The account centre's profile (masked by the server), KYC status and per-currency totals. */
export function AccountDetails({ account }: { account: CustomerAccount }) {
  const t = useT();
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="account">
      <Descriptions.Item label={t('customer.name')}>{account.profile.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('customer.phone')}>{account.profile.phone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('customer.nationalId')}>{account.profile.nationalId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('customer.registeredOn')}>{account.registeredOn}</Descriptions.Item>
      <Descriptions.Item label={t('kyc.status')}><Tag data-testid="kyc-status">{t(`kyc.${account.kycStatus}` as 'kyc.verified')}</Tag></Descriptions.Item>
      <Descriptions.Item label={t('kyc.bankAccount')}>{account.kyc?.bankAccount ?? '—'}</Descriptions.Item>
      {account.totals.map((total) => (
        <Descriptions.Item key={total.currency} label={`${t('customer.outstanding')} (${total.currency})`}>
          {money(total.outstanding, total.currency)} · {t('customer.openLoans', { n: total.open })}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
