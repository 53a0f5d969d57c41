import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../i18n/i18n';
import { PreferenceToggles } from '../settings/PreferenceToggles';
import { ProblemAlert } from '../shell/ProblemAlert';
import { sessionOf, useEnrolTotp, useLogin, type EnrolledTokens, type EnrolmentRequired, type LoginRequest, type SessionTokens } from './api';
import { returnPath } from './return-path';
import { useSession } from './session';
import { newPasswordRules } from '../shell/person-rules';

interface EnrolmentValues {
  code: string;
  newPassword?: string;
}

/**
 * Phone or e-mail (staff: username), password and (for staff) the authenticator's six digits, against
 * POST /v1/auth/login. A staff member's first login answers an enrolment instead: the page shows the
 * authenticator secret, asks for its first code (and a new password when one is due) and finishes with
 * POST /v1/auth/totp/enrol, whose one-time recovery codes it shows before going on.
 */
export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  // The page asked for before signing in (RequireRole): opened once signed in, if it is one of ours.
  const [params] = useSearchParams();
  const { signIn } = useSession();
  const login = useLogin();
  const enrol = useEnrolTotp();
  const [enrolment, setEnrolment] = useState<(EnrolmentRequired & { login: string }) | null>(null);
  const [recovery, setRecovery] = useState<EnrolledTokens | null>(null);
  const enter = (tokens: SessionTokens) => {
    const session = sessionOf(tokens);
    signIn(session);
    navigate(returnPath(params.get('next'), session.role), { replace: true });
  };
  const submit = (values: LoginRequest) =>
    login.mutate({ login: values.login, password: values.password, ...(values.totp ? { totp: values.totp } : {}) }, {
      onSuccess: (answer) => ('status' in answer ? setEnrolment({ ...answer, login: values.login }) : enter(answer)),
    });
  const confirm = (values: EnrolmentValues) =>
    enrolment && enrol.mutate({ login: enrolment.login, enrolmentToken: enrolment.enrolmentToken, code: values.code, ...(values.newPassword ? { newPassword: values.newPassword } : {}) }, {
      onSuccess: (tokens) => setRecovery(tokens),
    });
  return (
    <Flex justify="center" style={{ padding: 16 }}>
      <main style={{ width: '100%', maxWidth: 420 }}>
        <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('login.title')}</Typography.Title>} extra={<PreferenceToggles />}>
          {recovery ? (
            <>
              <Alert type="success" showIcon title={t('enrol.done')} description={t('enrol.recoveryHint')} />
              <Typography.Paragraph copyable code data-testid="recovery-codes" style={{ marginTop: 12 }}>{(recovery.recoveryCodes ?? []).join(' ')}</Typography.Paragraph>
              <Button type="primary" block onClick={() => enter(recovery)}>{t('enrol.continue')}</Button>
            </>
          ) : enrolment ? (
            <>
              <Typography.Paragraph>{t('enrol.intro')}</Typography.Paragraph>
              <Typography.Paragraph copyable code data-testid="totp-secret">{enrolment.secret}</Typography.Paragraph>
              <Typography.Paragraph copyable type="secondary" style={{ wordBreak: 'break-all' }}>{enrolment.otpauthUri}</Typography.Paragraph>
              <ProblemAlert error={enrol.error} />
              <Form layout="vertical" onFinish={confirm} requiredMark="optional" name="enrol">
                <Form.Item name="code" label={t('login.totp')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('form.sixDigits') }]}>
                  <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
                </Form.Item>
                {enrolment.mustChangePassword && (
                  <Form.Item name="newPassword" label={t('enrol.newPassword')} extra={t('enrol.newPasswordHint')} rules={newPasswordRules(t)}>
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                )}
                <Button type="primary" htmlType="submit" block loading={enrol.isPending}>{t('enrol.submit')}</Button>
              </Form>
            </>
          ) : (
            <>
              <ProblemAlert error={login.error} />
              <Form layout="vertical" onFinish={submit} requiredMark="optional" name="login">
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
            </>
          )}
          <Flex wrap gap={8} style={{ marginTop: 8 }}>
            <Button type="link" onClick={() => navigate('/register')}>{t('register.title')}</Button>
            <Button type="link" onClick={() => navigate({ pathname: '/dev-login', search: params.toString() })}>{t('dev.title')}</Button>
          </Flex>
        </Card>
      </main>
    </Flex>
  );
}
