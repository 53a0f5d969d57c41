import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { createSerializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installAuthentication } from './auth/authenticate.js';
import { correlationIdOf, installCorrelationHeader } from './correlation.js';
import type { AppDeps } from './deps.js';
import { bigintReplacer, toJson } from './json.js';
import { installDocs } from './plugins/docs.js';
import { healthRoutes } from './plugins/health.js';
import { installMetrics } from './plugins/metrics.js';
import { installWebConsole } from './plugins/web-console.js';
import { sendNotFound, sendProblem } from './problem.js';
import { installRateLimit } from './rate-limit.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const API_VERSION = '1';

/**
 * The HTTP app, ready for `inject` or `listen`: zod validation and OpenAPI, bearer auth, rate
 * limit, metrics, correlation ids, and every error as problem+json. Resource plugins come from
 * `deps.routes`, each in its own scope.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // A body with __proto__ or constructor.prototype keys is refused (400), not stripped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    genReqId: correlationIdOf,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'correlationId' }),
    return503OnClosing: true,
    // Errors fastify raises before routing (bad URL encoding, over-long params) are problems too.
    frameworkErrors: (error, request, reply) => {
      sendProblem(error, request, reply);
    },
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ replacer: bigintReplacer }));
  app.setReplySerializer((payload) => toJson(payload));
  app.setErrorHandler(sendProblem);
  // The web console (dist/web) at `/`, when built; its SPA fallback answers browser page requests the API does not know.
  const consoleFallback = await installWebConsole(app);
  app.setNotFoundHandler((request, reply) => {
    if (!consoleFallback?.(request, reply)) sendNotFound(request, reply);
  });

  installCorrelationHeader(app);
  installAuthentication(app, deps.jwtSecret, deps.clock);
  installRateLimit(app, deps.config.rateLimitPerMinute, deps.clock);
  installMetrics(app, deps.metrics);
  await installDocs(app, API_VERSION);

  await app.register(healthRoutes, { deps });
  for (const routes of deps.routes) await app.register(routes, { deps });
  return app;
}
