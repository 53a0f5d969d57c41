import { CUSTOMER_ACCOUNT, type CustomerAccountDoc } from '../../projections/models/customer-account/documents.js';
import { PRODUCT_CATALOG, type ProductDoc } from '../../projections/models/product-catalog/product-catalog.js';
import type { ReadStore } from '../../readstore/port.js';
import type { PiiVault } from '../../vault/pii-vault.js';
import { byRecommendation, declaredIncome, qualifiesFor } from './product-qualification.js';

/** The catalogue in id order; retired products only when asked for. */
export async function listProducts(readStore: ReadStore, includeRetired: boolean): Promise<ProductDoc[]> {
  const products: ProductDoc[] = [];
  for await (const product of readStore.scan<ProductDoc>(PRODUCT_CATALOG)) {
    if (includeRetired || !product.retired) products.push(product);
  }
  return products;
}

/** The customer's account, or null when there is none (the caller answers 404). */
export function customerOf(readStore: ReadStore, customerId: string): Promise<CustomerAccountDoc | null> {
  return readStore.get<CustomerAccountDoc>(CUSTOMER_ACCOUNT, customerId);
}

/** Products on sale the customer qualifies for, in catalogue order; none once it is erased (its income opened with its key). */
export async function productsFor(readStore: ReadStore, vault: PiiVault, customer: CustomerAccountDoc, today: string): Promise<ProductDoc[]> {
  const income = await declaredIncome(vault, customer);
  return (await listProducts(readStore, false)).filter((product) => qualifiesFor(product, customer, income, today));
}

/** Products the customer qualifies for, ranked by `byRecommendation`. */
export async function recommendedProducts(readStore: ReadStore, vault: PiiVault, customer: CustomerAccountDoc, today: string): Promise<ProductDoc[]> {
  return (await productsFor(readStore, vault, customer, today)).sort(byRecommendation);
}
