import type Database from 'better-sqlite3';
import type { AppendResult } from './port.js';
import { AppendWriteFailed, type AppendRequest, type SqliteAppender } from './sqlite-append.js';

interface Pending {
  request: AppendRequest;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** Bounds one transaction, so a burst never builds a transaction that holds the lock for long. */
const MAX_APPENDS_PER_TRANSACTION = 1_000;

/**
 * Group commit: appends that arrive in the same tick are written in one transaction, so they
 * share one fsync (the ceiling for durable writes). Writes are synchronous in better-sqlite3, so
 * appends arriving while a transaction is written wait in the event loop and form the next group.
 * An append refused (a ConcurrencyError against its own expected revision) writes nothing and the
 * others commit; one that fails while writing sends the group through a savepoint per append.
 */
export class GroupCommitWriter {
  /** Committed transactions and the appends they carried (appends / transactions = group size). */
  readonly stats = { transactions: 0, appends: 0 };
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly db: Database.Database,
    private readonly appender: SqliteAppender,
    private readonly onCommit: () => void,
  ) {}

  /** Resolves once the append is durable (its group committed), or rejects with its own error. */
  enqueue(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now (also used by close, so nothing acknowledged is dropped). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_APPENDS_PER_TRANSACTION);
      this.writeGroup(group);
    }
  }

  private writeGroup(group: Pending[]): void {
    const recordedAt = new Date().toISOString();
    let outcomes: Outcome[];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      outcomes = this.writeAll(group, recordedAt) ?? this.writeEachInSavepoint(group, recordedAt);
      this.db.exec('COMMIT');
      this.stats.transactions += 1;
      this.stats.appends += outcomes.filter((outcome) => outcome.ok).length;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const pending of group) pending.reject(error);
      return;
    }
    group.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
    if (outcomes.some((outcome) => outcome.ok)) this.onCommit();
  }

  /**
   * The common case, with no savepoint per append: a refusal is thrown before its append writes
   * anything (see SqliteAppender.append), so it leaves nothing to undo. When an append fails while
   * writing, the group's writes are rolled back and null is returned, for writeEachInSavepoint.
   */
  private writeAll(group: Pending[], recordedAt: string): Outcome[] | null {
    const outcomes: Outcome[] = [];
    for (const pending of group) {
      try {
        outcomes.push({ ok: true, result: this.appender.append(pending.request, recordedAt) });
      } catch (error) {
        if (error instanceof AppendWriteFailed) {
          this.db.exec('ROLLBACK');
          this.db.exec('BEGIN IMMEDIATE');
          return null;
        }
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }

  /** Each append in its own SAVEPOINT: one that fails while writing is rolled back alone and the others commit. */
  private writeEachInSavepoint(group: Pending[], recordedAt: string): Outcome[] {
    return group.map((pending) => {
      this.db.exec('SAVEPOINT append');
      try {
        const result = this.appender.append(pending.request, recordedAt);
        this.db.exec('RELEASE append');
        return { ok: true, result };
      } catch (error) {
        this.db.exec('ROLLBACK TO append');
        this.db.exec('RELEASE append');
        return { ok: false, error: error instanceof AppendWriteFailed ? error.cause : error };
      }
    });
  }
}
