import fc from 'fast-check';

/** Strings that have broken parsers before: huge and odd numerals, impossible dates, control and bidi characters, injections. */
export const TRICKY_STRINGS = [
  '1e309', '-1e309', '99999999999999999999.999', '0.0000000000000000000001', '-0', 'NaN', 'Infinity', '0x1F', '1_000', '１２３',
  '2025-02-30', '2025-13-01', '0000-00-00', '+275760-09-13', '2025-02-28T25:61:00Z', '',
  ' ', '\u0000', '\u202e1234', '\ud800', '😀'.repeat(50), 'é\u0301', '<script>alert(1)</script>', "'; DROP TABLE events;--",
  '../../etc/passwd', '%00', '__proto__', 'constructor', 'prototype', 'toString', 'null', 'undefined', 'true',
];

/**
 * Values shaped like what the API takes, each wrong the way a lender's system must notice:
 * negative amounts, amounts with 9 decimals or beyond 15 integer digits, impossible dates, ids
 * that are not UUIDs or that try to walk the path.
 */
export const NEAR_MISSES = [
  '-100.00', '-0.01', '1.123456789', '100.000000001', '0.000000001', '1000000000000000000000.00', '12.', '.5', '+1.00',
  '2026-02-30', '2026-02-29', '2025-04-31', '2026-00-10', '2026-1-5', '20260105', '2026-01-05T00:00:00Z',
  'not-a-uuid', '0193e0a2-7b3c-7d41-9a5e-2f6c1b9e4d1', '0193E0A2-7B3C-7D41-9A5E-2F6C1B9E4D10', '../loan-1', 'loan 1', 'a'.repeat(65),
];

/** Keys that try prototype pollution or that no schema declares. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'isAdmin', 'role', '$where', '', ' ', 'ключ', '\u0000'];

/** Raw JSON numerals JSON.stringify cannot produce (they parse to Infinity, 0 or a rounded double). */
export const HUGE_NUMERALS = ['1e309', '-1e309', '99999999999999999999.999', '1e-400', '123456789012345678901234567890'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...NEAR_MISSES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\n', '\r', '\t', '\u2028', '\u00a0', 'a'), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1, 5e-324, -1, 2 ** 53),
  // Finite only: JSON.stringify turns NaN and Infinity into null, which nullable fields accept.
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** An array or object nested `depth` levels deep, the shape that exhausts recursive validators. */
export const deeplyNested: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
    return value;
  });

/** An array of 1 000 to 40 000 small items (well under the 1 MiB body limit): the shape that makes a validator or a fold loop long. */
export const oversizedArray: fc.Arbitrary<unknown[]> = fc
  .integer({ min: 1_000, max: 40_000 })
  .map((length) => Array.from({ length }, (_, i) => (i % 3 === 0 ? { amount: '1.00' } : i % 3 === 1 ? 'x' : i)));

/** Any JSON value a hostile client might put where a field goes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...HOSTILE_KEYS), hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: oversizedArray },
);

export const JSON_TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

export const isJsonType = (type: unknown): type is JsonType => (JSON_TYPES as readonly unknown[]).includes(type);

const numericText = fc.constantFrom('12', '1e309', '99999999999999999999.999');

/** For each declared JSON type, values of another type (never null, which nullable fields accept). */
export const WRONG_TYPE: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: fc.oneof(hostileNumber, fc.boolean(), fc.array(hostileString, { maxLength: 3 }), fc.constant({ amount: '1.00' }), deeplyNested),
  integer: fc.oneof(numericText, fc.boolean(), fc.constant([1]), fc.constant({ value: 1 })),
  number: fc.oneof(numericText, fc.boolean(), fc.constant([1]), fc.constant({ value: 1 })),
  boolean: fc.oneof(fc.constantFrom('true', 'false', '1'), fc.constant(1), fc.constant({})),
  object: fc.oneof(fc.array(hostileString, { maxLength: 3 }), hostileString, hostileNumber),
  array: fc.oneof(fc.constant({ 0: 'a', length: 1 }), hostileString, hostileNumber),
};
