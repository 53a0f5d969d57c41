import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applyCharge } from '../../../app/loans/apply-charge.js';
import { receiveRecovery, receiveRepayment } from '../../../app/loans/collect-payment.js';
import { approveReversal, approveWaiver, rejectReversal, rejectWaiver, rescheduleLoan, reverseRepayment, waiveCharge } from '../../../app/loans/service-loan.js';
import { decreeRefund } from '../../../app/payouts/decree-refund.js';
import { writeOffLoan } from '../../../app/loans/write-off.js';
import type { ApiPlugin } from '../../deps.js';
import { DomainError } from '../../../domain/errors.js';
import { idParams } from '../../schemas/common.js';
import { chargeBody } from '../../schemas/loan-charges.js';
import { paymentBody, refundBody, repaymentBody, rescheduleBody, reversalApprovalBody, reversalBody, reversalParams, reversalRejectionBody, waiverApprovalBody, waiverBody, waiverParams, waiverRejectionBody, writeOffBody } from '../../schemas/loans.js';
import { admit, checkRoleBeforeValidation } from './access.js';
import { commandMeta, sendOutcome } from './command-request.js';
import { commandSchema } from './route-schema.js';

/** A disbursed loan's life: repayments, waivers, officer charges, reschedule, write-off, recoveries, refunds. */
export const loanServicingRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  checkRoleBeforeValidation(scope);

  app.post('/v1/loans/:id/repayments', {
    config: { policy: 'loans.repay' },
    schema: commandSchema('loans', 'Repay (officer); a replayed reference applies nothing twice; `prepayment` overrides the product\'s prepayment strategy; more than pays the loan off needs `overpayment: true` (422 AMOUNT_EXCEEDS_PAYOFF), and never more than the principal beyond it (422 OVERPAYMENT_TOO_LARGE)', { params: idParams, body: repaymentBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.repay', deps.eventStore, { loanId: request.params.id });
    const { overpayment, ...input } = request.body;
    // Staff key this amount in: beyond the payoff only when they confirm the overpayment.
    return sendOutcome(reply, await receiveRepayment(deps, commandMeta(request, actor, 'loans.repay'), request.params.id, { ...input, keyed: { overpaymentConfirmed: overpayment === true } }));
  });

  app.post('/v1/loans/:id/repayments/:reference/reversal', {
    config: { policy: 'loans.reverseRepayment' },
    schema: commandSchema('loans', 'Reverse a repayment (bounced transfer, chargeback, posting error); allocation re-runs without it (officer). A recovery\'s reference reverses that recovery (money received on a written-off loan). Above the product\'s reversalApprovalAbove it is only requested until a second person approves it', {
      params: reversalParams, body: reversalBody,
    }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.reverseRepayment', deps.eventStore);
    return sendOutcome(reply, await reverseRepayment(deps, commandMeta(request, actor, 'loans.reverseRepayment'), request.params.id, request.params.reference, request.body));
  });

  app.post('/v1/loans/:id/repayments/:reference/reversal/approve', {
    config: { policy: 'loans.approveReversal' },
    schema: commandSchema('loans', 'Approve a reversal waiting for a second person; never its requester (officer or underwriter)', {
      params: reversalParams, body: reversalApprovalBody,
    }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.approveReversal', deps.eventStore);
    return sendOutcome(reply, await approveReversal(deps, commandMeta(request, actor, 'loans.approveReversal'), request.params.id, request.params.reference));
  });

  app.post('/v1/loans/:id/repayments/:reference/reversal/reject', {
    config: { policy: 'loans.rejectReversal' },
    schema: commandSchema('loans', 'Reject a reversal waiting for a second person; nothing is reversed, and the repayment may be asked to be reversed again. Never its requester (422 FOUR_EYES_REQUIRED) (officer or underwriter)', {
      params: reversalParams, body: reversalRejectionBody,
    }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.rejectReversal', deps.eventStore);
    return sendOutcome(reply, await rejectReversal(deps, commandMeta(request, actor, 'loans.rejectReversal'), request.params.id, request.params.reference, request.body.reason));
  });

  app.post('/v1/loans/:id/waivers', {
    config: { policy: 'loans.waive' },
    schema: commandSchema('loans', 'Waive owed penalty, fee or interest with a reason (officer). Above the product\'s waiverApprovalAbove it is only requested (under `reference`) until a second person approves it; while a request of the same kind waits, another waiver of that kind is 409 WAIVER_PENDING', { params: idParams, body: waiverBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.waive', deps.eventStore);
    return sendOutcome(reply, await waiveCharge(deps, commandMeta(request, actor, 'loans.waive'), request.params.id, request.body));
  });

  app.post('/v1/loans/:id/waivers/:reference/approve', {
    config: { policy: 'loans.approveWaiver' },
    schema: commandSchema('loans', 'Approve a waiver waiting for a second person; never its maker (422 FOUR_EYES_REQUIRED) (officer or underwriter)', { params: waiverParams, body: waiverApprovalBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.approveWaiver', deps.eventStore);
    return sendOutcome(reply, await approveWaiver(deps, commandMeta(request, actor, 'loans.approveWaiver'), request.params.id, request.params.reference));
  });

  app.post('/v1/loans/:id/waivers/:reference/reject', {
    config: { policy: 'loans.rejectWaiver' },
    schema: commandSchema('loans', 'Reject a waiver waiting for a second person (its maker may withdraw it); nothing is waived (officer or underwriter)', { params: waiverParams, body: waiverRejectionBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.rejectWaiver', deps.eventStore);
    return sendOutcome(reply, await rejectWaiver(deps, commandMeta(request, actor, 'loans.rejectWaiver'), request.params.id, request.params.reference, request.body.reason));
  });

  app.post('/v1/loans/:id/charges', {
    config: { policy: 'loans.applyCharge' },
    schema: commandSchema('loans', 'Apply a document, late or collection fee to an active loan, on today\'s business date (officer)', { params: idParams, body: chargeBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.applyCharge', deps.eventStore);
    return sendOutcome(reply, await applyCharge(deps, commandMeta(request, actor, 'loans.applyCharge'), request.params.id, request.body));
  });

  app.post('/v1/loans/:id/reschedule', {
    config: { policy: 'loans.reschedule' },
    schema: commandSchema('loans', 'Re-amortize what falls due after the effective date (underwriter)', { params: idParams, body: rescheduleBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.reschedule', deps.eventStore);
    return sendOutcome(reply, await rescheduleLoan(deps, commandMeta(request, actor, 'loans.reschedule'), request.params.id, request.body));
  });

  app.post('/v1/loans/:id/write-off', {
    config: { policy: 'loans.writeOff' },
    schema: commandSchema('loans', 'Request ({action: "request", reason}) or approve ({action: "approve"}) a write-off; two different people', {
      params: idParams, body: writeOffBody,
    }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.writeOff', deps.eventStore);
    return sendOutcome(reply, await writeOffLoan(deps, commandMeta(request, actor, 'loans.writeOff'), request.params.id, request.body));
  });

  app.post('/v1/loans/:id/recoveries', {
    config: { policy: 'loans.recover' },
    schema: commandSchema('loans', 'Record money recovered on a written-off loan (officer)', { params: idParams, body: paymentBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.recover', deps.eventStore);
    return sendOutcome(reply, await receiveRecovery(deps, commandMeta(request, actor, 'loans.recover'), request.params.id, request.body));
  });

  app.post('/v1/loans/:id/refund', {
    config: { policy: 'loans.refund' },
    schema: commandSchema('loans', 'Refund an overpaid loan\'s credit balance in cash handed over at a counter against a receipt number (admin; a channel refund is a payout: POST /v1/loans/:id/refunds)', { params: idParams, body: refundBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'loans.refund', deps.eventStore);
    // The decree is for the one refund no channel carries (QA 10 R7): a channel refund goes through a payout, with its own four eyes and reference.
    if (request.body.channel !== 'cash') {
      throw new DomainError('DECREE_CASH_ONLY', `the refund decree is for cash handed over at a counter; refund through ${request.body.channel} with a payout: POST /v1/loans/${request.params.id}/refunds`, 'rule');
    }
    return sendOutcome(reply, await decreeRefund(deps, commandMeta(request, actor, 'loans.refund'), request.params.id, request.body));
  });
};
