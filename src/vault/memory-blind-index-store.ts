import type { BlindIndexHit, BlindIndexRow, BlindIndexStore } from './blind-index-store.js';

/** In-process blind index for tests and the harness. */
export class MemoryBlindIndexStore implements BlindIndexStore {
  private readonly rows = new Map<string, BlindIndexRow>();

  async put(rows: BlindIndexRow[]): Promise<void> {
    for (const row of rows) this.rows.set(`${row.token}\u0000${row.customerId}`, row);
  }

  async find(tokens: string[], afterCustomerId: string | null, limit: number): Promise<BlindIndexHit[]> {
    const wanted = new Set(tokens);
    const hits = new Map<string, Set<string>>();
    for (const row of this.rows.values()) {
      if (!wanted.has(row.token) || (afterCustomerId !== null && row.customerId <= afterCustomerId)) continue;
      hits.set(row.customerId, (hits.get(row.customerId) ?? new Set()).add(row.field));
    }
    return [...hits.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([customerId, fields]) => ({ customerId, fields: [...fields].sort() }));
  }

  async drop(customerId: string): Promise<void> {
    for (const [key, row] of this.rows) if (row.customerId === customerId) this.rows.delete(key);
  }

  async close(): Promise<void> {}
}
