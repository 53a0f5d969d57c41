import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/eventstore/uuidv7.js';

describe('uuidv7', () => {
  it('has version 7, variant 10, and the millisecond timestamp in its first 48 bits', () => {
    const at = Date.UTC(2026, 10, 25, 10, 55, 5, 123);
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    for (const edge of [0, 2 ** 32 - 1, 2 ** 32, 2 ** 48 - 1]) expect(parseInt(uuidv7(edge).replace(/-/g, '').slice(0, 12), 16)).toBe(edge);
  });

  it('sorts by creation millisecond and does not repeat', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => uuidv7(1_700_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1_000 }, () => uuidv7(0))).size).toBe(1_000);
  });
});
