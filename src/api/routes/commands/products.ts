import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { amendProduct, defineProduct, retireProduct } from '../../../app/products/manage-product.js';
import type { ApiPlugin } from '../../deps.js';
import { idParams } from '../../schemas/common.js';
import { defineProductBody, productTermsBody, retireProductBody, toProductTerms } from '../../schemas/products.js';
import { admit, checkRoleBeforeValidation } from './access.js';
import { commandMeta, sendOutcome } from './command-request.js';
import { commandSchema } from './route-schema.js';

/** Product commands (admin): define, amend (a new version), retire. */
export const productCommandRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  checkRoleBeforeValidation(scope);

  app.post('/v1/products', {
    config: { policy: 'products.define' },
    schema: commandSchema('products', 'Define a loan product (admin)', { body: defineProductBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'products.define', deps.eventStore);
    const { productId, ...terms } = request.body;
    return sendOutcome(reply, await defineProduct(deps, commandMeta(request, actor, 'products.define'), toProductTerms(terms), productId));
  });

  app.post('/v1/products/:id/amend', {
    config: { policy: 'products.amend' },
    schema: commandSchema('products', 'Amend a product into a new version; existing loans keep theirs (admin)', { params: idParams, body: productTermsBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'products.amend', deps.eventStore);
    return sendOutcome(reply, await amendProduct(deps, commandMeta(request, actor, 'products.amend'), request.params.id, toProductTerms(request.body)));
  });

  app.post('/v1/products/:id/retire', {
    config: { policy: 'products.retire' },
    schema: commandSchema('products', 'Retire a product: no new applications (admin)', { params: idParams, body: retireProductBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'products.retire', deps.eventStore);
    return sendOutcome(reply, await retireProduct(deps, commandMeta(request, actor, 'products.retire'), request.params.id, request.body?.reason ?? null));
  });
};
