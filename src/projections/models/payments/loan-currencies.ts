import type { LoanApplicationSubmitted, LoanMigrated } from '../../../domain/loan/events.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import type { Doc } from '../../../readstore/port.js';
import type { ProjectionContext, ProjectionHandler } from '../../projection.js';

interface LoanCurrencyDoc extends Doc { currency: string }

/**
 * The currency of every loan (ISO 4217), which loan events do not repeat: the product terms the loan
 * was opened on (LoanApplicationSubmitted, LoanMigrated) name it. Kept in `collection`, owned by the
 * read model that asks, so a rebuild of that read model rebuilds it too.
 */
export function loanCurrencies(collection: string): {
  handlers: Record<'LoanApplicationSubmitted' | 'LoanMigrated', ProjectionHandler>;
  of(raw: RecordedEvent, ctx: ProjectionContext, loanId: string): Promise<string>;
} {
  const remember: ProjectionHandler = (raw, ctx) => {
    const { data } = raw as RecordedEvent<LoanApplicationSubmitted['data'] | LoanMigrated['data']>;
    ctx.put(collection, { id: data.loanId, currency: data.terms.currency } satisfies LoanCurrencyDoc);
  };
  return {
    handlers: { LoanApplicationSubmitted: remember, LoanMigrated: remember },
    async of(raw, ctx, loanId) {
      const loan = await ctx.get<LoanCurrencyDoc>(collection, loanId);
      if (!loan) throw new Error(`${raw.type} ${raw.eventId}: loan ${loanId} was never opened`);
      return loan.currency;
    },
  };
}
