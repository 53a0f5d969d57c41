import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installWebConsole } from '../../../src/api/plugins/web-console.js';

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lendcore-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(path.join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
  app = Fastify();
  const fallback = await installWebConsole(app, dir);
  app.get('/v1/known', async () => ({ ok: true }));
  app.setNotFoundHandler((request, reply) => {
    if (!fallback?.(request, reply)) void reply.status(404).send({ code: 'NOT_FOUND' });
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml' };

describe('the web console at /', () => {
  it('serves index.html at / and for any deep link a browser asks for', async () => {
    for (const url of ['/', '/office/loans/abc', '/portal?x=1']) {
      const res = await app.inject({ url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>console</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await app.inject({ url: '/assets/app-1234.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('leaves API paths and non-browser requests to the API (404, not the page)', async () => {
    for (const url of ['/v1/nothing', '/v1', '/docs/x', '/openapi.json/x', '/health/x']) {
      expect((await app.inject({ url, headers: html })).statusCode, url).toBe(404);
    }
    expect((await app.inject({ url: '/office/loans/abc', headers: { accept: 'application/json' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/office', headers: html })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/known', headers: html })).json()).toEqual({ ok: true });
  });

  it('is absent when the console was not built', async () => {
    const bare = Fastify();
    expect(await installWebConsole(bare, path.join(dir, 'missing'))).toBeNull();
    await bare.close();
  });
});
