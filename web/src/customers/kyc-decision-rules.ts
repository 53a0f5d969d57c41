import type { FormRule as Rule } from 'antd';
import type { MessageKey } from '../i18n/en-US.js';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The server's limit on a reason (src/api/schemas/free-text.ts TEXT_LIMITS.reason), the reason input's maxLength. */
export const REASON_MAX = 500;

/**
 * The KYC decision form's rules (QA W6: it came pre-set to 通过 with the reason optional, so one click
 * verified a customer with no reason on record). No decision is pre-selected, the reviewer must choose
 * one; a reason is asked for both outcomes, though the server requires one only to reject, so every
 * compliance decision carries its why in the audit trail.
 */
export function kycDecisionRules(t: Translate): { decision: Rule[]; reason: Rule[] } {
  return {
    decision: [{ required: true, message: t('kyc.chooseDecision') }],
    reason: [{ required: true, whitespace: true, message: t('kyc.reasonRequired') }],
  };
}
