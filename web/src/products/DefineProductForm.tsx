import { App } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useDefineProduct } from './api';
import { NEW_PRODUCT, termsOf } from './product-form';
import { ProductForm } from './ProductForm';

/** Defines a product with the essential terms; the API fills Fineract-like defaults for the rest and refuses what is wrong. */
export function DefineProductForm() {
  const t = useT();
  const { message } = App.useApp();
  const define = useDefineProduct();
  // A fresh form (and preview) after each product defined.
  const [generation, setGeneration] = useState(0);
  return (
    <ProductForm key={generation} name="define-product" initialValues={NEW_PRODUCT} submitLabel={t('product.define')} submitting={define.isPending} error={define.error}
      onSubmit={(v) => define.mutate(termsOf(v), { onSuccess: () => { setGeneration((g) => g + 1); void message.success(t('product.defined')); } })} />
  );
}
