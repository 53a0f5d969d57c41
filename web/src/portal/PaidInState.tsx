import { Tag } from 'antd';
import { useT } from '../i18n/i18n';
import type { PaidIn } from './receipts-api';

/** A payment's state on its receipt: in force, or taken back by a reversal (QA 12 W10). */
export function PaidInState({ payment }: { payment: PaidIn }) {
  const t = useT();
  return payment.reversed ? <Tag data-testid="receipt-reversed">{t('tx.reversedMark')}</Tag> : <Tag>{t('receipt.valid')}</Tag>;
}
