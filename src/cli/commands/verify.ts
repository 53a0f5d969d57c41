import { loadConfig, type Config } from '../../config/config.js';
import { describeFinding } from '../../integrity/findings.js';
import { resolveIntegrityKeys } from '../../integrity/integrity-keys.js';
import { verifySqliteLog } from '../../integrity/verify-sqlite-log.js';
import { writeVerifyTextfile } from '../../integrity/verify-textfile.js';
import { reconcileLedger } from '../../app/queries/ledger-reconciliation.js';
import { generalLedgerProjection } from '../../projections/models/general-ledger/general-ledger.js';
import { openEventStore, openReadStore } from '../../runtime/open-stores.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand, type CliIo } from '../command.js';

/**
 * The general ledger against every loan's own figures (the same check as GET
 * /v1/reports/ledger/reconciliation). `logIntact`: whether the log passed its own checks; when it
 * did not, a difference is advised as evidence, not mended: rebuilding the ledger from an altered
 * log would erase the last trace of the alteration (stop 37's tamper test).
 */
async function verifyLedger(config: Config, io: CliIo, logIntact: boolean): Promise<number> {
  const eventStore = await openEventStore(config);
  try {
    const readStore = await openReadStore(config);
    try {
      // A store no projector has run on yet holds no ledger: its (empty) collections reconcile.
      for (const spec of generalLedgerProjection.collections) await readStore.ensureCollection(spec);
      const head = await eventStore.headPosition();
      const checkpoint = await readStore.getCheckpoint(generalLedgerProjection.name);
      // A restored or never-served data folder has a log and no ledger: nothing to reconcile is not "reconciled".
      if (head > 0n && checkpoint === null) {
        io.out(`ledger not checked: no general-ledger read model was ever built over this log (head ${head}); build it with lendcore replay --projection general-ledger (or start the server), then verify again`);
        return 0;
      }
      const report = await reconcileLedger(eventStore, readStore);
      for (const item of report.items) {
        for (const d of item.differences) io.err(`LEDGER ${item.loanId} at revision ${item.revision}: ${d.account} is ${d.ledger} in the ledger, ${d.loan} on the loan`);
      }
      if (report.items.length > 0) {
        const advice = logIntact
          ? 'rebuild the general-ledger projection: lendcore replay --projection general-ledger'
          : 'the log itself fails its checks above, so the ledger may be the true record: keep both, do not rebuild it, and restore the log from a backup';
        io.err(`ledger reconciliation failed: ${report.items.length} of ${report.loansChecked} loans differ (${advice})`);
        return 1;
      }
      const through = checkpoint === null ? '' : `, as posted through position ${checkpoint.position} of ${head}`;
      io.out(`ledger reconciled: every account of ${report.loansChecked} loans equals the loan's own figures${through}`);
      return 0;
    } finally {
      await readStore.close();
    }
  } finally {
    await eventStore.close();
  }
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check every hash chain, stream head, signed checkpoint, snapshot and idempotency record, and the ledger against every loan; exit 1 naming each finding',
  usage: 'lendcore verify [--textfile <path.prom>]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { textfile: { type: 'string' } });
    const config = loadConfig(io.env);
    let status: number;
    if (config.eventStore.kind === 'sqlite') {
      status = await verifyEmbedded(config, config.eventStore.path, io, values.textfile ?? null);
    } else {
      if (values.textfile !== undefined) throw new UsageError('--textfile works with the embedded log only');
      status = await verifyChainsOnly(config, io);
    }
    return Math.max(status, await verifyLedger(config, io, status === 0));
  },
};

async function verifyEmbedded(config: Config, logFile: string, io: CliIo, textfile: string | null): Promise<number> {
  const keys = await resolveIntegrityKeys(config.dataDir, config.signingKey);
  const report = verifySqliteLog(logFile, config.dataDir, keys);
  if (textfile !== null) await writeVerifyTextfile(textfile, report, new Date());
  for (const finding of report.findings) io.err(describeFinding(finding));
  const summary = `${report.streams} streams, ${report.events} events, ${report.checkpoints} checkpoints, ${report.snapshots} snapshots, ${report.idempotencyRecords} idempotency records`;
  if (report.findings.length > 0) {
    io.err(`verify failed: ${report.findings.length} finding(s) in ${summary}`);
    return 1;
  }
  io.out(`verify ok: ${summary}; every chain, head, checkpoint and record intact`);
  io.out(report.checkpoints === 0
    ? 'not anchored: no signed checkpoint yet (run lendcore checkpoint and publish `lendcore checkpoint export`)'
    : `anchored up to position ${report.anchoredPosition}; ${report.unanchoredEvents} event(s) after it are covered by chains and head MACs only`);
  return 0;
}

// EventStoreDB: stream heads, snapshots and checkpoints are the server's own; only the chains are walked here.
async function verifyChainsOnly(config: Config, io: CliIo): Promise<number> {
  const eventStore = await openEventStore(config);
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
}
