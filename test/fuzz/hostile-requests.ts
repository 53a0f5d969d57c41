import fc from 'fast-check';
import { HOSTILE_KEYS, HUGE_NUMERALS, hostileNumber, hostileString, hostileValue, isJsonType, WRONG_TYPE } from './hostile-values.js';
import type { FieldSchema, FuzzRoute } from './openapi-routes.js';

export const CALLERS = ['officer', 'underwriter', 'compliance', 'admin', 'own-borrower', 'other-borrower', 'anonymous', 'forged'] as const;
export type CallerKind = (typeof CALLERS)[number];

/** One generated request, and why it must change nothing (null when it might legitimately succeed). */
export interface FuzzRequest {
  method: FuzzRoute['method'];
  url: string;
  caller: CallerKind;
  /** The Authorization header for `forged` callers: tokens that must never pass. */
  forgedAuthorization: string;
  headers: Record<string, string>;
  payload: string | undefined;
  invalidBecause: string | null;
}

interface Body {
  text: string;
  invalidBecause: string | null;
}

const FORGED = [
  'Bearer ', 'Bearer x.y.z', 'Basic YWRtaW46YWRtaW4=', 'bearer',
  // alg "none", role admin: must be refused whatever the claims say.
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIiwiZXhwIjo0MTAyNDQ0ODAwfQ.',
];

// Kept to printable ASCII: Node refuses other header bytes before any route sees them.
const headerText = fc.oneof(
  fc.constantFrom('"-1"', 'abc', '"99999999999999999999999"', 'W/"1"', '*', '1e309', '', '"1.5"', '__proto__'),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
);

const ODD_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x', 'application/xml'];

/** encodeURIComponent, except that a lone surrogate becomes bytes that are not UTF-8 (it would otherwise throw). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

// JSON text built by hand: an object literal would turn a `__proto__` key into a prototype, not a field.
const objectText = (entries: [string, string][]) => `{${entries.map(([key, text]) => `${JSON.stringify(key)}:${text}`).join(',')}}`;

function declaredFields(shapes: Record<string, FieldSchema>[]): Set<string> {
  return new Set(shapes.flatMap((shape) => Object.keys(shape)));
}

/** Declared fields (a random subset) with hostile values, as JSON text entries. */
function hostileFields(shape: Record<string, FieldSchema>): fc.Arbitrary<[string, string][]> {
  return fc.subarray(Object.keys(shape)).chain((keys) =>
    fc.tuple(...keys.map((key) => hostileValue.map((value): [string, string] => [key, JSON.stringify(value)]))),
  );
}

/** Bodies for a route with an object body schema; all but the last kind are invalid whatever else they hold. */
function bodiesFor(shapes: Record<string, FieldSchema>[]): fc.Arbitrary<Body> {
  const declared = declaredFields(shapes);
  const shape = fc.constantFrom(...shapes);
  const nonObject = fc
    .oneof(fc.array(hostileValue, { maxLength: 4 }), hostileString, hostileNumber, fc.boolean())
    .map((value): Body => ({ text: JSON.stringify(value), invalidBecause: 'the body is not an object' }));
  const unknownKey = fc
    .tuple(shape.chain(hostileFields), fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 20 })).filter((k) => !declared.has(k)), hostileValue)
    .map(([fields, key, value]): Body => ({ text: objectText([...fields, [key, JSON.stringify(value)]]), invalidBecause: `undeclared field ${JSON.stringify(key)}` }));
  const typed = shapes.flatMap((s) => Object.entries(s).flatMap(([key, field]) => (isJsonType(field.type) ? [{ shape: s, key, type: field.type }] : [])));
  const kinds: fc.Arbitrary<Body>[] = [nonObject, unknownKey];
  if (typed.length > 0) {
    kinds.push(
      fc.constantFrom(...typed).chain(({ shape: s, key, type }) =>
        fc.tuple(hostileFields(s), WRONG_TYPE[type]).map(([fields, value]): Body => ({
          text: objectText([...fields.filter(([k]) => k !== key), [key, JSON.stringify(value)]]),
          invalidBecause: `field ${key} is not of type ${type}`,
        })),
      ),
    );
  }
  const stringFields = typed.filter((t) => t.type === 'string');
  if (stringFields.length > 0) {
    kinds.push(
      fc.tuple(fc.constantFrom(...stringFields), fc.constantFrom(...HUGE_NUMERALS)).chain(([{ shape: s, key }, numeral]) =>
        hostileFields(s).map((fields): Body => ({ text: objectText([...fields.filter(([k]) => k !== key), [key, numeral]]), invalidBecause: `string field ${key} holds the numeral ${numeral}` })),
      ),
    );
  }
  kinds.push(shape.chain(hostileFields).map((fields): Body => ({ text: objectText(fields), invalidBecause: null })));
  return fc.oneof(...kinds);
}

function pathFor(route: FuzzRoute, realIds: string[]): fc.Arbitrary<string> {
  const param = fc.oneof(fc.constantFrom(...realIds), hostileString.map((s) => s.slice(0, 300)));
  return fc.tuple(...route.pathParams.map(() => param)).map((values) =>
    values.reduce((path, value, i) => path.replace(`{${route.pathParams[i]}}`, encode(value)), route.path),
  );
}

// A whole-number minPosition is pinned to 0: beyond the head it is a plain 400, and one inside the log could wait on a projection the fuzz keeps busy.
const queryValue = (key: string, value: string) => (key === 'minPosition' && /^\s*\d+\s*$/.test(value) ? '0' : value.slice(0, 2_000));

function queryFor(route: FuzzRoute): fc.Arbitrary<string> {
  const key = fc.constantFrom(...route.queryParams, ...HOSTILE_KEYS, 'minPosition', 'limit', 'cursor');
  return fc.array(fc.tuple(key, hostileString), { maxLength: 4 }).map((pairs) =>
    pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${encode(k)}=${encode(queryValue(k, v))}`).join('&')}`,
  );
}

function bodyFor(route: FuzzRoute): fc.Arbitrary<Body | null> {
  if (route.method === 'GET') return fc.constant(null);
  if (route.bodyShapes) return bodiesFor(route.bodyShapes);
  return fc.option(hostileValue.map((value): Body => ({ text: JSON.stringify(value), invalidBecause: null })));
}

/** Requests for `route`: hostile path params, query, headers, callers and bodies; `realIds` lets some reach existing entities. */
export function hostileRequests(route: FuzzRoute, realIds: string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      path: pathFor(route, realIds),
      query: queryFor(route),
      caller: fc.constantFrom(...CALLERS),
      forged: fc.constantFrom(...FORGED),
      body: bodyFor(route),
      contentType: fc.oneof({ weight: 4, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...ODD_CONTENT_TYPES) }),
      extra: fc.dictionary(fc.constantFrom('if-match', 'idempotency-key', 'x-correlation-id', 'accept', 'x-forwarded-for'), headerText, { maxKeys: 3 }),
    })
    .map(({ path, query, caller, forged, body, contentType, extra }) => {
      const unauthenticated = caller === 'anonymous' || caller === 'forged' ? `the caller is ${caller}` : null;
      return {
        method: route.method,
        url: `${path}${query}`,
        caller,
        forgedAuthorization: forged,
        headers: body ? { ...extra, 'content-type': contentType } : extra,
        payload: body?.text,
        invalidBecause: body?.invalidBecause ?? unauthenticated,
      };
    });
}
