import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { bigintFromJson, encodeJson } from '../../src/eventstore/json-codec.js';

describe('JSON codec', () => {
  it('writes bigints as exact decimal strings at any depth', () => {
    expect(encodeJson({ position: 2n ** 53n + 1n, rows: [{ revision: 0n }], n: 1 })).toBe('{"position":"9007199254740993","rows":[{"revision":"0"}],"n":1}');
  });

  it('reads them back exactly', () => {
    expect(bigintFromJson('9007199254740993', 'minPosition')).toBe(9007199254740993n);
    expect(bigintFromJson('0', 'minPosition')).toBe(0n);
  });

  it('refuses anything but a non-negative decimal integer', () => {
    for (const text of ['', '-1', '1.5', '1e3', ' 1', '01', '0x10']) {
      expect(() => bigintFromJson(text, 'minPosition')).toThrow(DomainError);
    }
    expect(() => bigintFromJson('x', 'minPosition')).toThrow(expect.objectContaining({ code: 'INVALID_BIGINT', kind: 'invalid' }));
  });
});
