import { createLogger } from '../../api/logger.js';
import { loadConfig } from '../../config/config.js';
import { startProjectionWorkerProcess } from '../../runtime/projection-worker-process.js';
import { closeOnSignal } from '../../runtime/shutdown.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

export const projectCommand: CliCommand = {
  name: 'project',
  summary: 'run projection workers only (no HTTP API); one active worker per projection via leases',
  usage: 'lendcore project [--owner <worker-name>] [--metrics-port <port>]  (serves /metrics and /health there)',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { owner: { type: 'string' }, 'metrics-port': { type: 'string' } });
    const metricsPort = values['metrics-port'];
    if (metricsPort !== undefined && !(/^\d{1,5}$/.test(metricsPort) && Number(metricsPort) <= 65_535)) {
      throw new UsageError('--metrics-port must be a port number from 0 to 65535');
    }
    const config = loadConfig(io.env);
    const logger = createLogger(config.logLevel);
    const worker = await startProjectionWorkerProcess({
      config, logger, ...(values.owner ? { owner: values.owner } : {}), ...(metricsPort === undefined ? {} : { metricsPort: Number(metricsPort) }),
    });
    const metrics = worker.metricsUrl ? `; metrics at ${worker.metricsUrl}/metrics` : '';
    io.out(`lendcore projection worker ${worker.owner} running${metrics}; SIGTERM or Ctrl-C to stop`);
    return closeOnSignal(worker.close, logger);
  },
};
