import type Database from 'better-sqlite3';
import { nationalMobile } from '../domain/customer/mainland-mobile.js';
import { maskEmail, maskPhone } from '../vault/masking.js';
import type { OutboxChannel } from './outbox.js';

/** Where a staff member's one-time passwords go: their own mobile (SMS) or e-mail, never the administrator who made the account. */
export interface StaffContact {
  channel: OutboxChannel;
  /** A mainland mobile in its national form, or an e-mail address in lower case. */
  address: string;
}

/** The contact `text` names: a mainland mobile (any spelling) or an e-mail address; null otherwise. */
export function staffContact(text: string): StaffContact | null {
  const mobile = nationalMobile(text);
  if (mobile !== null) return { channel: 'sms', address: mobile };
  const email = text.normalize('NFKC').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { channel: 'email', address: email } : null;
}

/** How administrators see a contact: enough to tell the person's from their own, not enough to read it out. */
export const maskedContact = (contact: StaffContact): string => (contact.channel === 'sms' ? maskPhone(contact.address) : maskEmail(contact.address));

/** One contact per staff account, and one account per contact (two accounts cannot share a mailbox). */
export class StaffContacts {
  constructor(private readonly db: Database.Database) {}

  of(userId: string): StaffContact | null {
    return (this.db.prepare('SELECT channel, address FROM staff_contacts WHERE user_id = ?').get(userId) as StaffContact | undefined) ?? null;
  }

  /** The account already reached at `address`, if any. */
  holder(address: string): string | null {
    return (this.db.prepare('SELECT user_id AS userId FROM staff_contacts WHERE address = ?').get(address) as { userId: string } | undefined)?.userId ?? null;
  }

  set(userId: string, contact: StaffContact): void {
    this.db.prepare('INSERT INTO staff_contacts (user_id, channel, address) VALUES (?, ?, ?)').run(userId, contact.channel, contact.address);
  }
}
