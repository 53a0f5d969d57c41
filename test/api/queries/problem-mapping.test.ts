import { describe, expect, it } from 'vitest';
import { toProblem } from '../../../src/api/problem.js';
import { ReadStoreError, type ReadStoreErrorCode } from '../../../src/readstore/errors.js';

describe('read-store refusals as problems', () => {
  it.each<[ReadStoreErrorCode, number]>([
    ['INVALID_NAME', 400], ['UNDECLARED_FIELD', 400], ['INVALID_CURSOR', 400], ['INVALID_QUERY', 400], ['UNKNOWN_COLLECTION', 404],
  ])('%s answers %i with its code', (code, status) => {
    expect(toProblem(new ReadStoreError(code, `refused: ${code}`)).problem).toMatchObject({ status, code, detail: `refused: ${code}` });
  });
});
