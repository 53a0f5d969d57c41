import { describe, expect, it } from 'vitest';
import { migratedCustomerId, migratedLoanId, uuidv5 } from '../../src/migration/stream-ids.js';

describe('migration stream ids', () => {
  it('are RFC 9562 UUIDv5 (checked against an independent implementation) and the same for the same legacy id', () => {
    // Python: uuid.uuid5(uuid.UUID('b6f0c1e2-5a3d-4f8e-9c71-2d4e6a8b0c13'), 'x/loan/1')
    expect(uuidv5('x/loan/1')).toBe('4d701482-e2db-5b95-b082-901c7c1dd1a3');
    expect(migratedLoanId('x', '1')).toBe('4d701482-e2db-5b95-b082-901c7c1dd1a3');
    expect(migratedCustomerId('x', '1')).not.toBe(migratedLoanId('x', '1'));
    expect(migratedLoanId('other-system', '1')).not.toBe(migratedLoanId('x', '1'));
  });
});
