import { readLoanStream } from '../../app/queries/loan-stream.js';
import { loanStateAt } from '../../app/queries/loan-time-travel.js';
import { loadConfig } from '../../config/config.js';
import type { RecordedEvent } from '../../eventstore/port.js';
import { openEventStore } from '../../runtime/open-stores.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

// The fields worth a glance on a timeline line, in the order shown; loan events carry no PII.
const KEY_FIELDS = [
  'principal', 'approvedPrincipal', 'term', 'amount', 'netAmount', 'channel', 'reference', 'effectiveDate', 'score', 'grade', 'decision',
  'number', 'amountDue', 'kind', 'from', 'to', 'dpd', 'interest', 'fees', 'penalties', 'reason',
] as const;

/** One timeline line: business time, event type, actor, then the event's key figures as key=value. */
export function timelineLine(event: RecordedEvent): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const figures = KEY_FIELDS.flatMap((key) => {
    const value = data[key];
    return typeof value === 'string' || typeof value === 'number' ? [`${key}=${value}`] : [];
  });
  return [event.occurredAt, event.type.padEnd(24), `${event.actor.role}:${event.actor.sub}`, ...figures].join('  ');
}

function asOfInstant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new UsageError(`--as-of ${value}: expected an ISO-8601 time such as 2026-03-15T12:00:00Z`);
  return new Date(time).toISOString();
}

export const historyCommand: CliCommand = {
  name: 'history',
  summary: "print a loan's timeline from the event log (business time, type, actor, key amounts)",
  usage: 'lendcore history <loanId> [--as-of ISO-TIME]',
  async run(args, io) {
    const [loanId, ...rest] = args;
    if (loanId === undefined || loanId.startsWith('-')) throw new UsageError('a loan id is required');
    const asOf = asOfInstant(parseCommandArgs(rest, { 'as-of': { type: 'string' } }).values['as-of']);
    const config = loadConfig(io.env);
    const eventStore = await openEventStore(config);
    try {
      const stream = await readLoanStream(eventStore, loanId);
      if (!stream) {
        io.err(`no loan ${loanId} in the event log`);
        return 1;
      }
      // Business time may be backdated, so the cut filters every event rather than stopping at the first later one.
      const shown = asOf === undefined ? stream.events : stream.events.filter((e) => Date.parse(e.occurredAt) <= Date.parse(asOf));
      io.out(`loan ${loanId} (customer ${stream.customerId}): ${shown.length} of ${stream.events.length} events${asOf ? ` up to ${asOf}` : ''}`);
      for (const event of shown) io.out(timelineLine(event));
      const state = asOf === undefined ? null : await loanStateAt(eventStore, loanId, asOf, config.timeZone);
      if (state) {
        const { summary } = state;
        io.out(`as of ${asOf}: ${summary.status}, outstanding ${summary.outstanding.total} ${summary.currency}, ${summary.daysPastDue} days past due`);
      }
      return 0;
    } finally {
      await eventStore.close();
    }
  },
};
