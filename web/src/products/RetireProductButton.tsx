import { App, Button, Popconfirm } from 'antd';
import type { Product } from '../api/types';
import { useT } from '../i18n/i18n';
import { useRetireProduct } from './api';

/** Retires a product after a confirmation (no new applications; existing loans carry on); a refusal goes to `onError`. */
export function RetireProductButton({ product, onError }: { product: Product; onError(error: unknown): void }) {
  const t = useT();
  const { message } = App.useApp();
  const retire = useRetireProduct();
  return (
    <Popconfirm title={t('product.retireConfirm', { name: product.terms.name })} okText={t('users.confirm')} cancelText={t('users.cancel')}
      onConfirm={() => retire.mutate({ id: product.id }, { onSuccess: () => { onError(null); void message.success(t('product.retiredDone')); }, onError })}>
      <Button size="small" loading={retire.isPending} data-testid={`retire-${product.id}`}>{t('product.retire')}</Button>
    </Popconfirm>
  );
}
