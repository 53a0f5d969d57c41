import { Descriptions, Tag } from 'antd';
import type { LoanStateAt, LoanSummary } from '../api/types';
import { labelOf, useT } from '../i18n/i18n';
import { money } from '../shell/format';
import { StatusTag } from './StatusTag';

/** The loan's figures as the server computed them (now, or as of an event): status, principal, outstanding by component, next due, the amount due now (summary only), DPD, class. */
export function LoanSummaryCard({ loan }: { loan: LoanSummary | LoanStateAt['summary'] }) {
  const t = useT();
  const c = loan.currency;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="loan-summary">
      <Descriptions.Item label={t('loan.status')}><StatusTag status={loan.status} /></Descriptions.Item>
      <Descriptions.Item label={t('loan.principal')}>{money(loan.principal, c)}</Descriptions.Item>
      <Descriptions.Item label={t('loan.outstandingTotal')}><strong data-testid="outstanding-total">{money(loan.outstanding.total, c)}</strong></Descriptions.Item>
      <Descriptions.Item label={t('loan.outstandingPrincipal')}>{money(loan.outstanding.principal, c)}</Descriptions.Item>
      <Descriptions.Item label={t('loan.outstandingInterest')}>{money(loan.outstanding.interest, c)}</Descriptions.Item>
      <Descriptions.Item label={t('loan.outstandingFeesPenalties')}>{money(loan.outstanding.fees, c)} / {money(loan.outstanding.penalties, c)}</Descriptions.Item>
      <Descriptions.Item label={t('loan.nextDue')}>{loan.nextDue ? `${loan.nextDue.date} · ${money(loan.nextDue.amount, c)}` : '—'}</Descriptions.Item>
      {'amountDue' in loan && loan.amountDue !== undefined && (
        <Descriptions.Item label={t('loan.amountDue')}><strong data-testid="amount-due">{money(loan.amountDue, c)}</strong></Descriptions.Item>
      )}
      <Descriptions.Item label={t('loan.daysPastDue')}>{loan.daysPastDue}</Descriptions.Item>
      <Descriptions.Item label={t('loan.classification')}>
        {loan.classification ? <Tag>{t(`class.${loan.classification}`)}</Tag> : '—'}
        {loan.flags.map((f) => <Tag key={f} data-testid={`flag-${f}`}>{labelOf(t, 'flag.', f)}</Tag>)}
      </Descriptions.Item>
    </Descriptions>
  );
}
