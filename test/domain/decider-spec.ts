import { expect } from 'vitest';
import type { Decider } from '../../src/domain/decider.js';
import { DomainError } from '../../src/domain/errors.js';

/**
 * Given/when/then for a decider (Emmett style):
 *   given(decider, pastEvents).when(command).then(expectedEvents)
 *   given(decider, pastEvents).when(command).thenThrows('CODE')
 * `then` also returns the state after the new events so a spec can check evolve.
 */
export function given<C, E, S>(decider: Decider<C, E, S>, events: E[] = []) {
  const past = events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
  return {
    when(command: C) {
      return {
        then(expected: E[]): S {
          const produced = decider.decide(command, past);
          expect(produced).toEqual(expected);
          return produced.reduce((state, event) => decider.evolve(state, event), past);
        },
        thenThrows(code: string, kind?: DomainError['kind']): DomainError {
          let caught: unknown;
          try {
            decider.decide(command, past);
          } catch (error) {
            caught = error;
          }
          expect(caught, `expected DomainError ${code}`).toBeInstanceOf(DomainError);
          const error = caught as DomainError;
          expect(error.code).toBe(code);
          if (kind) expect(error.kind).toBe(kind);
          return error;
        },
      };
    },
  };
}
