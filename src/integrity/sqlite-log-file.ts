import type { Config } from '../config/config.js';

/**
 * The embedded log's file, for the integrity commands; throws a sentence for EventStoreDB, whose
 * own tooling covers what these read (docs/operations.md).
 */
export function sqliteLogFile(config: Config, command: string): string {
  if (config.eventStore.kind !== 'sqlite') {
    throw new Error(`${command} works on the embedded SQLite log; with EventStoreDB see docs/operations.md`);
  }
  return config.eventStore.path;
}
