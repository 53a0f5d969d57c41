import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { answerClientError } from '../../src/api/client-errors.js';
import { fixtureRoutes } from './fixture-routes.js';
import { harness, type Harness } from './harness.js';

let h: Harness;
let port: number;
beforeAll(async () => {
  h = await harness({ routes: [fixtureRoutes] });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  port = (h.app.server.address() as AddressInfo).port;
});
afterAll(() => h.app.close());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real HTTP request over a socket: these errors happen in node's parser, which inject never reaches. */
function get(path: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Raw bytes on a socket, for requests no HTTP client would send; resolves with everything the server wrote. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function expectProblem(contentType: unknown, body: string, status: number, code: string): void {
  expect(contentType).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(body)).toMatchObject({ status, code, type: `urn:lendcore:problem:${code.toLowerCase().replaceAll('_', '-')}`, detail: expect.any(String), title: expect.any(String) });
}

describe('errors raised before any route runs', () => {
  it('answers a URL over the header limit with 431 problem+json', async () => {
    const res = await get(`/t/big?q=${'x'.repeat(40_000)}`);
    expect(res.status).toBe(431);
    expectProblem(res.headers['content-type'], res.body, 431, 'HEADERS_TOO_LARGE');
  });

  it('answers a request that is not HTTP with 400 problem+json', async () => {
    const answer = await rawExchange('GET /t/big HTTP/1.1\r\nHost: x\r\nbad header line\r\n\r\n');
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expectProblem(/content-type: ([^\r\n]+)/i.exec(head)?.[1], body, 400, 'MALFORMED_REQUEST');
  });

  it('answers a request not sent in time with 408 problem+json and closes the socket; a reset socket gets nothing', () => {
    // destroy(error) emits the error on the socket; node's own socket has a listener, these need one.
    const socket = new PassThrough().on('error', () => undefined);
    let written = '';
    socket.on('data', (chunk: Buffer) => (written += chunk.toString()));
    answerClientError(Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), socket);
    const [head = '', body = ''] = written.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expectProblem(/content-type: ([^\r\n]+)/i.exec(head)?.[1], body, 408, 'REQUEST_TIMEOUT');
    expect(socket.destroyed).toBe(true);

    const reset = new PassThrough().on('error', () => undefined);
    let nothing = '';
    reset.on('data', (chunk: Buffer) => (nothing += chunk.toString()));
    answerClientError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), reset);
    expect(nothing).toBe('');
  });

  it('answers an over-long path segment with 414 problem+json', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/t/fail/${'a'.repeat(500)}` });
    expect(res.statusCode).toBe(414);
    expectProblem(res.headers['content-type'], res.body, 414, 'URI_TOO_LONG');
  });

  it('answers a malformed percent-encoding with 400 problem+json', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/t/fail/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expectProblem(res.headers['content-type'], res.body, 400, res.json<{ code: string }>().code);
  });

  it('answers an empty JSON body with 400 MALFORMED_JSON', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/t/items', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(res.statusCode).toBe(400);
    expectProblem(res.headers['content-type'], res.body, 400, 'MALFORMED_JSON');
  });

  it('says which media type to send on 415', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/t/items', headers: { 'content-type': 'text/plain' }, payload: 'hi' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'send the body as application/json' });
  });
});

describe('a wrong method on a known path', () => {
  it.each([
    ['POST', '/t/fail/x', 'GET, HEAD'],
    ['DELETE', '/t/items', 'POST'],
    ['PUT', '/t/big?x=1', 'GET, HEAD'],
  ] as const)('%s %s answers 405 with Allow: %s', async (method, url, allow) => {
    const res = await h.app.inject({ method, url });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expectProblem(res.headers['content-type'], res.body, 405, 'METHOD_NOT_ALLOWED');
    expect(res.json<{ detail: string }>().detail).toContain(allow);
  });

  it('still answers 404 for a path no route serves', async () => {
    const res = await h.app.inject({ method: 'DELETE', url: '/v1/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.headers.allow).toBeUndefined();
    expectProblem(res.headers['content-type'], res.body, 404, 'NOT_FOUND');
  });
});
