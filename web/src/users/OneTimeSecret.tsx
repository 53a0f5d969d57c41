import { Alert, Button, Typography } from 'antd';
import { useT } from '../i18n/i18n';

/**
 * A temporary password exactly as the API returned it, shown once: the console keeps it only in
 * this component's props (never in the query cache); "done" forgets it for good.
 */
export function OneTimeSecret({ username, secret, onDone }: { username: string; secret: string; onDone(): void }) {
  const t = useT();
  return (
    <Alert type="warning" showIcon role="status" data-testid="one-time-secret" style={{ marginBottom: 16 }}
      title={t('users.secretTitle', { username })}
      description={<>
        <Typography.Paragraph>{t('users.secretOnce')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: secret }}><Typography.Text code data-testid="secret-value">{secret}</Typography.Text></Typography.Paragraph>
        <Button onClick={onDone} data-testid="secret-done">{t('users.secretDone')}</Button>
      </>} />
  );
}
