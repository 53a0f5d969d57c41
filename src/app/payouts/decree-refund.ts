import { DomainError } from '../../domain/errors.js';
import { minorUnits, Money } from '../../domain/money.js';
import { refundOverpayment, type RefundInput } from '../loans/service-loan.js';
import type { AppServices, CommandMeta, CommandOutcome } from '../services.js';
import { refundableCredit } from './refundable-credit.js';

/**
 * An officer's refund of an overpaid loan's credit, paid outside lendcore's payout channels
 * (POST /v1/loans/:id/refund). It may take only the credit no pending payout has reserved:
 * otherwise the payout would pay the same credit a second time. Without an amount it takes all of
 * that free credit. Errors: the amount by the one money rule (400, whatever the loan's state),
 * REFUND_EXCEEDS_CREDIT 422 (with credit, reserved and refundable), then the loan's own refund
 * rules; a refund replayed by its reference answers with its first result.
 */
export async function decreeRefund(services: AppServices, meta: CommandMeta, loanId: string, input: RefundInput): Promise<CommandOutcome> {
  const credit = await refundableCredit(services, loanId);
  const amount = credit !== null && input.amount ? Money.parse(input.amount, credit.loan.currency).amount : null;
  const replay = credit !== null && credit.loan.refunds[input.reference] !== undefined;
  if (credit === null || replay || credit.loan.status !== 'overpaid' || credit.reserved.isZero()) return refundOverpayment(services, meta, loanId, input);
  const places = minorUnits(credit.loan.currency);
  const asked = amount ?? credit.free;
  if (credit.free.isZero() || asked.gt(credit.free)) {
    const figures = { credit: credit.credit.toFixed(places), reserved: credit.reserved.toFixed(places), refundable: credit.free.toFixed(places) };
    throw new DomainError('REFUND_EXCEEDS_CREDIT', `Refund ${asked.toFixed(places)} exceeds the refundable credit ${figures.refundable}: ${figures.reserved} of the ${figures.credit} credit is reserved by pending refund payouts`, 'rule', figures);
  }
  return refundOverpayment(services, meta, loanId, { ...input, amount: asked.toFixed(places) });
}
