import { loadConfig } from '../../config/config.js';
import { openEventStore } from '../../runtime/open-stores.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: "re-walk every stream's hash chain; exit 1 naming each broken link",
  usage: 'lendcore verify',
  async run(args, io) {
    parseCommandArgs(args, {});
    const eventStore = await openEventStore(loadConfig(io.env));
    try {
      const report = await eventStore.verifyStreams();
      for (const link of report.broken) {
        io.err(`BROKEN ${link.streamId} at revision ${link.revision} (event ${link.eventId}): ${link.reason}`);
      }
      const summary = `${report.streams} streams, ${report.events} events`;
      if (report.broken.length > 0) {
        io.err(`verify failed: ${report.broken.length} broken stream(s) of ${summary}`);
        return 1;
      }
      io.out(`verify ok: ${summary}, every hash chain intact`);
      return 0;
    } finally {
      await eventStore.close();
    }
  },
};
