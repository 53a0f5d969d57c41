import { Descriptions, Typography } from 'antd';
import { useT, type MessageKey } from '../i18n/i18n';
import { money } from '../shell/format';
import { ResponsiveTable } from '../shell/ResponsiveTable';
import type { LoanAgreementDocument } from './agreement';

type Row = LoanAgreementDocument['schedule'][number];

/**
 * The loan agreement as the server rendered it: parties, product, principal, the annual rate and
 * the APR side by side and equally prominent, fees, total cost, the whole schedule, and the
 * SHA-256 fingerprint the acceptance binds to. Nothing here is computed; the page formats.
 */
export function AgreementView({ agreement, hash }: { agreement: LoanAgreementDocument; hash: string }) {
  const t = useT();
  const c = agreement.currency;
  const fees = agreement.originationFees.length === 0 && agreement.fees.length === 0 ? t('agreement.noFees') : (
    <>
      {agreement.originationFees.map((f) => <div key={f.kind}>{t('agreement.originationFee', { amount: money(f.amount, c) })}</div>)}
      <div>{t('quote.totalFees')}: {money(agreement.totalFees, c)}</div>
    </>
  );
  return (
    <section aria-label={t('agreement.title')} data-testid="agreement" style={{ marginBottom: 12 }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>{t('agreement.title')}</Typography.Title>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('agreement.parties')}>{t('agreement.lender')}: {agreement.lender} · {t('agreement.borrower')}: {agreement.borrower.customerId}</Descriptions.Item>
        <Descriptions.Item label={t('agreement.product')}>{agreement.product.name} (v{agreement.product.version})</Descriptions.Item>
        <Descriptions.Item label={t('agreement.principal')}>{money(agreement.principal, c)}</Descriptions.Item>
        <Descriptions.Item label={t('agreement.term')}>{agreement.term} · {t(`freq.${agreement.frequency}` as MessageKey)}</Descriptions.Item>
        <Descriptions.Item label={t('agreement.rate')}><strong style={{ fontSize: 18 }} data-testid="agreement-rate">{agreement.annualRate} %</strong></Descriptions.Item>
        <Descriptions.Item label={t('agreement.apr')}>
          <strong style={{ fontSize: 18 }} data-testid="agreement-apr">{agreement.apr} %</strong> ({t(`quote.aprMethod.${agreement.aprMethod}` as MessageKey)})
        </Descriptions.Item>
        <Descriptions.Item label={t('agreement.fees')}>{fees}</Descriptions.Item>
        <Descriptions.Item label={t('quote.totalInterest')}>{money(agreement.totalInterest, c)}</Descriptions.Item>
        <Descriptions.Item label={t('agreement.totalCost')}><strong data-testid="agreement-total-cost">{money(agreement.totalCost, c)}</strong></Descriptions.Item>
        <Descriptions.Item label={t('quote.totalRepayment')}>{money(agreement.totalRepayment, c)}</Descriptions.Item>
        <Descriptions.Item label={t('quote.netDisbursed')}>{money(agreement.netDisbursed, c)}</Descriptions.Item>
        <Descriptions.Item label={t('agreement.startDate')}>{agreement.startDate}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 12 }}>{t('agreement.schedule')}</Typography.Title>
      <ResponsiveTable<Row> label={t('agreement.schedule')} rows={agreement.schedule} rowKey={(r) => String(r.number)}
        cardTitle={(r) => `#${r.number} · ${r.dueDate}`}
        columns={[
          { key: 'number', title: '#', render: (r) => r.number },
          { key: 'dueDate', title: t('row.dueDate'), render: (r) => r.dueDate },
          { key: 'principal', title: t('row.principal'), align: 'right', render: (r) => money(r.principal) },
          { key: 'interest', title: t('row.interest'), align: 'right', render: (r) => money(r.interest) },
          { key: 'fee', title: t('row.fee'), align: 'right', render: (r) => money(r.fee) },
          { key: 'total', title: t('row.total'), align: 'right', render: (r) => money(r.total) },
          { key: 'balance', title: t('row.balance'), align: 'right', render: (r) => money(r.balance) },
        ]} />
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {t('agreement.hash')}: <Typography.Text code style={{ wordBreak: 'break-all' }} data-testid="agreement-hash">{hash}</Typography.Text>
      </Typography.Paragraph>
    </section>
  );
}
