import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../domain/errors.js';

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/** zxcvbn score 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Refuses a weak password with 422 WEAK_PASSWORD; `userInputs` (login, phone, e-mail) count as
 * guessable words. The password itself never appears in the error.
 */
export async function assertStrongPassword(password: string, userInputs: string[] = []): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new DomainError('WEAK_PASSWORD', `A password needs ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`, 'rule');
  }
  const { score } = await zxcvbn.checkAsync(password, userInputs);
  if (score < MIN_SCORE) {
    throw new DomainError('WEAK_PASSWORD', `The password is too easy to guess (strength ${score} of 4, ${MIN_SCORE} needed): avoid common words, names and patterns`, 'rule');
  }
}
