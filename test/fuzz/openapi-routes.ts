/** The slice of JSON Schema the fuzzer reads from the OpenAPI document. */
export interface FieldSchema {
  type?: string | string[];
  properties?: Record<string, FieldSchema>;
  oneOf?: FieldSchema[];
  anyOf?: FieldSchema[];
}

/** One operation of the API as the fuzzer drives it. */
export interface FuzzRoute {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  /** OpenAPI path, e.g. `/v1/loans/{id}/repayments`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Each alternative object shape the JSON body may take (one for a plain object, several for oneOf); null without a body schema. */
  bodyShapes: Record<string, FieldSchema>[] | null;
}

interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: FieldSchema }> };
}

const METHODS = ['get', 'post', 'delete', 'put', 'patch'] as const;

function bodyShapes(operation: Operation): Record<string, FieldSchema>[] | null {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (!schema) return null;
  const branches = schema.oneOf ?? schema.anyOf ?? [schema];
  return branches.map((branch) => branch.properties ?? {});
}

/** Every `/v1/` operation the document lists; the docs, health and metrics routes are not part of the API under test. */
export function routesOf(document: { paths?: Record<string, Record<string, Operation>> }): FuzzRoute[] {
  const routes: FuzzRoute[] = [];
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith('/v1/')) continue;
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      routes.push({
        method: method.toUpperCase() as FuzzRoute['method'],
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyShapes: bodyShapes(operation),
      });
    }
  }
  return routes;
}
