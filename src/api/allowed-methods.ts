import type { FastifyInstance } from 'fastify';

// OPTIONS is left out: the CORS plugin answers it on every path, so it says nothing about the resource.
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The methods some route serves at `url` (a concrete request URL, query ignored), in a fixed
 * order; empty when no route has that path. Used to answer a wrong method with 405 and `Allow`
 * instead of 404.
 */
export function allowedMethods(app: FastifyInstance, url: string): string[] {
  const path = url.split('?')[0] ?? '/';
  return METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
}
