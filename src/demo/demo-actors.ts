import { randomUUID } from 'node:crypto';
import type { CommandMeta } from '../app/services.js';
import type { Actor } from '../domain/actor.js';

/** The demo's staff: four eyes need an officer who submits and a different underwriter who approves. */
export const DEMO_STAFF = {
  admin: { sub: 'demo-admin', role: 'admin' },
  officer: { sub: 'demo-officer', role: 'officer' },
  underwriter: { sub: 'demo-underwriter', role: 'underwriter' },
  compliance: { sub: 'demo-compliance', role: 'compliance' },
  closeOfBusiness: { sub: 'demo-close-of-business', role: 'system' },
} as const satisfies Record<string, Actor>;

export function borrowerActor(customerId: string): Actor {
  return { sub: `demo-borrower-${customerId}`, role: 'borrower', customerId };
}

export function metaFor(actor: Actor): CommandMeta {
  return { actor, correlationId: randomUUID() };
}

/** A stable UUIDv7-shaped id per seed, kind and index, so the same seed gives the same ids. */
export function demoId(kind: 'customer' | 'loan', seed: number, index: number): string {
  const k = kind === 'customer' ? 'c' : 'l';
  return `0190d000-${(seed % 0x10000).toString(16).padStart(4, '0')}-7${k === 'c' ? '001' : '002'}-8000-${index.toString(16).padStart(12, '0')}`;
}
