import type { CliIo } from '../../src/cli/command.js';

export interface CapturedIo extends CliIo {
  stdout: string[];
  stderr: string[];
}

/** A CliIo that records output, over the given environment only (never the test process's). */
export function captureIo(env: NodeJS.ProcessEnv = {}): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    env,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    progress: { write: (text: string) => stderr.push(text), isTTY: false },
  };
}
