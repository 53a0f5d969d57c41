import { describe, expect, it } from 'vitest';
import { StreamLocks } from '../../src/commands/stream-locks.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('StreamLocks', () => {
  it('runs work on one stream one at a time, in arrival order, and streams independently', async () => {
    const locks = new StreamLocks();
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([locks.run('a', work('a1')), locks.run('a', work('a2')), locks.run('b', work('b1'))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('releases the stream when the work fails', async () => {
    const locks = new StreamLocks();
    await expect(locks.run('a', async () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect(await locks.run('a', async () => 'next')).toBe('next');
  });
});
