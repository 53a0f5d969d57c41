import path from 'node:path';
import type Database from 'better-sqlite3';
import { ActiveSessions } from './active-sessions.js';
import { IDENTITY_DB_FILE, openIdentityDb, scrubIdentityDb } from './identity-db.js';
import { LoginThrottle } from './login-throttle.js';
import { OneTimeCodes } from './one-time-codes.js';
import { Outbox } from './outbox.js';
import { PreferenceStore } from './preferences.js';
import { RecoveryCodes } from './recovery-codes.js';
import { SecurityLog } from './security-events.js';
import { SessionStore } from './sessions.js';
import { StaffContacts } from './staff-contacts.js';
import { UserStore } from './users.js';

/** Every table of the identity file behind one handle; `transaction` makes several writes one. */
export class IdentityStore {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly activeSessions: ActiveSessions;
  readonly codes: OneTimeCodes;
  readonly recoveryCodes: RecoveryCodes;
  readonly outbox: Outbox;
  readonly throttle: LoginThrottle;
  readonly securityLog: SecurityLog;
  readonly preferences: PreferenceStore;
  readonly staffContacts: StaffContacts;

  private constructor(private readonly db: Database.Database) {
    this.users = new UserStore(db);
    this.sessions = new SessionStore(db);
    this.activeSessions = new ActiveSessions(this.sessions);
    this.codes = new OneTimeCodes(db);
    this.recoveryCodes = new RecoveryCodes(db);
    this.outbox = new Outbox(db);
    this.throttle = new LoginThrottle(db);
    this.securityLog = new SecurityLog(db);
    this.preferences = new PreferenceStore(db);
    this.staffContacts = new StaffContacts(db);
  }

  /** Opens (creating on first use) `<dataDir>/users.db`. */
  static open(dataDir: string): IdentityStore {
    return new IdentityStore(openIdentityDb(path.join(dataDir, IDENTITY_DB_FILE)));
  }

  /** Runs `work` as one IMMEDIATE transaction (an account row and its outbox message commit together). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Empties the WAL into the file (scrubIdentityDb) after an erasure; throws when another connection keeps it from being truncated. */
  scrub(): void {
    scrubIdentityDb(this.db);
  }

  close(): void {
    this.db.close();
  }
}
