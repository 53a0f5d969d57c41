import { hostname } from 'node:os';
import { createLogger } from '../../api/logger.js';
import { createMetricsRegistry } from '../../api/plugins/metrics.js';
import { loadConfig } from '../../config/config.js';
import { openEventStore, openReadStore } from '../../runtime/open-stores.js';
import { createProjectionRunner } from '../../runtime/projections.js';
import { closeOnSignal } from '../../runtime/shutdown.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';

// Renewed every ttl/3; a crashed worker's projections move to another worker within one ttl.
const LEASE_TTL_MS = 15_000;

export const projectCommand: CliCommand = {
  name: 'project',
  summary: 'run projection workers only (no HTTP); one active worker per projection via leases',
  usage: 'lendcore project [--owner <worker-name>]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { owner: { type: 'string' } });
    const config = loadConfig(io.env);
    const logger = createLogger(config.logLevel);
    const eventStore = await openEventStore(config);
    const readStore = await openReadStore(config).catch(async (error: unknown) => {
      await eventStore.close();
      throw error;
    });
    const owner = values.owner ?? `${hostname()}-${process.pid}`;
    const runner = createProjectionRunner({ eventStore, readStore, registry: createMetricsRegistry(), lease: { owner, ttlMs: LEASE_TTL_MS } });
    const close = async () => {
      await runner.stop();
      await readStore.close();
      await eventStore.close();
    };
    try {
      await runner.start();
    } catch (error) {
      await close();
      throw error;
    }
    io.out(`lendcore projection worker ${owner} running; SIGTERM or Ctrl-C to stop`);
    return closeOnSignal(close, logger);
  },
};
