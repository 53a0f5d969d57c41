import { canonicalJson } from '../../eventstore/canonical-json.js';

/** Where two versions of a document part ways; `undefined` on a side means the field is absent there. */
export interface FieldDifference {
  /** `outstanding.total`, `rows[3].paid`; empty when the documents differ as a whole (e.g. one is null). */
  path: string;
  live: unknown;
  rebuilt: unknown;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The first field (keys in sorted order, array items by index) where the two values differ canonically; null when equal. */
export function firstDifference(live: unknown, rebuilt: unknown, path = ''): FieldDifference | null {
  if (isRecord(live) && isRecord(rebuilt)) {
    const keys = [...new Set([...Object.keys(live), ...Object.keys(rebuilt)])].sort();
    for (const key of keys) {
      const found = firstDifference(live[key], rebuilt[key], IDENTIFIER.test(key) ? join(path, key) : `${path}[${JSON.stringify(key)}]`);
      if (found) return found;
    }
    return null;
  }
  if (Array.isArray(live) && Array.isArray(rebuilt)) {
    for (let index = 0; index < Math.max(live.length, rebuilt.length); index++) {
      const found = firstDifference(live[index], rebuilt[index], `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  return sameJson(live, rebuilt) ? null : { path, live, rebuilt };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

// An absent field equals an undefined one (JSON drops both); everything else compares as canonical JSON.
function sameJson(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}
