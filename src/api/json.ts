/**
 * Revisions and positions are bigint at the ports; JSON has no bigint, and a JS number loses
 * precision past 2^53, so they cross the wire as decimal strings.
 */
export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** JSON.stringify that writes every bigint as a decimal string instead of throwing. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, bigintReplacer);
}
