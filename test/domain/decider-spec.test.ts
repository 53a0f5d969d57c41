import { describe, expect, it } from 'vitest';
import type { Decider } from '../../src/domain/decider.js';
import { DomainError } from '../../src/domain/errors.js';
import { given } from './decider-spec.js';

// A counter that refuses to pass 2, to show the helper fails when the decider misbehaves.
type Event = { type: 'Incremented' };
const counter: Decider<'inc' | 'crash', Event, number> = {
  initialState: () => 0,
  evolve: (n) => n + 1,
  decide: (command, n) => {
    if (command === 'crash') throw new Error('not a domain error');
    if (n >= 2) throw new DomainError('TOO_HIGH', 'Counter is at its limit', 'rule');
    return [{ type: 'Incremented' }];
  },
};

describe('decider spec helper', () => {
  it('folds the given events, then checks the decided events and returns the new state', () => {
    expect(given(counter, [{ type: 'Incremented' }]).when('inc').then([{ type: 'Incremented' }])).toBe(2);
    expect(() => given(counter).when('inc').then([])).toThrow();
  });

  it('checks the DomainError code and kind', () => {
    const error = given(counter, [{ type: 'Incremented' }, { type: 'Incremented' }]).when('inc').thenThrows('TOO_HIGH', 'rule');
    expect(error.message).toContain('limit');
    expect(() => given(counter, [{ type: 'Incremented' }, { type: 'Incremented' }]).when('inc').thenThrows('OTHER')).toThrow();
    expect(() => given(counter, [{ type: 'Incremented' }, { type: 'Incremented' }]).when('inc').thenThrows('TOO_HIGH', 'conflict')).toThrow();
  });

  it('fails when nothing or something other than a DomainError is thrown', () => {
    expect(() => given(counter).when('inc').thenThrows('TOO_HIGH')).toThrow();
    expect(() => given(counter).when('crash').thenThrows('TOO_HIGH')).toThrow();
  });
});
