import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Paths that belong to the API and its tools: never answered with the console's index.html. */
const API_PREFIXES = ['/v1/', '/v1', '/docs', '/openapi.json', '/health', '/ready', '/metrics'];

/** The package root: the nearest folder above this module holding package.json (works from src/ and from dist/src/). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('no package.json above the web console module');
    dir = parent;
  }
  return dir;
}

/** Where `npm run build` puts the console (vite's outDir). */
export const WEB_CONSOLE_DIR = path.join(packageRoot(), 'dist', 'web');

/** Answers a not-found request with the console's index.html (the SPA route), or returns false when it is not the console's to answer. */
export type ConsoleFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Serves the built web console at `/` (hashed assets cached for a year, index.html never cached)
 * and returns the SPA fallback: a browser GET for any non-API path that is not a file gets
 * index.html, so deep links like /office/loans/:id load the app. Null when the console is not
 * built (dist/web/index.html missing): the API then runs alone.
 */
export async function installWebConsole(app: FastifyInstance, root: string = WEB_CONSOLE_DIR): Promise<ConsoleFallback | null> {
  if (!existsSync(path.join(root, 'index.html'))) return null;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    schemaHide: true,
    setHeaders: (reply, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage || API_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`) || url.startsWith(p + '?'))) return false;
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
    return true;
  };
}
