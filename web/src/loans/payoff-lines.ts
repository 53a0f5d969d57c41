/** The parts of a payoff quote as the server gives them (decimal strings; a negative part is money handed back). */
export interface PayoffParts {
  principal: string;
  interest: string;
  fees: string;
  penalties: string;
}

/** One line of a payoff quote as shown: the label key (i18n) and the amounts it shows, joined by " / ". */
export interface PayoffLine {
  label: 'row.principal' | 'row.interest' | 'payoff.interestCredit' | 'payoff.feesCredit' | 'row.penalty' | 'loan.outstandingFeesPenalties';
  amounts: string[];
}

/** A part of the quote that is money handed back rather than owed (the server's negative component). */
const credited = (part: string) => part.trim().startsWith('-');

/**
 * The quote's lines below its total. Interest or fees paid ahead beyond what the date earned come
 * back as a credit, which the server gives as a negative part (payoff.ts): such a part is named a
 * credit, never shown as negative interest or fees (QA 12 W3: a borrower who paid on the day of
 * disbursement read "利息 -485.83").
 */
export function payoffLines(quote: PayoffParts): PayoffLine[] {
  const lines: PayoffLine[] = [
    { label: 'row.principal', amounts: [quote.principal] },
    { label: credited(quote.interest) ? 'payoff.interestCredit' : 'row.interest', amounts: [quote.interest] },
  ];
  if (credited(quote.fees)) lines.push({ label: 'payoff.feesCredit', amounts: [quote.fees] }, { label: 'row.penalty', amounts: [quote.penalties] });
  else lines.push({ label: 'loan.outstandingFeesPenalties', amounts: [quote.fees, quote.penalties] });
  return lines;
}
