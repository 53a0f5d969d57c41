import { useCallback, useState } from 'react';

/**
 * Forward-and-back paging over opaque server cursors: the cursors of the pages already seen are
 * kept so "previous" needs no cursor from the server. `reset` goes back to the first page (new filters).
 */
export function useCursorPages() {
  const [trail, setTrail] = useState<string[]>([]);
  const cursor = trail.at(-1);
  const next = useCallback((nextCursor: string) => setTrail((t) => [...t, nextCursor]), []);
  const previous = useCallback(() => setTrail((t) => t.slice(0, -1)), []);
  const reset = useCallback(() => setTrail([]), []);
  return { cursor, page: trail.length + 1, next, previous, reset };
}
