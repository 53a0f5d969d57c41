import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOwnership, authorize, requireRole } from '../../src/api/auth/authorize.js';
import type { ApiPlugin } from '../../src/api/deps.js';
import { DomainError, type DomainErrorKind } from '../../src/domain/errors.js';
import { ConcurrencyError } from '../../src/eventstore/concurrency-error.js';

/** A stand-in resource plugin exercising what real route plugins will do. */
export const fixtureRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.post('/t/items', {
    schema: {
      body: z.object({ name: z.string(), amount: z.string().regex(/^\d+(\.\d+)?$/), note: z.string().optional() }).strict(),
      response: { 200: z.object({ name: z.string(), position: z.bigint() }) },
    },
  }, async (request) => ({ name: request.body.name, position: 9_007_199_254_740_993n }));

  app.get('/t/big', async () => ({ position: 2n ** 64n }));

  app.get('/t/fail/:what', { schema: { params: z.object({ what: z.string() }) } }, async (request) => {
    const what = request.params.what;
    if (what === 'concurrency') throw new ConcurrencyError('loan-1', 3n, 4n);
    if (what === 'unexpected') throw new Error('db password is hunter2');
    if (what === 'zod') z.object({ amount: z.string() }).parse({ amount: 1 });
    throw new DomainError(`TEST_${what.toUpperCase()}`, `failed as ${what}`, what as DomainErrorKind);
  });

  app.get('/t/officers', { preHandler: requireRole('officer', 'admin') }, async (request) => ({ sub: request.actor?.sub }));

  app.get('/t/customers/:id', { schema: { params: z.object({ id: z.string() }) } }, async (request) => {
    const actor = authorize(request, 'customers.get');
    assertOwnership(actor, request.params.id);
    return { id: request.params.id, clock: deps.clock.now().toISOString() };
  });
};
