import type { Doc } from '../../src/readstore/port.js';
import type { Projection } from '../../src/projections/projection.js';

export const KNOWN = new Set(['Counted', 'Ignored', 'Exploded', 'Renamed']);

interface Counter extends Doc {
  count: number;
  stream: string;
}

/** Counts events per stream; `Exploded` throws. `version` and `label` let a test tell rebuilt models apart. */
export function countingProjection(version = 1, label = `v${version}`): Projection {
  return {
    name: 'counts',
    version,
    collections: [{ name: 'counters', indexes: ['stream', 'count'] }],
    handlers: {
      Counted: async (event, ctx) => {
        const current = await ctx.get<Counter>('counters', event.streamId);
        ctx.put('counters', { id: event.streamId, stream: event.streamId, count: (current?.count ?? 0) + 1, label });
      },
      Exploded: () => {
        throw new Error('boom');
      },
    },
  };
}

/** Appends one document per event: a second application of an event would show as a duplicate id. */
export function journalProjection(): Projection {
  return {
    name: 'journal',
    version: 1,
    collections: [{ name: 'journal', indexes: ['type'] }],
    handlers: {
      Counted: (event, ctx) => ctx.put('journal', { id: String(event.position), type: event.type }),
    },
  };
}
