import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { createSerializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installAuthentication } from './auth/authenticate.js';
import { OidcVerifier } from './auth/oidc.js';
import { answerClientError } from './client-errors.js';
import { correlationIdOf, installCorrelationHeader } from './correlation.js';
import type { AppDeps } from './deps.js';
import { bigintReplacer, toJson } from './json.js';
import { allowedMethods } from './allowed-methods.js';
import { installDocs } from './plugins/docs.js';
import { installJsonBodyParser } from './plugins/json-body.js';
import { healthRoutes } from './plugins/health.js';
import { installCors } from './plugins/cors.js';
import { installMetrics } from './plugins/metrics.js';
import { installSecurityHeaders } from './plugins/security-headers.js';
import { installWebConsole } from './plugins/web-console.js';
import { sendNotFound, sendProblem } from './problem.js';
import { installRateLimit } from './rate-limit.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** A client must send its whole request (headers and body) within this time, so a slow one cannot hold a connection for minutes. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** ...and its headers within this. */
const HEADERS_TIMEOUT_MS = 10_000;
/** An idle keep-alive connection is closed after this. */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
const API_VERSION = '1';

/**
 * The HTTP app, ready for `inject` or `listen`: zod validation and OpenAPI, bearer auth, rate
 * limit, security headers, CORS for configured origins, request timeouts, metrics, correlation
 * ids, and every error as problem+json. Resource plugins come from
 * `deps.routes`, each in its own scope.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    genReqId: correlationIdOf,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'correlationId' }),
    return503OnClosing: true,
    // Errors fastify raises before routing (bad URL encoding, over-long params) are problems too.
    frameworkErrors: (error, request, reply) => {
      sendProblem(error, request, reply);
    },
    // ...and so are those node's HTTP parser raises before fastify (a URL over 16 KiB → 431).
    clientErrorHandler: answerClientError,
  });

  app.server.headersTimeout = HEADERS_TIMEOUT_MS;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ replacer: bigintReplacer }));
  app.setReplySerializer((payload) => toJson(payload));
  app.setErrorHandler(sendProblem);
  // The API speaks JSON: a text/plain body is 415, not a string handed to a JSON schema (routes that take text add their own parser).
  app.removeContentTypeParser('text/plain');
  // A body with __proto__ or constructor.prototype keys is refused (400 FORBIDDEN_PROTOTYPE_KEY), not stripped.
  installJsonBodyParser(app);
  // The web console (dist/web) at `/`, when built; its SPA fallback answers browser page requests the API does not know.
  const consoleFallback = await installWebConsole(app);
  app.setNotFoundHandler((request, reply) => {
    if (!consoleFallback?.(request, reply)) sendNotFound(request, reply, allowedMethods(app, request.url));
  });

  installCorrelationHeader(app);
  installAuthentication(app, {
    secret: deps.jwtSecret, clock: deps.clock, maxTtlSeconds: deps.config.tokenMaxTtlSeconds,
    ...(deps.config.oidc ? { oidc: new OidcVerifier(deps.config.oidc) } : {}),
    ...(deps.identity ? { sessions: deps.identity.activeSessions } : {}),
  });
  await installRateLimit(app, deps.config.rateLimitPerMinute);
  await installSecurityHeaders(app);
  await installCors(app, deps.config.corsOrigins);
  installMetrics(app, deps.metrics);
  await installDocs(app, API_VERSION);

  await app.register(healthRoutes, { deps });
  for (const routes of deps.routes) await app.register(routes, { deps });
  return app;
}
