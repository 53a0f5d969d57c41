/** A JSON schema as the generated document holds it (only what examples need). */
interface Schema {
  type?: string | string[];
  pattern?: string;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/**
 * The example body Swagger UI's "Try it out" sends: only the required fields, each from its own
 * example, and every date today. Optional fields are left out, so no fixed id collides on the
 * second try and no effective date falls before a loan's disbursement (it defaults to today).
 * Undefined when a required field has no example of its own (a password, a one-time code) or the
 * body is one of several shapes: no example beats an invalid one.
 */
export function requestExample(schema: Schema, today: string): unknown {
  if (schema.anyOf ?? schema.oneOf) return undefined;
  if (schema.pattern === DATE_PATTERN || (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(schema.example))) return today;
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.[0] !== undefined) return schema.examples[0];
  if (schema.enum?.[0] !== undefined) return schema.enum[0];
  if (schema.properties) {
    const entries = (schema.required ?? []).map((name) => [name, requestExample(schema.properties?.[name] ?? {}, today)] as const);
    return entries.some(([, value]) => value === undefined) ? undefined : Object.fromEntries(entries);
  }
  if (schema.items) {
    const item = requestExample(schema.items, today);
    return item === undefined ? [] : [item];
  }
  return schema.default;
}
