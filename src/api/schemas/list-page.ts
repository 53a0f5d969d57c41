import { z } from 'zod';
import { minPositionParam } from '../routes/queries/read-your-writes.js';

/** The one list convention: `?limit=` (default 50, at most 200) and `?cursor=` from the previous page's `nextCursor`. */
export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE)
    .meta({ description: `Items per page, 1–${MAX_PAGE}`, example: DEFAULT_PAGE }),
  cursor: z.string().min(1).max(1_000).optional()
    .meta({ description: 'Opaque: the nextCursor of the previous page with the same filters and sort' }),
  minPosition: minPositionParam,
};

/** `{items, nextCursor}`: nextCursor is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Pass as ?cursor= for the next page; null on the last page' }),
  });
}
