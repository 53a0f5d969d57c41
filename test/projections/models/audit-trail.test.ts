import { describe, expect, it } from 'vitest';
import { AUDIT_TRAIL, auditTrailProjection, type AuditEntry } from '../../../src/projections/models/audit-trail/audit-trail.js';
import { ALL_EVENT_TYPES } from '../../../src/projections/models/event-types.js';
import { entityIdOf } from '../../../src/projections/models/stream-id.js';
import { EventLog, project } from './fake-context.js';
import { LoanScenario } from './loan-scenario.js';

describe('audit-trail projection', () => {
  it('consumes every catalog event type', () => {
    expect(Object.keys(auditTrailProjection.handlers).sort()).toEqual([...ALL_EVENT_TYPES].sort());
    expect(ALL_EVENT_TYPES).toHaveLength(60);
  });

  it('records each event envelope under its event id, with bigints as decimal strings', async () => {
    const log = new EventLog();
    const loan = new LoanScenario(log, 'L1', 'C1');
    loan.submit();
    const approved = log.append('loan-L1', 'LoanApproved', { approvedPrincipal: '3000.00', approver: 'uw-1', note: null },
      '2024-01-12T10:00:00.000Z', { sub: 'uw-1', role: 'underwriter' });
    approved.causationId = 'evt-1';
    const ctx = await project(auditTrailProjection, log.events);
    expect(ctx.doc<AuditEntry>(AUDIT_TRAIL, approved.eventId)).toEqual({
      id: 'evt-2', eventId: 'evt-2', type: 'LoanApproved', schemaVersion: 1, streamId: 'loan-L1', revision: '1', position: '2',
      occurredAt: '2024-01-12T10:00:00.000Z', recordedAt: '2024-01-12T10:00:00.000Z', actorSub: 'uw-1', actorRole: 'underwriter',
      actorCustomerId: null, correlationId: 'corr-2', causationId: 'evt-1', idempotencyKey: null,
      prevHash: '0'.repeat(64), hash: 'hash-2',
    });
  });

  it('is queryable by stream, actor, type and time range', async () => {
    const log = new EventLog();
    const a = new LoanScenario(log, 'A', 'C1');
    const b = new LoanScenario(log, 'B', 'C2');
    a.submit(); b.submit('3000.00', '2024-02-01');
    log.append('loan-A', 'LoanApproved', { approvedPrincipal: '3000.00', approver: 'uw-1', note: null }, '2024-01-12T10:00:00Z', { sub: 'uw-1', role: 'underwriter' });
    const ctx = await project(auditTrailProjection, log.events);
    const ids = async (where: Parameters<typeof ctx.find>[1]['where']) => (await ctx.find<AuditEntry>(AUDIT_TRAIL, { where })).items.map((e) => e.id).sort();
    expect(await ids({ streamId: 'loan-A' })).toEqual(['evt-1', 'evt-3']);
    expect(await ids({ actorSub: 'uw-1' })).toEqual(['evt-3']);
    expect(await ids({ type: 'LoanApplicationSubmitted' })).toEqual(['evt-1', 'evt-2']);
    expect(await ids({ occurredAt: { gte: '2024-01-11', lte: '2024-01-31' } })).toEqual(['evt-3']);
  });

  it('refuses a stream id with no entity id after its category', () => {
    const log = new EventLog();
    const event = log.append('loan-', 'LoanApproved', {}, '2024-01-01T00:00:00Z');
    expect(() => entityIdOf(event, 'loan')).toThrow(/expected a loan stream/);
  });
});
