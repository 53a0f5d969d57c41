import type { ResourceLimits } from 'node:worker_threads';

/**
 * V8 heap limits of the projection thread. Its young generation is capped at 8 MiB (V8 grows it to
 * 32 MiB under repayment load): the thread folds one event after another and keeps little of what
 * it allocates per event, so a small nursery means more scavenges but, in paired runs, no more CPU
 * per repayment, and the thread's heap stays about 24 MiB smaller under load (V8's own heap
 * statistics). The old generation keeps V8's default: the loan cache lives there.
 */
export const PROJECTION_THREAD_RESOURCE_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };
