import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { PreferenceToggles } from '../settings/PreferenceToggles';
import { emailRules, newPasswordRules, phoneRules } from '../shell/person-rules';
import { ProblemAlert } from '../shell/ProblemAlert';
import type { NationalIdType } from '../shell/resident-id-rules';
import { NationalIdFields } from '../customers/NationalIdFields';
import { sessionOf, useLogin, useRegister, useVerify } from './api';
import { homeOf } from './return-path';
import { useSession } from './session';

interface AccountValues {
  login: string;
  password: string;
}

interface VerifyValues {
  code: string;
  name: string;
  nationalId: string;
  nationalIdType: NationalIdType;
  phone?: string;
}

/**
 * Borrower self-registration: a phone or e-mail and a password (POST /v1/auth/register), then the
 * 6-digit code sent there with name, national id and the same password (POST /v1/auth/verify,
 * which activates only the registration made with that password and registers the customer), then a
 * normal login with that password. The code only ever travels by SMS or e-mail.
 */
export function RegisterPage() {
  const t = useT();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const register = useRegister();
  const verify = useVerify();
  const login = useLogin();
  const [by, setBy] = useState<'phone' | 'email'>('phone');
  const [account, setAccount] = useState<(AccountValues & { channel: 'sms' | 'email' }) | null>(null);
  const start = (values: AccountValues) =>
    register.mutate(by === 'phone' ? { phone: values.login, password: values.password } : { email: values.login, password: values.password }, {
      onSuccess: (answer) => setAccount({ ...values, channel: answer.channel }),
    });
  const finish = (values: VerifyValues) =>
    account && verify.mutate({ login: account.login, code: values.code, password: account.password, name: values.name, nationalId: values.nationalId.trim(), nationalIdType: values.nationalIdType, ...(values.phone ? { phone: values.phone } : {}) }, {
      onSuccess: () => login.mutate({ login: account.login, password: account.password }, {
        onSuccess: (answer) => {
          if ('status' in answer) return;
          const session = sessionOf(answer);
          signIn(session);
          navigate(homeOf(session.role));
        },
      }),
    });
  return (
    <Flex justify="center" style={{ padding: 16 }}>
      <main style={{ width: '100%', maxWidth: 420 }}>
        <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('register.title')}</Typography.Title>} extra={<PreferenceToggles />}>
          {account ? (
            <>
              <Alert type="info" showIcon title={t(account.channel === 'sms' ? 'register.checkPhone' : 'register.checkEmail')} style={{ marginBottom: 12 }} />
              <ProblemAlert error={verify.error ?? login.error} />
              <Form layout="vertical" onFinish={finish} requiredMark="optional" name="verify">
                <Form.Item name="code" label={t('register.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('form.sixDigits') }]}>
                  <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
                </Form.Item>
                <Form.Item name="name" label={t('customer.name')} rules={[{ required: true, message: t('form.required') }]}><Input autoComplete="name" /></Form.Item>
                <NationalIdFields />
                {by === 'email' && (
                  <Form.Item name="phone" label={t('customer.phone')} rules={phoneRules(t)}><Input type="tel" autoComplete="tel" /></Form.Item>
                )}
                <Button type="primary" htmlType="submit" block loading={verify.isPending || login.isPending}>{t('register.verify')}</Button>
              </Form>
              {/* REGISTRATION_PASSWORD_MISMATCH: the login was registered again since; only a new registration (and code) helps. */}
              <Button type="link" onClick={() => { verify.reset(); setAccount(null); }} style={{ marginTop: 8 }}>{t('register.restart')}</Button>
            </>
          ) : (
            <>
              <ProblemAlert error={register.error} />
              <Segmented block aria-label={t('register.by')} value={by} onChange={(v) => setBy(v as 'phone' | 'email')} style={{ marginBottom: 12 }}
                options={[{ value: 'phone', label: t('customer.phone') }, { value: 'email', label: t('customer.email') }]} />
              <Form layout="vertical" onFinish={start} requiredMark="optional" name="account">
                <Form.Item key={by} name="login" label={t(by === 'phone' ? 'customer.phone' : 'customer.email')}
                  rules={by === 'phone' ? phoneRules(t) : emailRules(t)}>
                  <Input type={by === 'phone' ? 'tel' : 'email'} autoComplete={by === 'phone' ? 'tel' : 'email'} />
                </Form.Item>
                <Form.Item name="password" label={t('login.password')} extra={t('register.passwordHint')} rules={newPasswordRules(t)}>
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={register.isPending}>{t('register.submit')}</Button>
              </Form>
            </>
          )}
          <Button type="link" onClick={() => navigate('/login')} style={{ marginTop: 8 }}>{t('login.title')}</Button>
        </Card>
      </main>
    </Flex>
  );
}
