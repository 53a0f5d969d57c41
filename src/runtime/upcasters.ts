import { EVENT_UPCASTS } from '../domain/event-versions.js';
import { Upcasters } from '../eventstore/upcasters.js';

/** The upcaster registry every lendcore event store is opened with. */
export function lendcoreUpcasters(): Upcasters {
  const registry = new Upcasters();
  for (const { type, fromVersion, upcast } of EVENT_UPCASTS) registry.register(type, fromVersion, upcast);
  return registry;
}
