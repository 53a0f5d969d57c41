import os from 'node:os';
import Database from 'better-sqlite3';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memGiB: number;
  node: string;
  platform: string;
  sqlite: string;
}

/** What the figures were measured on, so a result file can be compared with another machine's. */
export function describeMachine(): Machine {
  const db = new Database(':memory:');
  const { version } = db.prepare('select sqlite_version() as version').get() as { version: string };
  db.close();
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    sqlite: version,
  };
}
