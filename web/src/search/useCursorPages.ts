import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Forward-and-back paging over opaque server cursors, kept in the query string (`?cursor=…&cursor=…`, one per
 * page past the first, under `name`) so a reload, the browser's back button or a shared link keep the page —
 * and "previous" needs no cursor from the server. Each page is a history entry. `reset` goes back to the first
 * page, applying `change` to the same query (new filters) in one step.
 */
export function useCursorPages(name = 'cursor') {
  const [params, setParams] = useSearchParams();
  const trail = params.getAll(name);
  const cursor = trail.at(-1);
  const setTrail = useCallback((step: (trail: string[]) => string[], change?: (next: URLSearchParams) => void) => setParams((current) => {
    const next = new URLSearchParams(current);
    const kept = step(current.getAll(name));
    next.delete(name);
    for (const c of kept) next.append(name, c);
    change?.(next);
    return next;
  }), [name, setParams]);
  const next = useCallback((nextCursor: string) => setTrail((t) => [...t, nextCursor]), [setTrail]);
  const previous = useCallback(() => setTrail((t) => t.slice(0, -1)), [setTrail]);
  const reset = useCallback((change?: (next: URLSearchParams) => void) => setTrail(() => [], change), [setTrail]);
  return { cursor, page: trail.length + 1, next, previous, reset };
}
