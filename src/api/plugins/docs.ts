import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { completeDocument, type OpenApiDocument } from '../openapi/complete-document.js';

/**
 * OpenAPI generated from the routes' zod schemas; the document at `/openapi.json`, Swagger UI at
 * `/docs`. Registered on the root before any route, so every later route is collected.
 */
export async function installDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'lendcore', description: 'Event-sourced lending core. Errors are application/problem+json.', version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Named zod schemas (`.meta({id})`) become components; then ids, problems and metadata are added.
    transformObject: (input) => completeDocument(jsonSchemaTransformObject(input) as OpenApiDocument) as ReturnType<typeof jsonSchemaTransformObject>,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { config: { rateLimit: false }, schema: { hide: true } }, async () => app.swagger());
}
