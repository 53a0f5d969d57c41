import { describe, expect, it } from 'vitest';
import { routesOf } from './openapi-routes.js';

describe('routesOf', () => {
  it('lists /v1 operations with their path and query parameters and each body branch', () => {
    const routes = routesOf({
      paths: {
        '/health': { get: {} },
        '/v1/loans/{id}/write-off': {
          post: {
            parameters: [{ in: 'path', name: 'id' }, { in: 'header', name: 'if-match' }],
            requestBody: { content: { 'application/json': { schema: { oneOf: [{ properties: { action: { type: 'string' }, reason: { type: 'string' } } }, { properties: { action: { type: 'string' } } }] } } } },
          },
        },
        '/v1/audit': { get: { parameters: [{ in: 'query', name: 'cursor' }] } },
      },
    });
    expect(routes).toEqual([
      { method: 'POST', path: '/v1/loans/{id}/write-off', pathParams: ['id'], queryParams: [], bodyShapes: [{ action: { type: 'string' }, reason: { type: 'string' } }, { action: { type: 'string' } }] },
      { method: 'GET', path: '/v1/audit', pathParams: [], queryParams: ['cursor'], bodyShapes: null },
    ]);
  });

  it('yields nothing for a document without paths', () => {
    expect(routesOf({})).toEqual([]);
  });
});
