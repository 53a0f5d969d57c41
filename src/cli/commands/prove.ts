import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../config/config.js';
import { CheckpointStore } from '../../integrity/checkpoint-store.js';
import { buildInclusionProof, checkInclusionProof } from '../../integrity/inclusion-proof.js';
import { openLogReader } from '../../integrity/open-log-reader.js';
import { sqliteLogFile } from '../../integrity/sqlite-log-file.js';
import { parseCommandArgs, required } from '../args.js';
import { UsageError, type CliCommand, type CliIo } from '../command.js';

export const proveCommand: CliCommand = {
  name: 'prove',
  summary: "print an event's inclusion proof against the latest checkpoint; --check verifies one with the public key alone",
  usage: 'lendcore prove <eventId> | lendcore prove --check <proof.json> --public-key <public.pem>',
  async run(args, io) {
    if (args[0] === '--check') return check(args, io);
    if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError('expected one event id');
    const config = loadConfig(io.env);
    const store = CheckpointStore.open(config.dataDir);
    const log = openLogReader(sqliteLogFile(config, 'lendcore prove'));
    try {
      const checkpoint = store.latest();
      if (checkpoint === null) {
        io.err('no checkpoint yet: run lendcore checkpoint');
        return 1;
      }
      io.out(JSON.stringify(buildInclusionProof(log, args[0]!, checkpoint, store.latestHeads()), null, 2));
      return 0;
    } finally {
      log.close();
      store.close();
    }
  },
};

async function check(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { check: { type: 'string' }, 'public-key': { type: 'string' } });
  const proofFile = required(values.check, 'check');
  const keyFile = required(values['public-key'], 'public-key');
  let document: unknown;
  try {
    document = JSON.parse(await readFile(proofFile, 'utf8')) as unknown;
  } catch (error) {
    io.err(`${proofFile}: not readable JSON (${(error as Error).message})`);
    return 1;
  }
  const failure = checkInclusionProof(document, await readFile(keyFile, 'utf8'));
  if (failure !== null) {
    io.err(`proof does NOT hold: ${failure}`);
    return 1;
  }
  const proof = document as { event: { eventId: string; streamId: string; revision: string }; checkpoint: { body: { sequence: string; root: string } } };
  io.out(`proof holds: event ${proof.event.eventId} (${proof.event.streamId} revision ${proof.event.revision}) is in checkpoint #${proof.checkpoint.body.sequence}, root ${proof.checkpoint.body.root}`);
  return 0;
}
