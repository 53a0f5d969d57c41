import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ProjectionThreadData, ThreadHandle } from '../../src/runtime/projection-thread-host.js';
import { PROJECTION_THREAD_RESOURCE_LIMITS } from '../../src/runtime/projection-thread-limits.js';

const HOOKS = new URL('./typescript-hooks.mjs', import.meta.url).href;

/**
 * A real Worker running one of the server's thread entries from its TypeScript sources (a path
 * under src/runtime/, e.g. 'projection-thread.ts'), loaded through typescript-hooks.mjs; `before`
 * runs first inside the thread (e.g. to make it crash).
 */
export function spawnTypeScriptWorker(entry: string, data: unknown, options: { before?: string; resourceLimits?: ResourceLimits } = {}): Worker {
  const source = new URL(`../../src/runtime/${entry}`, import.meta.url).href;
  const bootstrap = `
    const { register } = await import('node:module');
    register(${JSON.stringify(HOOKS)});
    ${options.before ?? ''}
    await import(${JSON.stringify(source)});
  `;
  return new Worker(bootstrap, { eval: true, workerData: data, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) });
}

/** The real projection thread, with the server's heap limits, so the tests run it as the server does. */
export function spawnTypeScriptThread(data: ProjectionThreadData, before = ''): ThreadHandle {
  return spawnTypeScriptWorker('projection-thread.ts', data, { before, resourceLimits: PROJECTION_THREAD_RESOURCE_LIMITS });
}
