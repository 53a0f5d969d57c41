/**
 * The entity tag of a loan summary: the loan stream's revision (the one If-Match takes on the
 * loan's commands) and, once close of business has run, the last closed business date its days
 * past due are aged to, since the summary ages each night with no event on the loan:
 * `"7"` before the first close, `"7@2026-03-31"` after. A strong tag: it names the exact body.
 */
export function loanSummaryTag(revision: bigint, closedThrough: string | null): string {
  return closedThrough === null ? `"${revision.toString()}"` : `"${revision.toString()}@${closedThrough}"`;
}

/**
 * True when an If-None-Match header names `tag`: `*`, or a comma-separated list of entity tags
 * compared weakly (RFC 9110 §13.1.2: `W/"7"` matches `"7"`). A header that is not such a list
 * matches nothing, so the full answer goes out.
 */
export function ifNoneMatchHits(header: string | string[] | undefined, tag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  const opaque = tag.replace(/^W\//, '');
  return value.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}
