import { replayCheck } from '../../../scripts/replay/check.js';
import { replay } from '../../../scripts/replay/rebuild.js';
import { openScratchReadStore } from '../../../scripts/replay/scratch-read-store.js';
import { loadConfig, type Config } from '../../config/config.js';
import type { EventStore } from '../../eventstore/port.js';
import { describeComparison } from '../../projections/compare/describe-comparison.js';
import { progressPrinter } from '../../projections/progress-bar.js';
import type { Projection } from '../../projections/projection.js';
import { openEventStore, openReadStore } from '../../runtime/open-stores.js';
import { PROJECTIONS, projectionsFor } from '../../runtime/projections.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand, type CliIo } from '../command.js';

const NAMES = PROJECTIONS.map((p) => p.name).join('|');
const DEFAULT_WAIT_SECONDS = 30;

export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'rebuild read models from the whole log into shadows, then swap them in; --check compares a rebuild with the live models instead',
  usage: `lendcore replay [--projection <${NAMES}|all>] [--check [--wait SECONDS (default ${DEFAULT_WAIT_SECONDS})]]`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      projection: { type: 'string', default: 'all' },
      check: { type: 'boolean', default: false },
      wait: { type: 'string' },
    });
    const name = values.projection ?? 'all';
    if (name !== 'all' && !PROJECTIONS.some((p) => p.name === name)) throw new UsageError(`no projection named ${name}; known: ${PROJECTIONS.map((p) => p.name).join(', ')}, all`);
    if (values.wait !== undefined && !values.check) throw new UsageError('--wait goes with --check');
    const waitSeconds = values.wait === undefined ? DEFAULT_WAIT_SECONDS : seconds(values.wait);
    const config = loadConfig(io.env);
    const eventStore = await openEventStore(config);
    try {
      const kept = projectionsFor(eventStore);
      if (name !== 'all' && !kept.some((p) => p.name === name)) {
        throw new UsageError(`${name} is not kept over this log (a SQLite log answers audit queries itself); known: ${kept.map((p) => p.name).join(', ')}, all`);
      }
      const selected = name === 'all' ? kept : kept.filter((p) => p.name === name);
      return values.check ? await check(config, eventStore, selected, waitSeconds, io) : await rebuild(config, eventStore, kept, name, io);
    } finally {
      await eventStore.close();
    }
  },
};

function seconds(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--wait must be a whole number of seconds, got "${value}"`);
  return Number(value);
}

async function rebuild(config: Config, eventStore: EventStore, kept: Projection[], name: string, io: CliIo): Promise<number> {
  const readStore = await openReadStore(config);
  try {
    const bar = progressPrinter(io.progress);
    const position = await replay({ eventStore, readStore, projections: kept, names: name === 'all' ? 'all' : [name], onProgress: bar.update });
    bar.done();
    io.out(`replayed ${name === 'all' ? kept.map((p) => p.name).join(', ') : name} up to position ${position}`);
    return 0;
  } finally {
    await readStore.close();
  }
}

// Exit 0 only when every document of every checked collection is identical to its rebuild.
async function check(config: Config, eventStore: EventStore, projections: Projection[], waitSeconds: number, io: CliIo): Promise<number> {
  const live = await openReadStore(config);
  try {
    const scratch = await openScratchReadStore(config.readStore);
    try {
      const bar = progressPrinter(io.progress);
      const started = performance.now();
      const result = await replayCheck({
        eventStore, live, scratch: scratch.store, projections, waitMs: waitSeconds * 1_000, onProgress: bar.update,
        onRebuilt: (position) => {
          bar.done();
          io.err(`rebuilt into ${scratch.where} up to position ${position}; comparing with the live read models`);
        },
      });
      for (const line of describeComparison(result.comparisons)) io.out(line);
      const took = `${((performance.now() - started) / 1_000).toFixed(1)} s`;
      if (result.identical) {
        io.out(`replay check: identical, ${projections.length} projection(s) rebuilt from the log to position ${result.rebuiltTo} match the live read models (${took})`);
        return 0;
      }
      io.out(`replay check FAILED: the live read models differ from a rebuild of the log (${took})`);
      return 1;
    } finally {
      await scratch.discard();
    }
  } finally {
    await live.close();
  }
}
