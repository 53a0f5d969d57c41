import { App, Drawer } from 'antd';
import type { Product } from '../api/types';
import { useT } from '../i18n/i18n';
import { useAmendProduct } from './api';
import { termsOf, valuesOf } from './product-form';
import { ProductForm } from './ProductForm';

/** Amends a product into a new version (its current terms as the start), with the live preview; existing loans keep their version. */
export function AmendProductDrawer({ product, onClose }: { product: Product | null; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const amend = useAmendProduct();
  const close = () => { amend.reset(); onClose(); };
  return (
    <Drawer open={product !== null} onClose={close} size="min(1100px, 100vw)" destroyOnHidden
      title={product ? t('product.amendTitle', { name: product.terms.name, version: product.version }) : ''}>
      {product && (
        <ProductForm name="amend-product" initialValues={valuesOf(product.terms)} base={product.terms} submitLabel={t('product.amend')}
          submitting={amend.isPending} error={amend.error}
          onSubmit={(v) => amend.mutate({ id: product.id, terms: termsOf(v, product.terms) }, { onSuccess: () => { void message.success(t('product.amended')); close(); } })} />
      )}
    </Drawer>
  );
}
