import { Card, Space, Typography } from 'antd';
import { ApiProblem } from '../api/problem';
import { AccountDetails } from '../customers/AccountDetails';
import { useCustomer } from '../customers/api';
import { ErasedNotice } from '../customers/ErasedNotice';
import { KycForm } from '../customers/KycForm';
import { RegisterForm } from '../customers/RegisterForm';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ProblemAlert } from '../shell/ProblemAlert';

/** The borrower's account centre; registration and the KYC form first when they are still to do (never once the PII is erased). */
export function AccountPage() {
  const t = useT();
  const { session } = useSession();
  const customerId = session?.customerId ?? null;
  const account = useCustomer(customerId);
  const unregistered = account.error instanceof ApiProblem && account.error.status === 404;
  const heading = (key: 'nav.account' | 'customer.register' | 'kyc.title') => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t(key)}</Typography.Title>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.account')}</Typography.Title>
      {!unregistered && <ProblemAlert error={account.error} />}
      {unregistered && customerId && (
        <Card title={heading('customer.register')}><RegisterForm customerId={customerId} onDone={() => void account.refetch()} /></Card>
      )}
      {account.data && <Card title={heading('nav.account')}><AccountDetails account={account.data} /></Card>}
      {account.data?.erased && <ErasedNotice />}
      {account.data && !account.data.erased && ['not_submitted', 'rejected'].includes(account.data.kycStatus) && (
        <Card title={heading('kyc.title')}><KycForm customerId={account.data.id} /></Card>
      )}
    </Space>
  );
}
