import { describe, expect, it } from 'vitest';
import type { Classification, LoanStatus } from '../../src/domain/loan/events.js';
import { buildClassificationSnapshot } from '../../src/reports/classification-report.js';
import type { LoanBookEntry } from '../../src/reports/loan-book.js';
import { buildParReport } from '../../src/reports/par-report.js';
import { buildPortfolioByProductAndStatus } from '../../src/reports/portfolio-report.js';

function loan(id: string, principal: string, dpd: number, classification: Classification, status: LoanStatus = 'active', productId = 'p1'): LoanBookEntry {
  return {
    id, productId, currency: 'CNY', daysPastDue: dpd, status, classification,
    outstanding: { principal, interest: '10.00', fees: '0.00', penalties: '0.00', total: (Number(principal) + 10).toFixed(2) },
  };
}

const book = [
  loan('a', '1000.00', 0, 'normal'),
  loan('b', '2000.00', 30, 'special-mention', 'overdue'),
  loan('c', '3000.00', 31, 'special-mention', 'overdue'),
  loan('d', '4000.00', 91, 'substandard', 'overdue'),
  loan('e', '500.00', 400, 'loss', 'written_off'),
  loan('f', '0.00', 0, 'normal', 'closed'),
];

describe('classification snapshot', () => {
  it('counts loans on book per category with outstanding principal and the NPL ratio', () => {
    const snapshot = buildClassificationSnapshot(book);
    expect(snapshot.rows).toEqual([
      { currency: 'CNY', classification: 'normal', count: 1, outstanding: '1000.00' },
      { currency: 'CNY', classification: 'special-mention', count: 2, outstanding: '5000.00' },
      { currency: 'CNY', classification: 'substandard', count: 1, outstanding: '4000.00' },
      { currency: 'CNY', classification: 'doubtful', count: 0, outstanding: '0.00' },
      { currency: 'CNY', classification: 'loss', count: 0, outstanding: '0.00' },
    ]);
    expect(snapshot.nplRatio).toEqual([{ currency: 'CNY', ratio: '0.4' }]);
  });

  it('gives an empty book no rows', () => {
    expect(buildClassificationSnapshot([])).toEqual({ rows: [], nplRatio: [] });
  });
});

describe('PAR report', () => {
  it('counts a loan only when its DPD is strictly above the bucket', () => {
    expect(buildParReport(book)).toEqual([
      { currency: 'CNY', bucket: 'PAR30', atRisk: '7000.00', total: '10000.00', ratio: '0.7' },
      { currency: 'CNY', bucket: 'PAR60', atRisk: '4000.00', total: '10000.00', ratio: '0.4' },
      { currency: 'CNY', bucket: 'PAR90', atRisk: '4000.00', total: '10000.00', ratio: '0.4' },
    ]);
  });

  it('reports a zero ratio for a book with nothing outstanding', () => {
    expect(buildParReport([loan('z', '0.00', 0, 'normal')]).map((r) => r.ratio)).toEqual(['0', '0', '0']);
  });
});

describe('portfolio by product and status', () => {
  it('sums outstanding per product, status and currency', () => {
    const rows = buildPortfolioByProductAndStatus([...book, loan('g', '100.00', 0, 'normal', 'active', 'p2')]);
    expect(rows.map((r) => `${r.productId} ${r.status} ${r.count} ${r.principal} ${r.total}`)).toEqual([
      'p1 active 1 1000.00 1010.00', 'p1 closed 1 0.00 10.00', 'p1 overdue 3 9000.00 9030.00', 'p1 written_off 1 500.00 510.00',
      'p2 active 1 100.00 110.00',
    ]);
  });
});
