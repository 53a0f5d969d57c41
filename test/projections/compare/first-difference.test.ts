import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../../src/projections/compare/first-difference.js';

describe('firstDifference', () => {
  it('is null for documents equal up to key order', () => {
    expect(firstDifference({ id: 'l1', outstanding: { total: '10.00', principal: '9.00' } }, { outstanding: { principal: '9.00', total: '10.00' }, id: 'l1' })).toBeNull();
  });

  it('names the first differing field in sorted key order, nested', () => {
    expect(firstDifference({ id: 'l1', outstanding: { principal: '9.00', total: '9.00' }, status: 'a' }, { id: 'l1', outstanding: { principal: '9.00', total: '10.00' }, status: 'b' }))
      .toEqual({ path: 'outstanding.total', live: '9.00', rebuilt: '10.00' });
  });

  it('indexes array items and reports an item present on one side only', () => {
    expect(firstDifference({ rows: [{ paid: '1.00' }, { paid: '2.00' }] }, { rows: [{ paid: '1.00' }, { paid: '2.50' }] }))
      .toEqual({ path: 'rows[1].paid', live: '2.00', rebuilt: '2.50' });
    expect(firstDifference({ rows: [1] }, { rows: [1, 2] })).toEqual({ path: 'rows[1]', live: undefined, rebuilt: 2 });
  });

  it('tells a number from its string and an absent field from a null one', () => {
    expect(firstDifference({ dpd: 3 }, { dpd: '3' })).toEqual({ path: 'dpd', live: 3, rebuilt: '3' });
    expect(firstDifference({ id: 'x' }, { id: 'x', closedAt: null })).toEqual({ path: 'closedAt', live: undefined, rebuilt: null });
  });

  it('quotes keys that are not identifiers, and uses an empty path for a whole-document difference', () => {
    expect(firstDifference({ byChannel: { 'bank-transfer': '1' } }, { byChannel: { 'bank-transfer': '2' } })?.path).toBe('byChannel["bank-transfer"]');
    expect(firstDifference(null, { id: 'x' })).toEqual({ path: '', live: null, rebuilt: { id: 'x' } });
  });
});
