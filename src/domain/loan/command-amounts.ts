import { Money } from '../money.js';
import type { LoanCommand } from './commands.js';
import type { LoanState } from './state.js';

/** The amounts a loan command carries, by the field name the wire gives them. */
function amountsOf(command: LoanCommand): [field: string, text: string][] {
  switch (command.type) {
    case 'Approve':
      return command.data.approvedPrincipal ? [['approvedPrincipal', command.data.approvedPrincipal]] : [];
    case 'ReceiveRepayment':
    case 'ReceiveRecovery':
    case 'ApplyCharge':
      return [['amount', command.data.amount]];
    case 'WaiveCharge':
    case 'RefundOverpayment':
      return command.data.amount ? [['amount', command.data.amount]] : [];
    // An application's principal is checked against its product's currency by submitApplication;
    // a migration's amounts by migrateLoan, per row.
    case 'SubmitApplication':
    case 'MigrateLoan':
    case 'RecordAssessment':
    case 'Reject':
    case 'Withdraw':
    case 'Disburse':
    case 'ReverseRepayment':
    case 'ApproveReversal':
    case 'RejectReversal':
    case 'ApproveWaiver':
    case 'RejectWaiver':
    case 'CloseBusinessDay':
    case 'Reschedule':
    case 'RequestWriteOff':
    case 'ApproveWriteOff':
      return [];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

/**
 * Every amount a command on an existing loan carries, checked against the loan's currency before
 * any rule of its state: a malformed amount is 400 (INVALID_AMOUNT, NEGATIVE_AMOUNT,
 * AMOUNT_TOO_PRECISE, naming the field) whatever the loan's state, never a 409 or 422 that hides it.
 * A loan that does not exist is left to the command's own LOAN_NOT_FOUND.
 */
export function checkCommandAmounts(command: LoanCommand, state: LoanState): void {
  if (state.terms === null) return;
  for (const [field, text] of amountsOf(command)) Money.parse(text, state.currency, { field });
}
