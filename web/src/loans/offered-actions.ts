/**
 * What this reads of a servicing action (servicing-actions.ts ServicingAction), written out so this
 * loads outside the console's build, in tests.
 */
export interface DecidableAction {
  roles: readonly string[];
  statuses: readonly string[];
  /** The queue the request it decides waits in; `makerMay`: its maker may decide it too. */
  decides?: { queue: string; makerMay?: boolean };
  /** A request that waits in `queue` for a second person, one at a time on a loan. */
  waitsIn?: { queue: string };
}

/** What this reads of a waiting item (the WorkItem schema). */
export interface WaitingItem {
  requestedBy: string | null;
  submittedBy: string | null;
  reference: string | null;
}

/**
 * A panel to show: `form` true, the action's form, deciding among the requests `waiting` (empty for an
 * action deciding none); `form` false, a request already waiting (`waiting`) in place of the action's form.
 */
export interface OfferedAction<A, I extends WaitingItem = WaitingItem> {
  action: A;
  waiting: I[];
  form: boolean;
}

/** The queues an action names: the one whose requests it decides, the one its own request waits in. */
type QueueOf<A extends DecidableAction> = NonNullable<A['decides']>['queue'] | NonNullable<A['waitsIn']>['queue'];

const mayAct = (action: DecidableAction, role: string, status: string) => action.roles.includes(role) && action.statuses.includes(status);

/** The approval queues the role's actions on a loan in `status` read (requests they decide or wait behind), so the page fetches only those. */
export function approvalQueuesFor<A extends DecidableAction>(actions: readonly A[], role: string, status: string): QueueOf<A>[] {
  const queues = actions.filter((a) => mayAct(a, role, status)).flatMap((a) => [a.decides?.queue, a.waitsIn?.queue]);
  return [...new Set(queues.filter((queue): queue is QueueOf<A> => queue !== undefined))];
}

/**
 * The actions `role` (signed in as `sub`) may send on a loan in `status`. A decision on a request
 * shows only while one waits for the loan in its queue (`waiting`: each queue's items for this loan),
 * and not on the caller's own request — as the queue hides it — unless its maker may decide it (QA 12 W15).
 * A request that waits one at a time (a write-off: WRITE_OFF_ALREADY_REQUESTED) is not offered while one
 * waits; the waiting one shows in its place, unless the caller is offered a decision on it, which shows it.
 */
export function offeredActions<A extends DecidableAction, I extends WaitingItem>(
  actions: readonly A[], role: string, sub: string, status: string, waiting: Partial<Record<string, readonly I[]>>,
): OfferedAction<A, I>[] {
  const allowed = actions.filter((action) => mayAct(action, role, status));
  const decided = new Set<string>();
  const decisions = new Map<A, I[]>();
  for (const action of allowed) {
    if (!action.decides) continue;
    const { queue, makerMay = false } = action.decides;
    const items = (waiting[queue] ?? []).filter((item) => makerMay || (item.requestedBy !== sub && item.submittedBy !== sub));
    decisions.set(action, items);
    if (items.length > 0) decided.add(queue);
  }
  const offered: OfferedAction<A, I>[] = [];
  for (const action of allowed) {
    const decidable = decisions.get(action);
    if (decidable !== undefined) {
      if (decidable.length > 0) offered.push({ action, waiting: decidable, form: true });
      continue;
    }
    const queue = action.waitsIn?.queue;
    const pending = queue === undefined ? [] : [...(waiting[queue] ?? [])];
    if (pending.length === 0) offered.push({ action, waiting: [], form: true });
    else if (queue !== undefined && !decided.has(queue)) offered.push({ action, waiting: pending, form: false });
  }
  return offered;
}
