import { loadConfig } from '../../config/config.js';
import { openRuntime } from '../../runtime/open-runtime.js';
import { closeOnSignal } from '../../runtime/shutdown.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'start the HTTP API (with projectors unless --projectors=off)',
  usage: 'lendcore serve [--projectors=on|off]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { projectors: { type: 'string' } });
    if (values.projectors !== undefined && !['on', 'off'].includes(values.projectors)) throw new UsageError('--projectors must be on or off');
    const env = values.projectors ? { ...io.env, LENDCORE_PROJECTORS: values.projectors } : io.env;
    const config = loadConfig(env);
    const runtime = await openRuntime(config);
    try {
      const address = await runtime.app.listen({ port: config.port, host: config.host });
      io.out(`lendcore listening on ${address} (docs at ${address}/docs)`);
    } catch (error) {
      await runtime.close();
      throw error;
    }
    return closeOnSignal(runtime.close, runtime.logger);
  },
};
