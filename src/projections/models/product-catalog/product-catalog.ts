import type { RecordedEvent } from '../../../eventstore/port.js';
import type { LoanProductAmended, LoanProductDefined, ProductTerms } from '../../../domain/product/events.js';
import type { Doc } from '../../../readstore/port.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { businessDateOf, entityIdOf } from '../stream-id.js';

export const PRODUCT_CATALOG = 'product_catalog';

/** A product as borrowers browse it: its current version's terms; id = productId. */
export interface ProductDoc extends Doc {
  version: number;
  terms: ProductTerms;
  retired: boolean;
  definedOn: string;
  retiredOn: string | null;
}

async function existing(event: RecordedEvent, ctx: ProjectionContext): Promise<ProductDoc> {
  const id = entityIdOf(event, 'product');
  const doc = await ctx.get<ProductDoc>(PRODUCT_CATALOG, id);
  if (!doc) throw new Error(`${event.type} ${event.eventId}: product ${id} was never defined`);
  return doc;
}

/** The product catalogue: one document per product, amended in place, retired products kept and marked. */
export const productCatalogProjection: Projection = {
  name: 'product-catalog',
  version: 1,
  collections: [{ name: PRODUCT_CATALOG, indexes: ['retired'] }],
  handlers: {
    LoanProductDefined: (raw, ctx) => {
      const { data } = raw as RecordedEvent<LoanProductDefined['data']>;
      const doc: ProductDoc = {
        id: entityIdOf(raw, 'product'), version: data.version, terms: data.terms, retired: false, definedOn: businessDateOf(raw), retiredOn: null,
      };
      ctx.put(PRODUCT_CATALOG, doc);
    },
    LoanProductAmended: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<LoanProductAmended['data']>;
      ctx.put(PRODUCT_CATALOG, { ...(await existing(raw, ctx)), version: data.version, terms: data.terms });
    },
    LoanProductRetired: async (raw, ctx) => {
      const doc = await existing(raw, ctx);
      ctx.put(PRODUCT_CATALOG, { ...doc, retired: true, retiredOn: businessDateOf(raw) });
    },
  },
};
