/** True for a decimal string of zero ("0", "0.00"): a check of the server's figure, not arithmetic. */
function isZero(amount: string): boolean {
  return /^0+(\.0+)?$/.test(amount);
}

/**
 * The amount the portal's pay form starts with (QA 11 S2): the server's amount due now when anything
 * is due by the business date (every row due, penalties owed included, so paying it leaves nothing
 * past due), else the next installment; nothing for a loan that owes nothing.
 */
export function suggestedPayment(loan: { amountDue?: string; nextDue: { amount: string } | null }): string | undefined {
  if (loan.amountDue !== undefined && !isZero(loan.amountDue)) return loan.amountDue;
  return loan.nextDue?.amount;
}
