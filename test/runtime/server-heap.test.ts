import { describe, expect, it } from 'vitest';
import { limitServerHeapGrowth } from '../../src/runtime/server-heap.js';

describe('limitServerHeapGrowth', () => {
  it('refuses a growth that is not a positive whole percent (V8 would read 0 as "choose yourself")', () => {
    expect(() => limitServerHeapGrowth(0)).toThrow(/positive integer, got 0/);
    expect(() => limitServerHeapGrowth(12.5)).toThrow(/positive integer/);
  });

  it('sets the flag without complaint for a valid percent', () => {
    expect(() => limitServerHeapGrowth(30)).not.toThrow();
  });
});
