import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../web/src/api/problem.js';
import { PROBLEM_MESSAGES_ZH } from '../../web/src/api/problem-messages.js';
import { fieldIssues, problemLines } from '../../web/src/api/problem-text.js';

// QA W13 (and W12): every 400 read "提交的内容不符合要求" in the zh-CN console, no field, no detail.
describe('a refusal\'s text in the console', () => {
  const bankAccount = new ApiProblem(400, 'VALIDATION_FAILED', 'body.bankAccount: expected 8–34 digits');

  it('a 400 shows the Chinese wording and then the server\'s detail naming the field', () => {
    expect(problemLines(bankAccount, PROBLEM_MESSAGES_ZH.VALIDATION_FAILED)).toEqual(['提交的内容不符合要求', 'body.bankAccount: expected 8–34 digits']);
  });

  it('a coded refusal shows its Chinese wording and then the detail with the figures to act on (stop 37); without wording the detail alone', () => {
    const waiver = new ApiProblem(422, 'AMOUNT_OUT_OF_RANGE', 'Cannot waive 90.00: only 10.00 was owed');
    expect(problemLines(waiver, PROBLEM_MESSAGES_ZH.AMOUNT_OUT_OF_RANGE)).toEqual([PROBLEM_MESSAGES_ZH.AMOUNT_OUT_OF_RANGE, 'Cannot waive 90.00: only 10.00 was owed']);
    expect(problemLines(new ApiProblem(409, 'X', '同'), '同')).toEqual(['同']);
    expect(problemLines(bankAccount, undefined)).toEqual(['body.bankAccount: expected 8–34 digits']);
  });

  it('reads the fields a detail names, by their form field', () => {
    expect(fieldIssues('body.bankAccount: expected 8–34 digits; body.name.given: Too small; query.limit: bad; principal.min must be a decimal')).toEqual([
      { field: 'bankAccount', message: 'expected 8–34 digits' },
      { field: 'name', message: 'Too small' },
    ]);
    expect(fieldIssues('the request was refused')).toEqual([]);
  });
});
