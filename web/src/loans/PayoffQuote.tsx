import { Descriptions, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { BusinessDatePicker } from '../shell/BusinessDatePicker';
import { ProblemAlert } from '../shell/ProblemAlert';
import { money } from '../shell/format';
import { usePayoff } from './api';
import { payoffLines } from './payoff-lines';

/** The amount that would close the loan on a chosen date, as the server quotes it. */
export function PayoffQuote({ loanId }: { loanId: string }) {
  const t = useT();
  const [date, setDate] = useState<string | null>(null);
  const payoff = usePayoff(loanId, date);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <label htmlFor="payoff-date">{t('payoff.date')}</label>
      <BusinessDatePicker id="payoff-date" onChange={(d: Dayjs | null) => setDate(d ? d.format('YYYY-MM-DD') : null)} />
      <ProblemAlert error={payoff.error} />
      {payoff.data && (
        <Descriptions bordered size="small" column={1} data-testid="payoff">
          <Descriptions.Item label={t('payoff.total')}><strong>{money(payoff.data.total, payoff.data.currency)}</strong></Descriptions.Item>
          {payoffLines(payoff.data).map((line) => (
            <Descriptions.Item key={line.label} label={t(line.label)}>{line.amounts.map((a) => money(a)).join(' / ')}</Descriptions.Item>
          ))}
          {payoff.data.refundDue !== undefined && <Descriptions.Item label={t('payoff.refundDue')}>{money(payoff.data.refundDue)}</Descriptions.Item>}
        </Descriptions>
      )}
    </Space>
  );
}
