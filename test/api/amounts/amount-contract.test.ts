import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY } from '../../../src/api/auth/policy.js';
import { requestExample } from '../../../src/api/openapi/try-it-examples.js';
import { borrower, openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, PRODUCT, verifiedCustomer } from '../commands/journey-steps.js';

/**
 * One rule for amounts on every endpoint that takes one, read from the OpenAPI document (every
 * field marked `x-amount`), so a new endpoint is covered the day it appears: the same bad text
 * answers the same 400 code everywhere, naming the field, whatever the loan's state.
 */

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  example?: unknown;
  'x-amount'?: 'positive' | 'non-negative';
}
interface Operation { requestBody?: { content?: Record<string, { schema?: Schema }> } }
interface Document { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } }

/** Each bad text and the code every amount field answers it with (a CNY loan, product or income: 2 decimals). */
const BAD: { text: string; code: string; positiveOnly?: true }[] = [
  { text: 'abc', code: 'INVALID_AMOUNT' },
  { text: '1e3', code: 'INVALID_AMOUNT' },
  { text: 'Infinity', code: 'INVALID_AMOUNT' },
  { text: ' 12.00', code: 'INVALID_AMOUNT' },
  { text: '1234567890123456', code: 'INVALID_AMOUNT' },
  { text: '-5.00', code: 'NEGATIVE_AMOUNT' },
  { text: '-0.001', code: 'NEGATIVE_AMOUNT' },
  { text: '1.234', code: 'AMOUNT_TOO_PRECISE' },
  { text: '0.001', code: 'AMOUNT_TOO_PRECISE' },
  { text: '0.00', code: 'INVALID_AMOUNT', positiveOnly: true },
  { text: '0', code: 'INVALID_AMOUNT', positiveOnly: true },
];

const LOAN = 'loan-amounts';
const CUSTOMER = 'cust-amounts';
const PRODUCT_ID = 'prod-amounts';
let t: TestApp;
let doc: Document;

beforeAll(async () => {
  t = await openTestApp();
  await defineProduct(t, { ...PRODUCT, productId: PRODUCT_ID });
  await verifiedCustomer(t, CUSTOMER);
  await activeLoan(t, CUSTOMER, PRODUCT_ID, '2026-01-15', '5000.00', LOAN);
  doc = (await t.call(null, 'GET', '/openapi.json')).json();
});
afterAll(() => t.close());

function resolved(schema: Schema): Schema {
  const name = schema.$ref?.replace('#/components/schemas/', '');
  return name === undefined ? schema : resolved(doc.components?.schemas?.[name] ?? {});
}

/** The schema itself, or the branch of a nullable/union that is not null. */
function nonNull(schema: Schema): Schema {
  const s = resolved(schema);
  const branches = s.anyOf ?? s.oneOf;
  return branches?.map(resolved).find((b) => b.type !== 'null') ?? s;
}

/** Paths (keys from the body's root) of every amount field, and whether it must be positive. */
function amountFields(schema: Schema, path: string[] = []): { path: string[]; positive: boolean }[] {
  const s = nonNull(schema);
  if (s['x-amount'] !== undefined) return [{ path, positive: s['x-amount'] === 'positive' }];
  return Object.entries(s.properties ?? {}).flatMap(([key, child]) => amountFields(child, [...path, key]));
}

/**
 * The fixture's ids wherever the body refers to one, so a request reaches its amount check; a
 * product's own endpoints name it in the path, and a productId in their body is the one to create.
 */
function withFixtureIds(body: Record<string, unknown>, schema: Schema, path: string): Record<string, unknown> {
  const props = nonNull(schema).properties ?? {};
  return {
    ...body,
    ...('customerId' in props ? { customerId: CUSTOMER } : {}),
    ...('productId' in props && !path.startsWith('/v1/products') ? { productId: PRODUCT_ID } : {}),
  };
}

/** Bodies that take one of two fields (a quote prices a product by id, or terms given inline): the one holding the amount stays. */
const ONE_OF: [string, string][] = [['productId', 'terms']];

/** A copy of `body` with `value` at `path`, building a missing parent from its schema's example. */
function withValue(body: Record<string, unknown>, schema: Schema, path: string[], value: string): Record<string, unknown> {
  const [key, ...rest] = path as [string, ...string[]];
  const other = ONE_OF.flatMap(([a, b]) => (key === a ? [b] : key === b ? [a] : []))[0];
  if (other !== undefined && other in body) {
    const { [other]: _dropped, ...kept } = body;
    return withValue(kept, schema, path, value);
  }
  const child = nonNull(schema).properties?.[key] ?? {};
  if (rest.length === 0) return { ...body, [key]: value };
  const parent = (body[key] ?? structuredClone(nonNull(child).example ?? requestExample(nonNull(child), '2026-01-20'))) as Record<string, unknown>;
  return { ...body, [key]: withValue(parent, child, rest, value) };
}

function urlFor(path: string): string {
  return path.replace(/^\/v1\/(loans|customers|products)\/\{id\}/, (_, kind: string) => `/v1/${kind}/${{ loans: LOAN, customers: CUSTOMER, products: PRODUCT_ID }[kind]}`);
}

function callerFor(method: string, path: string): Caller {
  const url = path.replace(/\{(\w+)\}/g, ':$1');
  const policy = Object.values(POLICY).find((p) => p.method === method.toUpperCase() && p.url === url);
  const roles: readonly string[] = policy?.roles ?? [];
  const staff = (Object.keys(STAFF) as (keyof typeof STAFF)[]).find((role) => roles.includes(role));
  return staff === undefined ? borrower(CUSTOMER) : STAFF[staff];
}

function amountEndpoints(): { method: string; path: string; schema: Schema; fields: { path: string[]; positive: boolean }[] }[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) => Object.entries(operations).flatMap(([method, op]) => {
    const schema = op.requestBody?.content?.['application/json']?.schema;
    const fields = schema ? amountFields(schema) : [];
    return fields.length > 0 && schema ? [{ method, path, schema, fields }] : [];
  }));
}

describe('the one amount rule, on every endpoint that takes an amount', () => {
  it('finds the amount fields in the OpenAPI document (at least every one known today)', () => {
    const found = amountEndpoints().flatMap((e) => e.fields.map((f) => `${e.method.toUpperCase()} ${e.path} ${f.path.join('.')}`));
    for (const known of [
      'POST /v1/loans principal', 'POST /v1/loans/{id}/approve approvedPrincipal', 'POST /v1/loans/{id}/repayments amount',
      'POST /v1/loans/{id}/payment-intents amount', 'POST /v1/loans/{id}/refunds amount', 'POST /v1/customers/{id}/kyc monthlyIncome',
      'POST /v1/products principal.min', 'POST /v1/products penalty.cap',
    ]) expect(found).toContain(known);
  });

  it('answers each bad amount with the same 400 code on every endpoint, naming the field, appending nothing', async () => {
    const endpoints = amountEndpoints();
    const seen: string[] = [];
    const head = await t.runtime.eventStore.headPosition();
    for (const endpoint of endpoints) {
      const base = requestExample(nonNull(endpoint.schema) as Parameters<typeof requestExample>[0], '2026-01-20');
      expect(base, `${endpoint.method} ${endpoint.path} has no example body to start from`).toBeTypeOf('object');
      const body = withFixtureIds(base as Record<string, unknown>, endpoint.schema, endpoint.path);
      const caller = callerFor(endpoint.method, endpoint.path);
      for (const field of endpoint.fields) {
        const name = field.path.join('.');
        for (const bad of BAD.filter((b) => field.positive || !b.positiveOnly)) {
          const label = `${endpoint.method.toUpperCase()} ${endpoint.path} ${name}="${bad.text}"`;
          const res = await t.call(caller, endpoint.method.toUpperCase() as 'POST', urlFor(endpoint.path), withValue(body, endpoint.schema, field.path, bad.text));
          expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
          expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/);
          const problem = res.json<{ code: string; detail: string }>();
          expect(problem.code, `${label}: ${res.body}`).toBe(bad.code);
          // Product terms are named from the terms object, whether defined or priced inline (quote's terms.principal.min → principal.min).
          expect(problem.detail, label).toContain(`${name.replace(/^terms\./, '')} `);
          seen.push(label);
        }
      }
    }
    expect(seen.length).toBeGreaterThan(100);
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });
});
