import { Worker } from 'node:worker_threads';
import type { ProjectionThreadData, ThreadHandle } from '../../src/runtime/projection-thread-host.js';
import { PROJECTION_THREAD_RESOURCE_LIMITS } from '../../src/runtime/projection-thread-limits.js';

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
  // The server's heap limits, so the tests run the thread as the server does.
  return new Worker(bootstrap, { eval: true, workerData: data, resourceLimits: PROJECTION_THREAD_RESOURCE_LIMITS });
}
