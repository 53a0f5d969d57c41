import type { ProgressOutput } from '../projections/progress-bar.js';

/** Where a command writes and what environment it reads; tests pass their own to run `main` in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Where progress bars go (stderr): redrawn in place when it is a terminal. */
  progress: ProgressOutput;
  env: NodeJS.ProcessEnv;
}

/** One `lendcore <name>` subcommand. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  /** One line for `lendcore --help`. */
  summary: string;
  /** Shown on `lendcore <name> --help` and after a usage error. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
