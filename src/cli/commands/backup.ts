import { loadConfig } from '../../config/config.js';
import { existingMasterKey } from '../../backup/existing-master-key.js';
import { takeBackup } from '../../backup/take-backup.js';
import { sqliteLogFile } from '../../integrity/sqlite-log-file.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'online, consistent backup of the log, checkpoints and key store (sealed under the master key) into a new folder, with a manifest',
  usage: 'lendcore backup <dir> [--read-models]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgsWithDir(args);
    const config = loadConfig(io.env);
    const readModelsFile = values['read-models'] === true ? readModelsPath(config) : null;
    const manifest = await takeBackup(
      { logFile: sqliteLogFile(config, 'lendcore backup'), dataDir: config.dataDir, readModelsFile, masterKey: existingMasterKey(config) },
      positionals,
      new Date(),
    );
    const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
    io.out(`backup written to ${positionals}: log up to position ${manifest.position}, ${manifest.files.length} files, ${bytes} bytes (manifest.json lists sha256 of each)`);
    io.out('keep master.key apart from this backup: the key store and signing key in it are sealed under it');
    return 0;
  },
};

function parseCommandArgsWithDir(args: string[]) {
  const dirs = args.filter((arg) => !arg.startsWith('--'));
  if (dirs.length !== 1) throw new UsageError('expected one backup folder');
  if (dirs[0]!.trim() === '') throw new UsageError('the backup folder is empty: give a path');
  const { values } = parseCommandArgs(args.filter((arg) => arg.startsWith('--')), { 'read-models': { type: 'boolean' } });
  return { values, positionals: dirs[0]! };
}

function readModelsPath(config: ReturnType<typeof loadConfig>): string {
  if (config.readStore.kind !== 'sqlite') throw new UsageError('--read-models copies the embedded read-model file; with MongoDB use mongodump (docs/operations.md)');
  return config.readStore.path;
}
