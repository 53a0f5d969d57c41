import { readFileSync } from 'node:fs';

/** Resident set size of process `pid` in MB, from /proc (Linux); NaN where /proc is unavailable. */
export function processRssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
