import { labelOf } from '../i18n/label-of.js';
import type { MessageKey } from '../i18n/en-US.js';
import { money } from '../shell/format.js';

/** The console's translate function (useT), typed here so this loads outside React (tests). */
type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** What of a work item (the WorkItem schema) its reason is worded from. */
interface Waiting {
  reason: string;
  reasonCode?: string;
  reasonParams?: Record<string, string>;
}

/**
 * Why an item waits, in the reader's language (QA 11 S4): the server's reasonCode worded by the
 * catalog (`queue.why.<code>`), its amounts with their currency and its kinds, channels and
 * decisions labelled; the server's English sentence only for an item projected before codes.
 */
export function waitReasonText(t: Translate, item: Waiting): string {
  if (item.reasonCode === undefined) return item.reason;
  const params = item.reasonParams ?? {};
  const vars: Record<string, string> = { ...params };
  if (params.amount !== undefined) vars.amount = money(params.amount, params.currency);
  if (params.kind !== undefined) vars.kind = labelOf(t, 'waive.', params.kind);
  if (params.channel !== undefined) vars.channel = labelOf(t, 'channel.', params.channel);
  if (params.decision !== undefined) vars.decision = labelOf(t, 'queue.decision.', params.decision);
  return t(`queue.why.${item.reasonCode}` as MessageKey, vars);
}
