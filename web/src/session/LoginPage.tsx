import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { PreferenceToggles } from '../settings/PreferenceToggles';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useLogin, type LoginRequest } from './api';
import { homeOf, useSession } from './session';

/** Phone or e-mail, password and (for staff) the authenticator's six digits, against POST /v1/auth/login. */
export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const login = useLogin();
  const submit = (values: LoginRequest) =>
    login.mutate({ login: values.login, password: values.password, ...(values.totp ? { totp: values.totp } : {}) }, {
      onSuccess: (s) => {
        signIn({ token: s.token, sub: s.sub, role: s.role, customerId: s.customerId ?? null });
        navigate(homeOf(s.role));
      },
    });
  return (
    <Flex justify="center" style={{ padding: 16 }}>
      <main style={{ width: '100%', maxWidth: 420 }}>
        <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('login.title')}</Typography.Title>} extra={<PreferenceToggles />}>
          <ProblemAlert error={login.error} />
          <Form layout="vertical" onFinish={submit} requiredMark="optional">
            <Form.Item name="login" label={t('login.login')} rules={[{ required: true, message: t('form.required') }]}>
              <Input autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('form.required') }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item name="totp" label={t('login.totp')} extra={t('login.totpHint')}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>{t('login.submit')}</Button>
          </Form>
          <Button type="link" onClick={() => navigate('/dev-login')} style={{ marginTop: 8 }}>{t('dev.title')}</Button>
        </Card>
      </main>
    </Flex>
  );
}
