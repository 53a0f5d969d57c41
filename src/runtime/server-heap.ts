import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets a server's old generation grow past what the last full collection kept, in
 * percent (V8's `--heap-growing-percent`). Left to itself V8 sets the next full collection at up
 * to 4x the live heap: under repayment load the HTTP thread promoted short-lived request objects
 * until its heap was twice its live ~55 MiB, with no full collection in a minute of load. At 30 %
 * it collects once promotions pass a third of the live heap: in paired bench runs (2 000 loans,
 * 50 connections) peak RSS fell from 332 to 292 MiB and both V8 heaps by a fifth, for no
 * measurable CPU per repayment.
 */
export const SERVER_HEAP_GROWING_PERCENT = 30;

/**
 * Applies SERVER_HEAP_GROWING_PERCENT to this process: V8 flags are process-wide, so it also holds
 * for threads started afterwards (the projection thread). V8 reads the flag at each full
 * collection, so setting it after start-up takes effect from the next one; `--heap-growing-percent`
 * is not allowed in NODE_OPTIONS, so the server sets it itself.
 */
export function limitServerHeapGrowth(percent = SERVER_HEAP_GROWING_PERCENT): void {
  if (!Number.isSafeInteger(percent) || percent <= 0) throw new Error(`heap growing percent must be a positive integer, got ${percent}`);
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * Node flags the server process starts with: `npm start`, the image's CMD and the bench's server
 * pass them, and a test keeps the three the same. `--max-semi-space-size=8` caps the HTTP thread's
 * young generation at 2 × 8 MiB instead of V8's 2 × 16 MiB (the projection thread's is capped
 * through its resource limits, projection-thread-limits.ts). V8 sizes the young generation when the
 * isolate is created, so `setFlagsFromString` cannot change it after start-up. Paired bench runs
 * under repayment load (README, Benchmarks): peak RSS 6–17 MiB lower, no CPU per repayment the
 * machine's noise could show; 4 MiB raised the peak instead (more objects promoted).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

/**
 * glibc's `MALLOC_ARENA_MAX` for the server process, as `npm start`, the image and the bench set it
 * (glibc reads it before the first allocation, so the process cannot set it itself).
 */
export const SERVER_MALLOC_ARENA_MAX = '2';
