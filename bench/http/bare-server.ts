import Fastify, { type FastifyBaseLogger } from 'fastify';
import { createSerializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BODY_LIMIT_BYTES } from '../../src/api/app.js';
import { bigintReplacer } from '../../src/api/json.js';
import { createLogger } from '../../src/api/logger.js';
import { idParams as params } from '../../src/api/schemas/common.js';
import { paymentBody as repayment } from '../../src/api/schemas/loans.js';
import { serveUntilStopped } from './serve.js';

// Worker: the HTTP ceiling. Fastify 5 set up as src/api/app.ts does (same logger, body limit,
// zod validator and serializer) with the real route's params and body schemas, but handlers that do no work:
// the gap between this route and the real one is what lendcore itself costs (auth, rate limit,
// metrics, the command pipeline, the fsync).
const decimalString = z.string().regex(/^\d+(\.\d+)?$/);
const accepted = z.object({ id: z.string(), revision: z.string(), position: z.string() });
const summary = z.object({ id: z.string(), status: z.string(), currency: z.string(), principal: decimalString });

const logger: FastifyBaseLogger = createLogger(process.env.LOG_LEVEL ?? 'info');
const app = Fastify({
  loggerInstance: logger,
  bodyLimit: BODY_LIMIT_BYTES,
  onProtoPoisoning: 'error',
  onConstructorPoisoning: 'error',
}).withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(createSerializerCompiler({ replacer: bigintReplacer }));

let position = 0n;
app.post('/v1/loans/:id/repayments', { schema: { params, body: repayment, response: { 201: accepted } } }, async (request, reply) => {
  position += 1n;
  return reply.code(201).send({ id: request.params.id, revision: '1', position: position.toString() });
});
app.get('/v1/loans/:id', { schema: { params, response: { 200: summary } } }, async (request) => ({
  id: request.params.id,
  status: 'active',
  currency: 'CNY',
  principal: '100000.00',
}));

await serveUntilStopped(app, () => app.close());
