import type { FastifyBaseLogger } from 'fastify';

/**
 * On the first SIGTERM or SIGINT runs `close` (drain, stop, close stores) and resolves with the
 * exit code; a second signal while draining exits at once, for an operator who means it.
 */
export function closeOnSignal(close: () => Promise<void>, logger: FastifyBaseLogger): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, 'second signal while draining; exiting now');
        process.exit(130);
      }
      stopping = true;
      logger.info({ signal }, 'shutting down: draining requests, stopping projections, closing stores');
      close().then(
        () => finish(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          finish(1);
        },
      );
    };
    const finish = (code: number) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(code);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
