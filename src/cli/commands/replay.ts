import { replay } from '../../../scripts/replay/rebuild.js';
import { loadConfig } from '../../config/config.js';
import { progressPrinter } from '../../projections/progress-bar.js';
import { openEventStore, openReadStore } from '../../runtime/open-stores.js';
import { PROJECTIONS } from '../../runtime/projections.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'rebuild read models from the whole log into shadows, then swap them in',
  usage: `lendcore replay [--projection <${PROJECTIONS.map((p) => p.name).join('|')}|all>]`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { projection: { type: 'string', default: 'all' } });
    const name = values.projection ?? 'all';
    if (name !== 'all' && !PROJECTIONS.some((p) => p.name === name)) throw new UsageError(`no projection named ${name}; known: ${PROJECTIONS.map((p) => p.name).join(', ')}, all`);
    const config = loadConfig(io.env);
    const eventStore = await openEventStore(config);
    try {
      const readStore = await openReadStore(config);
      try {
        const bar = progressPrinter(io.progress);
        const position = await replay({ eventStore, readStore, projections: PROJECTIONS, names: name === 'all' ? 'all' : [name], onProgress: bar.update });
        bar.done();
        io.out(`replayed ${name === 'all' ? PROJECTIONS.map((p) => p.name).join(', ') : name} up to position ${position}`);
        return 0;
      } finally {
        await readStore.close();
      }
    } finally {
      await eventStore.close();
    }
  },
};
