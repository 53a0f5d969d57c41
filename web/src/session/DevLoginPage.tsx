import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Role } from '../api/types';
import { useT } from '../i18n/i18n';
import { PreferenceToggles } from '../settings/PreferenceToggles';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useDevCustomers, useDevSession } from './api';
import { returnPath } from './return-path';
import { useSession } from './session';

const STAFF: Role[] = ['officer', 'underwriter', 'compliance', 'admin'];

/** One click per role, for a development server only (the API refuses these routes elsewhere, and the page says so). */
export function DevLoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { signIn } = useSession();
  const customers = useDevCustomers();
  const devSession = useDevSession();
  const [customerId, setCustomerId] = useState<string | undefined>();
  const chosenCustomer = customerId ?? customers.data?.items[0]?.id;

  // A new borrower gets a fresh customer id; the portal's account page then registers it.
  const start = (role: Role, customer?: string) =>
    devSession.mutate(role === 'borrower' ? { role, customerId: customer ?? crypto.randomUUID() } : { role }, {
      onSuccess: (s) => {
        signIn({ token: s.token, sub: s.sub, role: s.role, customerId: s.customerId });
        navigate(returnPath(params.get('next'), s.role), { replace: true });
      },
    });

  return (
    <Flex justify="center" style={{ padding: 16 }}>
      <main style={{ width: '100%', maxWidth: 520 }}>
        <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('dev.title')}</Typography.Title>} extra={<PreferenceToggles />}>
          <Typography.Paragraph>{t('dev.intro')}</Typography.Paragraph>
          <ProblemAlert error={customers.error ?? devSession.error} />
          <Space orientation="vertical" style={{ width: '100%' }}>
            {STAFF.map((role) => (
              <Button key={role} block size="large" onClick={() => start(role)} loading={devSession.isPending && devSession.variables?.role === role} data-testid={`dev-${role}`}>
                {t('dev.as', { role: t(`role.${role}`) })}
              </Button>
            ))}
            <Typography.Text strong id="dev-customer-label">{t('dev.borrowerOf')}</Typography.Text>
            <Select aria-labelledby="dev-customer-label" value={chosenCustomer} onChange={setCustomerId}
              options={(customers.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.id} · ${t(`kyc.${c.kycStatus}` as 'kyc.verified')} · ${t('dev.loans', { n: c.loans })}` }))} />
            <Button type="primary" block size="large" disabled={!chosenCustomer} onClick={() => start('borrower', chosenCustomer)} data-testid="dev-borrower">
              {t('dev.as', { role: t('role.borrower') })}
            </Button>
            <Button block size="large" onClick={() => start('borrower')} data-testid="dev-new-borrower">{t('dev.newBorrower')}</Button>
            <Button type="link" onClick={() => navigate({ pathname: '/login', search: params.toString() })}>{t('login.title')}</Button>
          </Space>
        </Card>
      </main>
    </Flex>
  );
}
