import { loadConfig } from '../../config/config.js';
import { IdentityStore } from '../../identity/identity-store.js';
import { normaliseLogin } from '../../identity/users.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

/** The development mailbox: every message the outbox holds (codes, notices), newest first. */
export const outboxCommand: CliCommand = {
  name: 'outbox',
  summary: 'list notification messages (verification codes, notices): the local mailbox in development',
  usage: 'lendcore outbox [--to <phone|email>] [--limit 20]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { to: { type: 'string' }, limit: { type: 'string', default: '20' } });
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit must be a whole number from 1 to 1000');
    const identity = IdentityStore.open(loadConfig(io.env).dataDir);
    try {
      const messages = identity.outbox.list({ limit, ...(values.to === undefined ? {} : { recipient: normaliseLogin(values.to) }) });
      for (const m of messages) io.out(`${m.createdAt}  ${m.channel.padEnd(5)}  ${m.recipient}  ${m.status.padEnd(9)}  ${m.subject}: ${m.body}`);
      if (messages.length === 0) io.out('the outbox is empty');
      return 0;
    } finally {
      identity.close();
    }
  },
};
