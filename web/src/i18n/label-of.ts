/** Any translate function (the catalog's keys are narrower than string: a code becomes a key by a cast). */
export type Lookup = (key: never) => string;

/**
 * The label of a code the server sends (`prefix` + value, e.g. `status.` + `written_off`), or the
 * value itself when the catalog has none: a new server value shows raw rather than as a key.
 */
export function labelOf(t: Lookup, prefix: string, value: string): string {
  const key = `${prefix}${value}`;
  const label = t(key as never);
  return label === key ? value : label;
}
