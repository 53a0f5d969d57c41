import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_MALLOC_ARENA_MAX, SERVER_NODE_FLAGS } from '../../src/runtime/server-heap.js';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

/**
 * The server's memory settings live outside the process (a flag V8 reads at start-up, a variable
 * glibc reads before the first allocation): `npm start`, the image and the bench's server must
 * start it the same way, or the bench measures a server nobody runs.
 */
describe('the server starts with the same memory settings everywhere', () => {
  it('npm start passes the flags and the arena limit', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start ?? '';
    expect(start).toContain(`MALLOC_ARENA_MAX=${SERVER_MALLOC_ARENA_MAX} node ${SERVER_NODE_FLAGS.join(' ')} dist/src/cli/main.js serve`);
  });

  it('the image sets the arena limit and its CMD passes the flags', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(new RegExp(`^ENV .*MALLOC_ARENA_MAX=${SERVER_MALLOC_ARENA_MAX}\\b`, 'm'));
    expect(dockerfile).toContain(`CMD ${JSON.stringify(['node', ...SERVER_NODE_FLAGS, 'dist/src/cli/main.js', 'serve'])}`.replaceAll('","', '", "'));
  });
});
