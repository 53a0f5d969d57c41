import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import type { ApiPlugin, AppDeps, ProjectionHealth } from '../../src/api/deps.js';
import { createLogger } from '../../src/api/logger.js';
import { createMetricsRegistry } from '../../src/api/plugins/metrics.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { EventStore } from '../../src/eventstore/port.js';
import type { ReadStore } from '../../src/readstore/port.js';
import { MemoryKeyStore } from '../../src/vault/memory-key-store.js';
import { PiiVault } from '../../src/vault/pii-vault.js';

export const SECRET = randomBytes(32);
export const NOW = new Date('2025-03-01T10:00:00Z');

export interface Harness {
  app: FastifyInstance;
  logLines: string[];
  clock: { now(): Date; set(date: Date): void };
}

export interface HarnessOptions {
  routes?: ApiPlugin[];
  rateLimitPerMinute?: number;
  corsOrigins?: string[];
  oidc?: Config['oidc'];
  eventStoreUp?: boolean;
  projections?: ProjectionHealth;
  environment?: 'production' | 'development';
}

/** The shell only touches these two store methods (in /ready); the rest are never called here. */
function stubStores(up: boolean): { eventStore: EventStore; readStore: ReadStore } {
  const reach = async <T>(value: T): Promise<T> => {
    if (!up) throw new Error('connection refused');
    return value;
  };
  return {
    eventStore: { headPosition: () => reach(0n) } as Partial<EventStore> as EventStore,
    readStore: { getCheckpoint: () => Promise.resolve(null) } as Partial<ReadStore> as ReadStore,
  };
}

export async function harness(options: HarnessOptions = {}): Promise<Harness> {
  let now = NOW;
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const config = { ...loadConfig({}), rateLimitPerMinute: options.rateLimitPerMinute ?? 0, corsOrigins: options.corsOrigins ?? [], oidc: options.oidc ?? null, environment: options.environment ?? 'production' } as const;
  const deps: AppDeps = {
    ...stubStores(options.eventStoreUp ?? true),
    vault: new PiiVault(new MemoryKeyStore()),
    config,
    jwtSecret: SECRET,
    logger: createLogger('info', sink),
    clock: { now: () => now },
    metrics: createMetricsRegistry(),
    routes: options.routes ?? [],
    ...(options.projections ? { projections: options.projections } : {}),
  };
  const app = await buildApp(deps);
  await app.ready();
  return { app, logLines, clock: { now: () => now, set: (d) => (now = d) } };
}
