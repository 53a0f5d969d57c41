import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CUSTOMER_ACCOUNT, type CustomerAccountDoc } from '../../../projections/models/customer-account/documents.js';
import { mintToken, TOKEN_ROLES } from '../../auth/token.js';
import type { ApiPlugin } from '../../deps.js';
import { entityId } from '../../schemas/common.js';

/** How long a development session lasts: a working afternoon, short enough to be obviously not for production. */
export const DEV_SESSION_TTL = '8h';

const sessionBody = z
  .object({
    role: z.enum(TOKEN_ROLES),
    sub: z.string().regex(/^[A-Za-z0-9._:@-]{1,64}$/, 'expected 1–64 characters of letters, digits, . _ : @ -').optional()
      .meta({ description: 'Who the token names; defaults to dev-<role> (dev-borrower-<customerId> for a borrower)', example: 'dev-officer' }),
    customerId: entityId.optional().meta({ description: 'Required for a borrower: the customer the token may act for' }),
  })
  .strict()
  .refine((b) => b.role !== 'borrower' || b.customerId !== undefined, { message: 'a borrower session needs customerId', path: ['customerId'] });

const sessionResponse = z.object({
  token: z.string().meta({ description: 'Bearer token, valid for ttl' }),
  sub: z.string(),
  role: z.enum(TOKEN_ROLES),
  customerId: z.string().nullable(),
  ttl: z.string().meta({ example: DEV_SESSION_TTL }),
});

const customersResponse = z.object({
  items: z.array(z.object({ id: z.string(), kycStatus: z.string(), loans: z.number().int().meta({ description: 'How many loans the customer has' }) })),
});

/**
 * Development only (LENDCORE_ENV=development): `POST /v1/dev/session` mints a short bearer token for
 * any role without a password, and `GET /v1/dev/customers` lists a few customers for the one-click
 * borrower login. In any other environment these routes are not registered at all (404).
 */
export const devSessionRoutes: ApiPlugin = async (scope, { deps }) => {
  if (deps.config.environment !== 'development') return;
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['development'];

  app.post('/v1/dev/session', {
    config: { rateLimit: false },
    schema: {
      tags,
      summary: 'Development only: a token for any role, no password (LENDCORE_ENV=development)',
      security: [],
      body: sessionBody,
      response: { 200: sessionResponse },
    },
  }, async (request) => {
    const { role, customerId } = request.body;
    const sub = request.body.sub ?? (role === 'borrower' ? `dev-borrower-${customerId}` : `dev-${role}`);
    const now = deps.clock.now();
    const token = await mintToken({ sub, role, ...(customerId ? { customerId } : {}), ttl: DEV_SESSION_TTL }, deps.jwtSecret, now);
    return { token, sub, role, customerId: customerId ?? null, ttl: DEV_SESSION_TTL };
  });

  app.get('/v1/dev/customers', {
    schema: {
      tags,
      summary: 'Development only: up to 8 customers (id, KYC status, loan count) for the one-click borrower login',
      security: [],
      querystring: z.object({}).strict(),
      response: { 200: customersResponse },
    },
  }, async () => {
    const page = await deps.readStore.find<CustomerAccountDoc>(CUSTOMER_ACCOUNT, { limit: 8 });
    return { items: page.items.map((c) => ({ id: c.id, kycStatus: c.kycStatus, loans: c.loans.length })) };
  });
};
