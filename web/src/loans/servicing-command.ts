import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { LoanHistory } from '../api/types';
import { loanKey, sendLoanCommand } from './api';
import { awaitsApproval } from './command-outcome';
import type { LoanAction } from './loan-command-path';

/** The commands that wait for a second person above a product's threshold (reversalApprovalAbove, waiverApprovalAbove; a write-off request always). */
const MAY_WAIT: readonly LoanAction[] = ['reversal', 'waivers', 'write-off'];

/**
 * A servicing command from the loan page (useLoanCommand's read-your-writes, back office only): answers whether it
 * only left a request waiting for someone else's approval, read from the loan's events, so the page says so.
 */
export function useServicingCommand(id: string, action: LoanAction) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (values: Record<string, unknown>) => {
      const result = await sendLoanCommand(id, action, values);
      if (!MAY_WAIT.includes(action)) return { ...result, awaitsApproval: false };
      const history = await getJson<LoanHistory>(`/v1/loans/${encodeURIComponent(id)}/history`);
      return { ...result, awaitsApproval: awaitsApproval(history.events, result.revision) };
    },
    onSuccess: () => client.invalidateQueries({ queryKey: loanKey(id) }),
  });
}
