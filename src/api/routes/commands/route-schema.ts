import type { z } from 'zod';
import { commandHeaders, commandResponse } from '../../schemas/common.js';

/** The schema every command route shares (headers, responses), plus its own body and params. */
export function commandSchema<Parts extends { body: z.ZodType; params?: z.ZodType }>(tag: string, summary: string, parts: Parts) {
  return {
    tags: [tag],
    summary,
    headers: commandHeaders,
    ...parts,
    response: {
      200: commandResponse.meta({ description: 'Nothing new: a replayed Idempotency-Key or reference, or a repeated erasure' }),
      201: commandResponse,
    },
  };
}
