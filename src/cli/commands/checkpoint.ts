import { loadConfig } from '../../config/config.js';
import { CheckpointStore } from '../../integrity/checkpoint-store.js';
import { resolveIntegrityKeys } from '../../integrity/integrity-keys.js';
import { openLogReader } from '../../integrity/open-log-reader.js';
import { sqliteLogFile } from '../../integrity/sqlite-log-file.js';
import { writeCheckpoint } from '../../integrity/write-checkpoint.js';
import { UsageError, type CliCommand } from '../command.js';

export const checkpointCommand: CliCommand = {
  name: 'checkpoint',
  summary: 'sign a checkpoint of every stream head now; `checkpoint export` prints the latest signed root as JSON',
  usage: 'lendcore checkpoint [export | --trust-heads-without-mac]',
  async run(args, io) {
    const trust = args.length === 1 && args[0] === '--trust-heads-without-mac';
    if (args.length > 1 || (args.length === 1 && args[0] !== 'export' && !trust)) throw new UsageError(`unexpected argument(s): ${args.join(' ')}`);
    const config = loadConfig(io.env);
    const logFile = sqliteLogFile(config, 'lendcore checkpoint');
    const keys = await resolveIntegrityKeys(config.dataDir, config.signingKey);
    const store = CheckpointStore.open(config.dataDir);
    try {
      if (args[0] === 'export') {
        const latest = store.latest();
        if (latest === null) {
          io.err('no checkpoint yet: run lendcore checkpoint (the server writes one at start and every LENDCORE_CHECKPOINT_SECONDS)');
          return 1;
        }
        io.out(JSON.stringify({ ...latest, publicKey: keys.publicKeyPem }, null, 2));
        return 0;
      }
      const log = openLogReader(logFile);
      try {
        const { checkpoint, written } = writeCheckpoint(log, store, keys, new Date(), { trustHeadsWithoutMac: trust });
        const what = written ? 'signed' : 'unchanged, latest is';
        io.out(`checkpoint ${what} #${checkpoint.body.sequence}: position ${checkpoint.body.position}, ${checkpoint.body.streams} streams, root ${checkpoint.body.root}`);
        return 0;
      } finally {
        log.close();
      }
    } finally {
      store.close();
    }
  },
};
