import { rename, writeFile } from 'node:fs/promises';
import type { IntegrityReport } from './findings.js';

/**
 * Writes the verify result in the Prometheus text format for node_exporter's textfile collector
 * (written to a temporary name, then renamed, so a scrape never reads half a file).
 */
export async function writeVerifyTextfile(file: string, report: IntegrityReport, now: Date): Promise<void> {
  const lines = [
    '# HELP lendcore_verify_last_run_timestamp_seconds When lendcore verify last finished.',
    '# TYPE lendcore_verify_last_run_timestamp_seconds gauge',
    `lendcore_verify_last_run_timestamp_seconds ${Math.floor(now.getTime() / 1000)}`,
    '# HELP lendcore_verify_findings Findings of the last lendcore verify (0 = intact).',
    '# TYPE lendcore_verify_findings gauge',
    `lendcore_verify_findings ${report.findings.length}`,
    '# HELP lendcore_verify_unanchored_events Events after the latest signed checkpoint at the last verify.',
    '# TYPE lendcore_verify_unanchored_events gauge',
    `lendcore_verify_unanchored_events ${report.unanchoredEvents}`,
    '',
  ];
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, lines.join('\n'), { mode: 0o644 });
  await rename(temporary, file);
}
