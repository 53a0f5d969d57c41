import { loadConfig } from '../../config/config.js';
import { existingMasterKey } from '../../backup/existing-master-key.js';
import { restoreBackup } from '../../backup/restore-backup.js';
import { describeFinding } from '../../integrity/findings.js';
import { resolveIntegrityKeys } from '../../integrity/integrity-keys.js';
import { sqliteLogFile } from '../../integrity/sqlite-log-file.js';
import { verifySqliteLog } from '../../integrity/verify-sqlite-log.js';
import { UsageError, type CliCommand } from '../command.js';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'restore a backup folder into an empty data dir (master.key put back first), then run verify on it',
  usage: 'lendcore restore <dir> [--unauthenticated-manifest]',
  async run(argv, io) {
    const acceptUnauthenticatedManifest = argv.includes('--unauthenticated-manifest');
    const args = argv.filter((arg) => arg !== '--unauthenticated-manifest');
    if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError('expected one backup folder');
    const config = loadConfig(io.env);
    const logFile = sqliteLogFile(config, 'lendcore restore');
    const readModelsFile = config.readStore.kind === 'sqlite' ? config.readStore.path : `${config.dataDir}/readmodels.db`;
    const manifest = await restoreBackup(args[0]!, {
      dataDir: config.dataDir, logFile, readModelsFile, masterKey: existingMasterKey(config), signingKeyFromEnv: config.signingKey !== null, acceptUnauthenticatedManifest,
    });
    io.out(`restored ${manifest.files.length} files of the backup taken ${manifest.createdAt} (log up to position ${manifest.position}) into ${config.dataDir}`);
    const report = verifySqliteLog(logFile, config.dataDir, await resolveIntegrityKeys(config.dataDir, config.signingKey));
    for (const finding of report.findings) io.err(describeFinding(finding));
    if (report.findings.length > 0) {
      io.err(`verify failed on the restored data: ${report.findings.length} finding(s); do not start the server on it`);
      return 1;
    }
    io.out(`verify ok: ${report.streams} streams, ${report.events} events, ${report.checkpoints} checkpoints; start the server (read models not in the backup are rebuilt on start)`);
    return 0;
  },
};
