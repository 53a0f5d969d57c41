import { Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { RegisterForm } from './RegisterForm';

/** An officer registers a customer, then continues on the customer's page (KYC, application). */
export function NewCustomerPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('nav.newCustomer')}</Typography.Title>} style={{ maxWidth: 560 }}>
      <RegisterForm onDone={(id) => navigate(`/office/customers/${id}`)} />
    </Card>
  );
}
