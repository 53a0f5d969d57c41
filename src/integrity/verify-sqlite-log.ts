import { verifyCheckpointAnchor } from './checkpoint-anchor.js';
import { CheckpointStore } from './checkpoint-store.js';
import type { IntegrityReport, Finding } from './findings.js';
import type { IntegrityKeys } from './integrity-keys.js';
import { openLogReader } from './open-log-reader.js';
import { walkStreams } from './stream-walk.js';
import { verifyAgainstAnchor, verifyCheckpointChain, verifyLogDigests } from './verify-checkpoints.js';
import { verifyHeads } from './verify-heads.js';
import { verifyIdempotencyRecords, verifySnapshots } from './verify-side-records.js';

/**
 * Everything `lendcore verify` checks on the embedded log (see findings.ts for each kind), in one
 * read transaction of the log so a running server's appends do not show as damage.
 */
export function verifySqliteLog(logFile: string, dataDir: string, keys: IntegrityKeys): IntegrityReport {
  const log = openLogReader(logFile);
  const checkpointStore = CheckpointStore.open(dataDir);
  try {
    const checkpoints = checkpointStore.all();
    const latestHeads = checkpointStore.latestHeads();
    const latest = checkpoints[checkpoints.length - 1] ?? null;
    const anchoredPosition = latest === null ? 0n : BigInt(latest.body.position);
    const anchoredHeads = new Map(latestHeads.map((head) => [head.streamId, head]));
    const findings: Finding[] = [];
    return log.transaction((): IntegrityReport => {
      const walked = walkStreams(log, anchoredPosition, findings);
      verifyHeads(log, walked.streams, keys.macKey, anchoredHeads, findings);
      verifyCheckpointChain(checkpoints, latestHeads, keys.publicKey, findings);
      verifyCheckpointAnchor(log, keys.macKey, checkpoints, findings);
      if (latest !== null) verifyAgainstAnchor(latest, anchoredHeads, walked.streams, findings);
      const unanchoredEvents = verifyLogDigests(log, checkpoints, findings);
      const snapshots = verifySnapshots(log, keys.macKey, findings);
      const idempotencyRecords = verifyIdempotencyRecords(log, keys.macKey, findings);
      return {
        streams: walked.streams.size, events: walked.events, checkpoints: checkpoints.length, anchoredPosition,
        unanchoredEvents, snapshots, idempotencyRecords, findings,
      };
    })();
  } finally {
    checkpointStore.close();
    log.close();
  }
}
