import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, QRCode, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { getJson } from '../api/client';
import { useT } from '../i18n/i18n';
import { ApiProblem } from '../api/problem';
import { loanKey, usePayoffToday } from '../loans/api';
import { instant, money } from '../shell/format';
import { amountRules } from '../shell/amount-rules';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useCancelIntent, useCreateIntent, useIntent, useOpenIntent, type CreatedIntent, type PaymentAction } from './api';
import { offeredChannels, unconfiguredAfter, type PayChannel } from './pay-channels';

/** The next step the channel asks of the borrower: a link, a QR code to scan (WeChat code_url, also as text to copy), or an order string. */
function ActionStep({ action }: { action: PaymentAction }) {
  const t = useT();
  switch (action.type) {
    case 'redirect':
      return <a href={action.url} target="_blank" rel="noreferrer" data-testid="pay-link">{t('pay.open')}</a>;
    case 'qr':
      return (
        <>
          <Typography.Text>{t('pay.scan')}</Typography.Text>
          <div data-testid="pay-qr"><QRCode value={action.codeUrl} aria-label={t('pay.qr')} /></div>
          <Typography.Paragraph copyable code data-testid="pay-code">{action.codeUrl}</Typography.Paragraph>
        </>
      );
    case 'order-string':
      return <><Typography.Text>{t('pay.orderString')}</Typography.Text><Typography.Paragraph copyable code ellipsis={{ rows: 2, expandable: true }}>{action.orderString}</Typography.Paragraph></>;
  }
}

/** The intent the card follows: one this page started (with the channel's next step), or the loan's open one read from the server (without). */
type Shown = Pick<CreatedIntent, 'id' | 'status' | 'channel' | 'amount' | 'currency' | 'expiresAt' | 'action'>;

/**
 * The borrower's "repay": an amount (checked to the loan currency's minor units: JPY none, CNY two)
 * and a channel make a payment intent; the card shows what the
 * channel asks next, polls the intent until it is confirmed, failed or expired, and on confirmation
 * waits for the loan's projections to include the payment before refreshing the loan's figures. A payment started
 * before (the page reloaded) shows as pending from the server, to resume or cancel.
 */
export function RepayCard({ loanId, currency, suggested }: { loanId: string; currency: string; suggested?: string }) {
  const t = useT();
  const client = useQueryClient();
  const create = useCreateIntent(loanId);
  const cancel = useCancelIntent();
  const [started, setStarted] = useState<CreatedIntent | null>(null);
  // One started before this page was opened (a reload, another device) and not finished: the server's, until this page starts or resumes one.
  const open = useOpenIntent(loanId, started === null);
  const intent: Shown | null = started ?? (open.data ? { ...open.data, action: null } : null);
  // Channels the server refused as not configured (422 CHANNEL_NOT_CONFIGURED): no longer offered (QA W9).
  const [unconfigured, setUnconfigured] = useState<PayChannel[]>([]);
  const [form] = Form.useForm<{ amount: string; channel: PayChannel }>();
  const offered = offeredChannels(unconfigured);
  const view = useIntent(intent?.id ?? null);
  const status = view.data?.status ?? intent?.status;
  const confirmedAt = view.data?.status === 'confirmed' ? view.data.position : null;
  // Above the payoff: the borrower is told today's payoff (the staff wording names a box only officers have, QA 11 S5).
  const overPayoff = create.error instanceof ApiProblem && create.error.code === 'AMOUNT_EXCEEDS_PAYOFF';
  const payoff = usePayoffToday(loanId, overPayoff);
  const worded = {
    AMOUNT_EXCEEDS_PAYOFF: payoff.data ? t('pay.exceedsPayoff', { payoff: money(payoff.data.total, payoff.data.currency) }) : t('pay.exceedsPayoffUnknown'),
    CHANNEL_NOT_CONFIGURED: offered.length > 0
      ? t('pay.channelUnavailable', { channels: offered.map((c) => t(`channel.${c}`)).join(' / ') })
      : t('pay.noChannel'),
  };
  const pay = (values: { amount: string; channel: PayChannel }) => create.mutate({ ...values, amount: values.amount.trim() }, {
    onSuccess: setStarted,
    onError: (error) => {
      const next = unconfiguredAfter(unconfigured, values.channel, error);
      setUnconfigured(next);
      const [first] = offeredChannels(next);
      if (first !== undefined && next.includes(values.channel)) form.setFieldValue('channel', first);
    },
  });
  useEffect(() => {
    if (confirmedAt === null) return;
    void getJson(`/v1/loans/${encodeURIComponent(loanId)}`, { minPosition: confirmedAt })
      .finally(() => client.invalidateQueries({ queryKey: loanKey(loanId) }));
  }, [client, confirmedAt, loanId]);
  // Back to the form: the open intent is read again (none once it was cancelled or paid).
  const close = () => { setStarted(null); create.reset(); cancel.reset(); void open.refetch(); };
  if (intent) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="payment">
        <Typography.Text>{t('pay.intent', { amount: money(intent.amount, intent.currency) })}</Typography.Text>
        {status === 'pending' && intent.action !== null && <ActionStep action={intent.action} />}
        {/* The channel's next step is not kept by the server's list: asking for the same amount and channel again answers this intent with it. */}
        {status === 'pending' && intent.action === null && (
          <>
            <Typography.Text data-testid="payment-open">{t('pay.openSince', { channel: t(`channel.${intent.channel}`), expiresAt: instant(intent.expiresAt) })}</Typography.Text>
            <ProblemAlert error={create.error} />
            <Button type="primary" loading={create.isPending} data-testid="resume-pay"
              onClick={() => create.mutate({ amount: intent.amount, channel: intent.channel }, { onSuccess: setStarted })}>{t('pay.resume')}</Button>
          </>
        )}
        <Alert showIcon type={status === 'confirmed' ? 'success' : status === 'pending' ? 'info' : 'warning'} title={t(`pay.status.${status ?? 'pending'}` as 'pay.status.pending')} data-testid="payment-status" />
        <ProblemAlert error={view.error ?? cancel.error} />
        {/* A wrong amount started is given up here, so another can be paid at once (QA 11 S10). */}
        {status === 'pending' && (
          <Button loading={cancel.isPending} data-testid="cancel-pay"
            onClick={() => cancel.mutate(intent.id, { onSuccess: close })}>{t('pay.cancel')}</Button>
        )}
        {status !== 'pending' && <Button onClick={close}>{t('pay.again')}</Button>}
      </Space>
    );
  }
  return (
    <Form form={form} layout="vertical" name="pay" initialValues={{ amount: suggested, channel: 'sandbox' }} onFinish={pay}>
      <ProblemAlert error={create.error} worded={worded} />
      {/* Spaces around the amount are the borrower's typing, not part of it: the field check allows them and the form trims them (the server stays strict). */}
      <Form.Item name="amount" label={t('field.amount')} rules={amountRules(t, { required: true, currency })}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="channel" label={t('field.channel')}>
        <Select options={offered.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} disabled={offered.length === 0} data-testid="submit-pay">{t('pay.submit')}</Button>
    </Form>
  );
}
