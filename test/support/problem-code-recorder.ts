import type { FastifyInstance } from 'fastify';

/** One problem+json answer a test produced: the operation (method and OpenAPI path), its status and code. */
export interface AnsweredProblem {
  method: string;
  path: string;
  status: number;
  code: string;
}

interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }> }>;
}
type Paths = Record<string, Record<string, Operation>>;

const answered = new Map<string, AnsweredProblem & { operationId: string }>();

/** The codes the document lists for an operation's status (empty when the status has no problem response). */
function listedCodes(operation: Operation, status: number): string[] {
  const schema = operation.responses?.[String(status)]?.content?.['application/problem+json']?.schema;
  return (schema?.allOf ?? []).flatMap((part) => part.properties?.code?.enum ?? []);
}

/**
 * Records every problem+json answer of the app (an onSend hook, so answers to `app.inject` from any
 * helper count) and checks it against the app's own /openapi.json: a (status, code) pair the
 * operation does not list is kept for `unlistedProblems()`. Answers with no operation in the
 * document (an unknown path, a route hidden from it) are not the document's to list.
 */
export function recordProblemCodes(app: FastifyInstance): void {
  let paths: Paths | null = null;
  app.addHook('onSend', async (request, reply, payload) => {
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/problem+json') || typeof payload !== 'string') return payload;
    const url = request.routeOptions.url;
    if (url === undefined) return payload;
    let code: unknown;
    try {
      code = (JSON.parse(payload) as { code?: unknown }).code;
    } catch {
      return payload;
    }
    if (typeof code !== 'string') return payload;
    paths ??= ((app as unknown as { swagger(): { paths?: Paths } }).swagger().paths ?? {});
    const path = url.replace(/:(\w+)/g, '{$1}');
    const method = request.method.toLowerCase();
    const operation = paths[path]?.[method];
    if (operation === undefined) return payload;
    if (!listedCodes(operation, reply.statusCode).includes(code)) {
      const operationId = operation.operationId ?? `${method} ${path}`;
      answered.set(`${operationId} ${reply.statusCode} ${code}`, { method, path, status: reply.statusCode, code, operationId });
    }
    return payload;
  });
}

/** Every answered (operation, status, code) the document does not list, as "operationId status CODE". */
export function unlistedProblems(): string[] {
  return [...answered.keys()].sort();
}
