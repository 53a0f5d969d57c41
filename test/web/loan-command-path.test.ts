import { describe, expect, it } from 'vitest';
import { commandOf } from '../../web/src/loans/loan-command-path.js';

describe('a loan command names what it acts on in its path, as the API routes do (src/api/auth/policy.ts)', () => {
  it('a reversal\'s rejection goes to repayments/:reference/reversal/reject with only its reason', () => {
    expect(commandOf('reversal-reject', { reference: 'BANK 1/2', reason: '核实到账' })).toEqual({ path: 'repayments/BANK%201%2F2/reversal/reject', body: { reason: '核实到账' } });
  });

  it('the reversal, its approval and a waiver\'s decisions move the reference into the path too', () => {
    expect(commandOf('reversal', { reference: 'R1', reason: 'x' }).path).toBe('repayments/R1/reversal');
    expect(commandOf('reversal-approve', { reference: 'R1' })).toEqual({ path: 'repayments/R1/reversal/approve', body: {} });
    expect(commandOf('waiver-approve', { reference: 'W1' }).path).toBe('waivers/W1/approve');
    expect(commandOf('waiver-reject', { reference: 'W1', reason: 'y' })).toEqual({ path: 'waivers/W1/reject', body: { reason: 'y' } });
  });

  it('other commands keep their body, a repayment\'s reference included', () => {
    expect(commandOf('repayments', { amount: '1.00', reference: 'P1' })).toEqual({ path: 'repayments', body: { amount: '1.00', reference: 'P1' } });
    expect(commandOf('write-off', { action: 'approve' })).toEqual({ path: 'write-off', body: { action: 'approve' } });
  });
});
