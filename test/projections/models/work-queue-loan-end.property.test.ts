import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import { WORK_QUEUE, type WorkItemDoc } from '../../../src/projections/models/work-queue/documents.js';
import { workQueueProjection } from '../../../src/projections/models/work-queue/work-queue.js';
import { runHistory } from '../../servicing/run-history.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';
import { attempt, step } from '../../servicing/servicing-history.js';
import { FakeContext, project } from './fake-context.js';

type Decision = 'approve' | 'reject' | 'leave';

/**
 * QA 12 Q9, the kind: after every step of a random servicing history (payments, payoffs,
 * overpayments, refunds, reversals that reopen, write-offs, waivers above the approval threshold),
 * the loan's items in the waiver-approvals and write-off-approvals queues are exactly its pending
 * requests that can still be approved: those of an active or overdue loan, none of an ended one.
 */
describe('work-queue projection over random loan histories', () => {
  it('queues a loan\'s pending waiver and write-off requests exactly while the loan can take them', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), fc.infiniteStream(fc.constantFrom<Decision>('approve', 'reject', 'leave', 'leave')), async (steps, decisions) => {
      const loan = new ServicedLoan('L1', servicingTerms({ waiverApprovalAbove: '0.01', writeOffDpd: 1 }));
      const ctx = new FakeContext();
      let projected = 0;
      const decide = decisions[Symbol.iterator]();
      const record = (command: LoanCommand, today: string): boolean => {
        const made = command.type === 'WaiveCharge' ? { ...command, data: { ...command.data, waivedBy: 'officer-1' } } : command;
        const before = loan.state;
        if (!attempt(loan, made, today)) return false;
        const decision = decide.next().value as Decision;
        if (command.type === 'RequestWriteOff' && decision === 'approve') attempt(loan, { type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date: today } }, today);
        const requested = Object.keys(loan.state.waiverRequests).find((reference) => before.waiverRequests[reference] === undefined);
        if (requested !== undefined && decision === 'approve') attempt(loan, { type: 'ApproveWaiver', data: { reference: requested, approvedBy: 'uw-1' } }, today);
        if (requested !== undefined && decision === 'reject') attempt(loan, { type: 'RejectWaiver', data: { reference: requested, reason: 'no', rejectedBy: 'uw-1' } }, today);
        return true;
      };
      await runHistory(loan, steps, {
        record,
        // Requests that stand a chance: all the interest accrued by today (a charge step too), a write-off dated today.
        reshape: (s) => (s.op === 'waive' || s.op === 'charge' ? { op: 'waive', kind: 'interest', cents: null, back: 0 } : s.op === 'writeOff' ? { ...s, back: 0 } : s),
        onStep: async () => {
          await project(workQueueProjection, loan.log.events.slice(projected), ctx);
          projected = loan.log.events.length;
          const { status, waiverRequests, writeOffRequest } = loan.state;
          const open = status === 'active' || status === 'overdue';
          const items = ctx.all<WorkItemDoc>(WORK_QUEUE);
          expect(items.filter((item) => item.queue === 'waiver-approvals').map((item) => item.reference).sort(), `waivers, loan ${status}`)
            .toEqual(open ? Object.keys(waiverRequests).sort() : []);
          expect(items.filter((item) => item.queue === 'write-off-approvals').length, `write-off, loan ${status}`).toBe(open && writeOffRequest !== null ? 1 : 0);
        },
      });
    }), { numRuns: Number(process.env.QUEUE_RUNS ?? 150) });
  });
});
