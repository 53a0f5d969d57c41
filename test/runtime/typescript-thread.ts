import { Worker } from 'node:worker_threads';
import type { ProjectionThreadData, ThreadHandle } from '../../src/runtime/projection-thread-host.js';

const HOOKS = new URL('./typescript-hooks.mjs', import.meta.url).href;
const ENTRY = new URL('../../src/runtime/projection-thread.ts', import.meta.url).href;

/**
 * The real projection thread (src/runtime/projection-thread.ts in a real Worker), loaded from the
 * TypeScript sources through typescript-hooks.mjs; `before` runs first inside the thread (e.g. to
 * make it crash).
 */
export function spawnTypeScriptThread(data: ProjectionThreadData, before = ''): ThreadHandle {
  const bootstrap = `
    const { register } = await import('node:module');
    register(${JSON.stringify(HOOKS)});
    ${before}
    await import(${JSON.stringify(ENTRY)});
  `;
  return new Worker(bootstrap, { eval: true, workerData: data });
}
