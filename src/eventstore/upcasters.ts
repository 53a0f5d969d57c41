/** Turns an event's payload of one schema version into the next version's shape. */
export type Upcaster = (data: unknown) => unknown;

/**
 * Schema evolution on read: the log keeps every event as written, with its schemaVersion, and
 * readers get the newest shape. Upcasters chain one version at a time (v1→v2→v3), so each one is
 * written once, against the version right before it.
 */
export class Upcasters {
  private readonly chains = new Map<string, Upcaster[]>();

  /** Registers fromVersion → fromVersion+1; versions must be registered in order, starting at 1. */
  register(type: string, fromVersion: number, upcast: Upcaster): this {
    const chain = this.chains.get(type) ?? [];
    if (fromVersion !== chain.length + 1) {
      throw new Error(`upcaster for ${type} v${fromVersion}: expected v${chain.length + 1} next`);
    }
    chain.push(upcast);
    this.chains.set(type, chain);
    return this;
  }

  /** The newest schema version of `type` (1 when it never changed). */
  currentVersion(type: string): number {
    return (this.chains.get(type)?.length ?? 0) + 1;
  }

  /** Returns `data` in the newest shape; refuses versions this code cannot know. */
  upcast(type: string, version: number, data: unknown): { schemaVersion: number; data: unknown } {
    const current = this.currentVersion(type);
    if (!Number.isInteger(version) || version < 1 || version > current) {
      throw new Error(`${type} schema v${version} is unknown here (newest known: v${current})`);
    }
    const chain = this.chains.get(type) ?? [];
    let upcast = data;
    for (let v = version; v < current; v++) upcast = chain[v - 1]!(upcast);
    return { schemaVersion: current, data: upcast };
  }
}
