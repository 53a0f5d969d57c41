import { Spin } from 'antd';
import { useT } from '../i18n/i18n';

/** Shown while a lazily loaded page or its data arrives; announced to screen readers as a status. */
export function PageSpinner() {
  const t = useT();
  return <div role="status" aria-label={t('common.loading')} style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
}
