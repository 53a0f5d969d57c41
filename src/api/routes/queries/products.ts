import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerOf, listProducts, productsFor, recommendedProducts } from '../../../app/queries/product-queries.js';
import type { CustomerAccountDoc } from '../../../projections/models/customer-account/documents.js';
import { PRODUCT_CATALOG, type ProductDoc } from '../../../projections/models/product-catalog/product-catalog.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import { assertOwnership } from '../../auth/authorize.js';
import type { ApiPlugin, AppDeps } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { productListResponse, productResponse, recommendedProductsResponse } from '../../schemas/product-views.js';
import { guard, idParams, today } from './query-schemas.js';
import { awaitProjections, minPositionParam } from './read-your-writes.js';

const customerId = z.string().min(1).max(128);

/** The customer a product query is for: a borrower may only ask about itself (404 otherwise). */
async function customerFor(deps: AppDeps, request: FastifyRequest, id: string): Promise<CustomerAccountDoc> {
  assertOwnership(authenticatedActor(request), id);
  const customer = await customerOf(deps.readStore, id);
  if (!customer) throw notFound(`no customer ${id}`);
  return customer;
}

/** GET /v1/products (optionally only what a customer qualifies for), /v1/products/recommended, /v1/products/:id. */
export const productQueryRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/v1/products', {
    preValidation: guard('products.list'),
    schema: {
      tags: ['products'],
      summary: 'Products on sale; with customerId, only those the customer qualifies for',
      querystring: z.object({ customerId: customerId.optional(), includeRetired: z.enum(['true', 'false']).default('false'), minPosition: minPositionParam }).strict(),
      response: { 200: productListResponse },
    },
  }, async (request) => {
    const { customerId: id, includeRetired, minPosition } = request.query;
    await awaitProjections(deps, id === undefined ? ['product-catalog'] : ['product-catalog', 'customer-account'], minPosition);
    if (id === undefined) return { items: await listProducts(deps.readStore, includeRetired === 'true') };
    return { items: await productsFor(deps.readStore, deps.vault, await customerFor(deps, request, id), today(deps.clock.now(), deps.clock.timeZone)) };
  });

  app.get('/v1/products/recommended', {
    preValidation: guard('products.recommended'),
    schema: {
      tags: ['products'],
      summary: 'Products the customer qualifies for, cheapest annual rate first, then the largest maximum principal',
      querystring: z.object({ customerId, minPosition: minPositionParam }).strict(),
      response: { 200: recommendedProductsResponse },
    },
  }, async (request) => {
    await awaitProjections(deps, ['product-catalog', 'customer-account'], request.query.minPosition);
    const customer = await customerFor(deps, request, request.query.customerId);
    return { customerId: customer.id, items: await recommendedProducts(deps.readStore, deps.vault, customer, today(deps.clock.now(), deps.clock.timeZone)) };
  });

  app.get('/v1/products/:id', {
    preValidation: guard('products.get'),
    schema: { tags: ['products'], summary: 'One product, retired or not', params: idParams, querystring: z.object({ minPosition: minPositionParam }).strict(),
      response: { 200: productResponse } },
  }, async (request) => {
    await awaitProjections(deps, ['product-catalog'], request.query.minPosition);
    const product = await deps.readStore.get<ProductDoc>(PRODUCT_CATALOG, request.params.id);
    if (!product) throw notFound(`no product ${request.params.id}`);
    return product;
  });
};
