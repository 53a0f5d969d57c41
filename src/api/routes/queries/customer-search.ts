import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchCustomers } from '../../../app/lists/customer-search.js';
import type { ApiPlugin } from '../../deps.js';
import { pageOf, pageQuery } from '../../schemas/list-page.js';
import { guard } from './query-schemas.js';
import { awaitProjections } from './read-your-writes.js';

const searchHit = z.object({
  id: z.string(),
  name: z.string().nullable().meta({ description: 'Masked' }),
  nationalId: z.string().nullable().meta({ description: 'Masked' }),
  phone: z.string().nullable().meta({ description: 'Masked' }),
  email: z.string().nullable().meta({ description: 'Masked' }),
  kycStatus: z.enum(['not_submitted', 'submitted', 'verified', 'rejected']),
  registeredOn: z.string(),
  matchedOn: z.array(z.string()).meta({ description: 'Fields q matched: name (prefix), phone, nationalId, email (exact)', example: ['name'] }),
}).meta({ id: 'CustomerSearchHit' });

/** GET /v1/customers?q= — find customers by name prefix, phone, national id or e-mail through the blind index. */
export const customerSearchRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/v1/customers', {
    preValidation: guard('customers.search'),
    schema: {
      tags: ['customers'],
      summary: 'Search customers by name (prefix), phone, national id or e-mail (exact); PII stays encrypted, matched through keyed blind indexes',
      querystring: z.object({
        q: z.string().trim().min(1).max(200).meta({ description: 'A name prefix, phone number, national id or e-mail address', example: 'Zhang' }),
        ...pageQuery,
      }).strict(),
      response: { 200: pageOf(searchHit) },
    },
  }, async (request) => {
    const { q, limit, cursor, minPosition } = request.query;
    await awaitProjections(deps, ['customer-account'], minPosition);
    return searchCustomers(deps.readStore, deps.vault, { q, limit, ...(cursor ? { cursor } : {}) });
  });
};
