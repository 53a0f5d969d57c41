import { POLICY, type RouteId } from '../auth/policy.js';
import { problemCodesOf, type ProblemCodes } from './problem-codes.js';
import { PUBLIC_ROUTE_CODES } from './route-problem-codes.js';
import { requestExample } from './try-it-examples.js';

/** The parts of an OpenAPI 3.1 document this module reads and writes. */
interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: Parameters<typeof requestExample>[0]; example?: unknown }> };
  tags?: string[];
  parameters?: { in: string; name: string; example?: unknown; schema?: { example?: unknown; examples?: unknown } }[];
  responses?: Record<string, unknown>;
}
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; [key: string]: unknown };
  [key: string]: unknown;
}

const TAGS = [
  { name: 'customers', description: 'Registration, KYC, the account centre, search by PII through blind indexes, erasure' },
  { name: 'products', description: 'Loan products: terms, amendments, retirement, recommendations' },
  { name: 'loans', description: 'Applications through servicing: assess, approve, disburse, repay, waive, write off; summaries, schedules, money movements, history' },
  { name: 'queues', description: 'Work waiting for staff, oldest first, each item with the reason it waits' },
  { name: 'reports', description: 'Regulator and portfolio reports, JSON or CSV' },
  { name: 'audit', description: 'Every event with actor, times, correlation and hash' },
  { name: 'operations', description: 'Close of business' },
  { name: 'admin', description: 'Projection status and rebuilds' },
];

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input', 401: 'No valid bearer token', 403: 'Role not allowed', 404: 'Not found (also: another borrower\'s resource)',
  409: 'Conflict: concurrency or wrong state', 413: 'Body over 1 MB', 415: 'Not JSON', 422: 'Business rule refused', 429: 'Rate limited',
  503: 'Read models behind ?minPosition; retry after the Retry-After header',
};

/** RFC 9457 problem details, the body of every error. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'urn:lendcore:problem:<code in kebab case>', examples: ['urn:lendcore:problem:loan-not-active'] },
    title: { type: 'string', examples: ['Conflict'] },
    status: { type: 'integer', examples: [409] },
    detail: { type: 'string', description: 'What went wrong, for people', examples: ['Loan is not active'] },
    code: { type: 'string', description: 'Stable machine-readable reason', examples: ['LOAN_NOT_ACTIVE'] },
  },
};

const routeByOperation = new Map(
  (Object.keys(POLICY) as RouteId[]).map((id) => [`${POLICY[id].method.toLowerCase()} ${POLICY[id].url.replace(/:(\w+)/g, '{$1}')}`, id]),
);

function problemResponses(codes: ProblemCodes): Record<string, unknown> {
  return Object.fromEntries(Object.entries(codes).map(([status, list]) => [status, {
    description: `${STATUS_TEXT[Number(status)] ?? 'Error'}: ${(list ?? []).join(', ')}`,
    content: {
      'application/problem+json': {
        schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { code: { enum: list } } }] },
      },
    },
  }]));
}

/**
 * Completes the generated document: OpenAPI 3.1 metadata (servers, license, contact, tag
 * descriptions), the policy id as each operation's operationId, and a problem+json response for
 * every status an operation can refuse with, naming its codes. Header examples that Swagger UI's
 * "Try it out" would send as they are (If-Match, Idempotency-Key) are removed, and each JSON body
 * gets an example of its required fields with today's dates (see requestExample).
 */
export function completeDocument(doc: OpenApiDocument, today = new Date().toISOString().slice(0, 10)): OpenApiDocument {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    paths[path] = {};
    for (const [method, operation] of Object.entries(operations)) {
      const route = routeByOperation.get(`${method} ${path}`);
      // Public routes outside the policy table (provider notifications, sandbox pages) get an id from their method and path.
      const operationId = route ?? operation.operationId ?? operationIdFor(method, path);
      const publicCodes = route ? undefined : PUBLIC_ROUTE_CODES[operationId];
      paths[path][method] = {
        ...operation,
        operationId,
        ...(operation.parameters ? { parameters: operation.parameters.map(withoutReplayedExample) } : {}),
        ...(operation.requestBody ? { requestBody: withTryItExample(operation.requestBody, today) } : {}),
        responses: withAClientError({ ...operation.responses, ...(route ? problemResponses(problemCodesOf(route)) : publicCodes ? problemResponses(publicCodes) : {}) }),
      };
    }
  }
  const completed: OpenApiDocument = {
    ...doc,
    openapi: '3.1.0',
    info: {
      ...doc.info,
      license: { name: 'Proprietary (UNLICENSED): no licence is granted', identifier: 'LicenseRef-Proprietary' },
      contact: { name: 'lendcore maintainers' },
    },
    servers: [{ url: '/', description: 'The server that serves this document' }],
    tags: TAGS,
    paths,
    components: { ...doc.components, schemas: { ...doc.components?.schemas, Problem: PROBLEM_SCHEMA } },
  };
  return withoutUnusedSchemas(completed);
}

/** A named zod schema is registered for input and output; only the direction some operation uses stays. */
function withoutUnusedSchemas(doc: OpenApiDocument): OpenApiDocument {
  const schemas = { ...doc.components?.schemas };
  for (;;) {
    const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas } });
    const unused = Object.keys(schemas).filter((name) => !text.includes(`"#/components/schemas/${name}"`));
    if (unused.length === 0) return { ...doc, components: { ...doc.components, schemas } };
    for (const name of unused) delete schemas[name];
  }
}

function operationIdFor(method: string, path: string): string {
  const words = path.replace(/^\/v1\//, '').split(/[/{}-]+/).filter((w) => w !== '');
  return [method, ...words].map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

/** Every operation can answer 400 to a request its schema refuses; say so where nothing else does. */
function withAClientError(responses: Record<string, unknown>): Record<string, unknown> {
  if (Object.keys(responses).some((status) => status.startsWith('4'))) return responses;
  return { ...responses, ...problemResponses({ 400: ['VALIDATION_FAILED'] } as ProblemCodes) };
}

/** Swagger UI pre-fills a header with its example: a fixed If-Match or Idempotency-Key would make every "Try it out" fail. */
function withoutReplayedExample(parameter: NonNullable<Operation['parameters']>[number]): NonNullable<Operation['parameters']>[number] {
  if (parameter.in !== 'header' || !['if-match', 'idempotency-key'].includes(parameter.name)) return parameter;
  const { example: _example, schema, ...rest } = parameter;
  if (!schema) return rest;
  const { example: _schemaExample, examples: _examples, ...plainSchema } = schema;
  return { ...rest, schema: plainSchema };
}

function withTryItExample(body: NonNullable<Operation['requestBody']>, today: string): NonNullable<Operation['requestBody']> {
  const json = body.content?.['application/json'];
  if (!json?.schema) return body;
  const { example: _generated, ...rest } = json;
  const example = requestExample(json.schema, today);
  return { ...body, content: { ...body.content, 'application/json': example === undefined ? rest : { ...rest, example } } };
}
