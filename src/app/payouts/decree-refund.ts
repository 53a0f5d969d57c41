import { DomainError } from '../../domain/errors.js';
import { processLoanDecider } from '../loans/loan-decider.js';
import { minorUnits, Money } from '../../domain/money.js';
import { ConcurrencyError } from '../../eventstore/concurrency-error.js';
import { requireOnOrBeforeBusinessDate } from '../business-date.js';
import { refundOverpayment, type RefundInput } from '../loans/service-loan.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { findSeenRequest } from '../../commands/idempotency-lookup.js';
import { reservePayout } from './payout-stream.js';
import { refundableCredit } from './refundable-credit.js';

/** How often a decree whose loan moved between its count and its append is counted again. */
const ATTEMPTS = 3;

/**
 * An officer's refund of an overpaid loan's credit, paid outside lendcore's payout channels
 * (POST /v1/loans/:id/refund). It may take only the credit no payout has reserved: otherwise the
 * payout would pay the same credit a second time. Without an amount it takes all of that free credit.
 *
 * The loan's payout desk serialises every taking of credit: the decree claims its amount there at
 * the desk revision it counted (RefundDecreeReserved; a payout reserved meanwhile makes it 409
 * PAYOUT_CONCURRENT, and a payout counted without the claim is refused 409 REFUND_CONCURRENT), then
 * records RefundIssued on the loan at the loan revision it counted. A loan that moved in between
 * is counted again; the claim holds only while the loan stands at that revision without the refund.
 * A crash between the two appends leaves the claim until the loan's next event; the same decree
 * retried (same reference) does not count its own claim and completes.
 *
 * Errors: the amount by the one money rule (400, whatever the loan's state), REFUND_EXCEEDS_CREDIT
 * 422 (with credit, reserved and refundable), PAYOUT_CONCURRENT / REFUND_CONCURRENT 409, then the
 * loan's own refund rules (checked before the claim); a refund replayed by its reference answers
 * with its first result.
 */
export async function decreeRefund(services: AppServices, meta: CommandMeta, loanId: string, input: RefundInput): Promise<CommandOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const credit = await refundableCredit(services, loanId, input.reference);
    const amount = credit !== null && input.amount ? Money.parse(input.amount, credit.loan.currency).amount : null;
    const replay = credit !== null && credit.loan.refunds[input.reference] !== undefined;
    // Nothing to claim (no such loan, a replay, a loan with no credit, a key already used): the loan's own rules answer.
    if (credit === null || replay || credit.loan.status !== 'overpaid' || await keyUsed(services, meta)) return refundOverpayment(services, meta, loanId, input);
    if (meta.expectedRevision !== undefined && meta.expectedRevision !== credit.loanRevision) throw new ConcurrencyError(`loan-${loanId}`, meta.expectedRevision, credit.loanRevision);
    const places = minorUnits(credit.loan.currency);
    const asked = amount ?? credit.free;
    if (credit.free.isZero() || asked.gt(credit.free)) {
      const figures = { credit: credit.credit.toFixed(places), reserved: credit.reserved.toFixed(places), refundable: credit.free.toFixed(places) };
      throw new DomainError('REFUND_EXCEEDS_CREDIT', `Refund ${asked.toFixed(places)} exceeds the refundable credit ${figures.refundable}: ${figures.reserved} of the ${figures.credit} credit is reserved by pending refund payouts`, 'rule', figures);
    }
    const refund: RefundInput = { ...input, amount: asked.toFixed(places) };
    const date = refund.effectiveDate ?? businessToday(services);
    // The loan's refusal (a back-dated refund...) comes before the claim, so a refused decree claims nothing.
    requireOnOrBeforeBusinessDate(date, businessToday(services), 'date');
    processLoanDecider.decide({ type: 'RefundOverpayment', data: { amount: refund.amount ?? null, channel: refund.channel, reference: refund.reference, date } }, credit.loan);
    const { idempotencyKey: _key, requestHash: _hash, expectedRevision: _rev, ...deskMeta } = meta;
    await reservePayout(services, deskMeta, loanId, {
      type: 'ReserveDecree', data: { reference: refund.reference, amount: refund.amount ?? '', loanRevision: credit.loanRevision.toString(), seen: credit.seen },
    }, occurredAtFor(services));
    try {
      return await refundOverpayment(services, { ...meta, expectedRevision: credit.loanRevision }, loanId, refund);
    } catch (error) {
      // The loan moved since it was counted: the claim lapsed with it; count again (unless the caller pinned the revision).
      if (error instanceof ConcurrencyError && meta.expectedRevision === undefined && attempt < ATTEMPTS) continue;
      throw error;
    }
  }
}

/** True when this request's Idempotency-Key was already recorded: the loan's command replays (or refuses) it. */
async function keyUsed(services: AppServices, meta: CommandMeta): Promise<boolean> {
  if (!meta.idempotencyKey) return false;
  return (await findSeenRequest(services.eventStore, meta, meta.idempotencyKey)) !== null;
}
