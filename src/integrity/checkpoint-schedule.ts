import type { FastifyBaseLogger } from 'fastify';
import type { IntegrityKeys } from './integrity-keys.js';
import { CheckpointStore } from './checkpoint-store.js';
import { openLogReader } from './open-log-reader.js';
import { writeCheckpoint } from './write-checkpoint.js';

export interface CheckpointSchedule {
  /** Writes a last checkpoint (when the log moved) and stops the timer. */
  stop(): Promise<void>;
}

/**
 * The server's checkpoints: one at start, one every `seconds` (0 = none in between) and one at
 * stop, each only when the log moved. A failure is logged, never fatal: the log stays verifiable
 * by its chains and head MACs, and the next run catches up.
 */
export function scheduleCheckpoints(options: { logFile: string; dataDir: string; keys: IntegrityKeys; seconds: number; logger: FastifyBaseLogger }): CheckpointSchedule {
  const { logFile, dataDir, keys, seconds, logger } = options;
  const store = CheckpointStore.open(dataDir);
  const log = openLogReader(logFile);
  const write = () => {
    try {
      const { checkpoint, written } = writeCheckpoint(log, store, keys, new Date());
      if (written) logger.info({ sequence: checkpoint.body.sequence, position: checkpoint.body.position, root: checkpoint.body.root }, 'signed checkpoint');
    } catch (error) {
      logger.error({ err: error }, 'could not write a checkpoint');
    }
  };
  write();
  const timer = seconds > 0 ? setInterval(write, seconds * 1000) : null;
  timer?.unref();
  return {
    async stop() {
      if (timer !== null) clearInterval(timer);
      write();
      log.close();
      store.close();
    },
  };
}
