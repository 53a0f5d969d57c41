import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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
 * @fastify/helmet's headers on every answer (nosniff, frame-ancestors, referrer policy, HSTS…),
 * the CSP above, and `Cache-Control: no-store` on API answers: they carry tokens and personal data
 * that no shared or browser cache should keep.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, { global: true, contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/v1/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
