import type { CliCommand } from '../command.js';
import { backupCommand } from './backup.js';
import { checkpointCommand } from './checkpoint.js';
import { demoCommand } from './demo.js';
import { eodCommand } from './eod.js';
import { historyCommand } from './history.js';
import { importCommand } from './import.js';
import { outboxCommand } from './outbox.js';
import { projectCommand } from './project.js';
import { proveCommand } from './prove.js';
import { replayCommand } from './replay.js';
import { restoreCommand } from './restore.js';
import { sandboxCommand } from './sandbox.js';
import { serveCommand } from './serve.js';
import { tokenCommand } from './token.js';
import { usersCommand } from './users.js';
import { verifyCommand } from './verify.js';

/**
 * Every `lendcore` subcommand, in the order `--help` lists them. To add one (eod, demo, history,
 * bench...), write `src/cli/commands/<name>.ts` exporting a CliCommand and append it here.
 */
export const COMMANDS: CliCommand[] = [serveCommand, tokenCommand, verifyCommand, checkpointCommand, proveCommand, backupCommand, restoreCommand, replayCommand, projectCommand, historyCommand, eodCommand, demoCommand, importCommand, sandboxCommand, usersCommand, outboxCommand];
