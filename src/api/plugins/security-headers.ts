import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * A policy the web console (a React SPA built to static files, served from this origin) can live
 * with: scripts only from this origin (no inline scripts, no eval); inline styles allowed because
 * Ant Design writes its CSS-in-JS into <style> tags; images from here or data: URLs; XHR only to
 * this origin; never framed.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The headers helmet sets with the CSP above (nosniff, frame-ancestors, referrer policy, HSTS…),
 * name → value. They depend on nothing in the request, so they are computed once: @fastify/helmet
 * built the helmet middleware, CSP parsing included, again on every request (about 5 % of the
 * HTTP thread's time under a repayment load).
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader() {}, // X-Powered-By, which Fastify never sets
  };
  helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } })(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return headers;
}

/**
 * helmet's headers on every answer, and `Cache-Control: no-store` on API answers: they carry
 * tokens and personal data that no shared or browser cache should keep.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/v1/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
