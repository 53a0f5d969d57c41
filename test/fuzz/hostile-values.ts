import fc from 'fast-check';

/** Strings that have broken parsers before: huge and odd numerals, impossible dates, control and bidi characters, injections. */
export const TRICKY_STRINGS = [
  '1e309', '-1e309', '99999999999999999999.999', '0.0000000000000000000001', '-0', 'NaN', 'Infinity', '0x1F', '1_000', '１２３',
  '2025-02-30', '2025-13-01', '0000-00-00', '+275760-09-13', '2025-02-28T25:61:00Z', '',
  ' ', '\u0000', '\u202e1234', '\ud800', '😀'.repeat(50), 'é\u0301', '<script>alert(1)</script>', "'; DROP TABLE events;--",
  '../../etc/passwd', '%00', '__proto__', 'constructor', 'prototype', 'toString', 'null', 'undefined', 'true',
];

/** Keys that try prototype pollution or that no schema declares. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'isAdmin', 'role', '$where', '', ' ', 'ключ', '\u0000'];

/** Raw JSON numerals JSON.stringify cannot produce (they parse to Infinity, 0 or a rounded double). */
export const HUGE_NUMERALS = ['1e309', '-1e309', '99999999999999999999.999', '1e-400', '123456789012345678901234567890'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
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

/** Any JSON value a hostile client might put where a field goes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...HOSTILE_KEYS), hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: deeplyNested },
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
