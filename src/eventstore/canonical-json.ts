/**
 * Canonical JSON: object keys sorted, no whitespace, so equal values always give equal bytes
 * (the hash chain and request hashes depend on it). A bigint becomes a decimal string, as
 * bigints cross JSON everywhere in lendcore; `toJSON` is honoured (Decimal, Date); undefined
 * object members are dropped like JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  const text = encode(value);
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON form');
  return text;
}

function encode(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // NaN and Infinity would silently become null and make two different values hash alike.
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return encodeObject(value as object);
  }
}

function encodeObject(value: object): string {
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return encode(withToJson.toJSON()) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => encode(item) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = encode(record[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
