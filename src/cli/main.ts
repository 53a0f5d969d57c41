import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config/config.js';
import { UsageError, type CliCommand, type CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: process.stderr,
  env: process.env,
};

export function helpText(commands: CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: lendcore <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'lendcore <command> --help shows a command\'s options. Configuration comes from the environment (see README).',
  ].join('\n');
}

/** Runs one subcommand and returns the exit code: 0 ok, 1 failed, 2 bad usage or unknown command. */
export async function main(argv: string[], io: CliIo = processIo, commands: CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`lendcore: unknown command "${name}"\n\n${helpText(commands)}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`lendcore ${name}: ${error.message}\nusage: ${command.usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 1;
    }
    io.err(`lendcore ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Run when started as a program: directly, or through bin/lendcore.js (which only imports this file).
function startedAsProgram(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    const real = realpathSync(entry);
    return real === fileURLToPath(import.meta.url) || real.endsWith('/bin/lendcore.js');
  } catch {
    return false; // e.g. `node -e`: argv[1] is not a file
  }
}

if (startedAsProgram()) {
  process.exitCode = await main(process.argv.slice(2));
}
