/**
 * What this reads of a servicing action (servicing-actions.ts ServicingAction), written out so this
 * loads outside the console's build, in tests.
 */
export interface DecidableAction {
  roles: readonly string[];
  statuses: readonly string[];
  /** The queue the request it decides waits in; `makerMay`: its maker may decide it too. */
  decides?: { queue: string; makerMay?: boolean };
}

/** What this reads of a waiting item (the WorkItem schema). */
export interface WaitingItem {
  requestedBy: string | null;
  submittedBy: string | null;
  reference: string | null;
}

/** A servicing form to show, with the references it decides among (empty for an action deciding no request). */
export interface OfferedAction<A> {
  action: A;
  waiting: string[];
}

const mayAct = (action: DecidableAction, role: string, status: string) => action.roles.includes(role) && action.statuses.includes(status);

/** The approval queues the role's actions on a loan in `status` read, so the page fetches only those. */
export function approvalQueuesFor<A extends DecidableAction>(actions: readonly A[], role: string, status: string): NonNullable<A['decides']>['queue'][] {
  return [...new Set(actions.filter((a) => mayAct(a, role, status)).flatMap((a) => (a.decides ? [a.decides.queue] : [])))];
}

/**
 * The actions `role` (signed in as `sub`) may send on a loan in `status`. A decision on a request
 * shows only while one waits for the loan in its queue (`waiting`: each queue's items for this loan),
 * and not on the caller's own request — as the queue hides it — unless its maker may decide it (QA 12 W15).
 */
export function offeredActions<A extends DecidableAction>(
  actions: readonly A[], role: string, sub: string, status: string, waiting: Partial<Record<string, readonly WaitingItem[]>>,
): OfferedAction<A>[] {
  const offered: OfferedAction<A>[] = [];
  for (const action of actions) {
    if (!mayAct(action, role, status)) continue;
    if (!action.decides) {
      offered.push({ action, waiting: [] });
      continue;
    }
    const { queue, makerMay = false } = action.decides;
    const items = (waiting[queue] ?? []).filter((item) => makerMay || (item.requestedBy !== sub && item.submittedBy !== sub));
    if (items.length > 0) offered.push({ action, waiting: items.flatMap((item) => (item.reference ? [item.reference] : [])) });
  }
  return offered;
}
