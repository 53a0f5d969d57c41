import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, t } from './form-rules.js';
import { kycDecisionRules } from '../../web/src/customers/kyc-decision-rules.js';

// QA W6: the KYC decision form came pre-set to 通过 with the reason optional; one click verified a customer.
describe('the KYC decision form', () => {
  const rules = kycDecisionRules(t);

  it('needs a decision chosen by the reviewer', async () => {
    expect(await check(rules.decision, undefined)).toBe('请选择审核结论');
    expect(await check(rules.decision, 'verified')).toBeNull();
  });

  it('needs a reason for either outcome, blank not counting', async () => {
    expect(await check(rules.reason, undefined)).toBe('请填写审核理由（通过或拒绝都需要）');
    expect(await check(rules.reason, '   ')).toBe('请填写审核理由（通过或拒绝都需要）');
    expect(await check(rules.reason, '证件与银行流水一致')).toBeNull();
  });

  it('pre-selects nothing', () => {
    const form = readFileSync(join(import.meta.dirname, '../../web/src/customers/KycDecisionForm.tsx'), 'utf8');
    expect(form).not.toMatch(/initialValues/);
  });
});
