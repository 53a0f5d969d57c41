import { describe, expect, it } from 'vitest';
import { flowsFrom } from '../../web/src/dashboard/flows-window.js';

/** The dashboard's money-in-and-out window is the lender's last twelve months, counted from the business date. */
describe('the flow chart\'s window', () => {
  it('starts on the first day of the business date\'s month a year before', () => {
    expect(flowsFrom('2026-12-04')).toBe('2025-12-01');
    // The lender's 1 January (still 31 December on a browser's UTC clock until 16:00): from January, not December.
    expect(flowsFrom('2027-01-01')).toBe('2026-01-01');
  });
});
