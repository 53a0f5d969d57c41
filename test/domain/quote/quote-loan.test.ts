import { describe, expect, it } from 'vitest';
import type { ProductTerms } from '../../../src/domain/product/events.js';
import { quoteLoan, type QuoteRequest } from '../../../src/domain/quote/quote-loan.js';
import { productTerms } from '../product-terms.fixture.js';

const product = (terms: Partial<ProductTerms> = {}, retired = false) => ({ productId: 'p', version: 2, terms: productTerms(terms), retired });
const ask = (overrides: Partial<QuoteRequest> = {}): QuoteRequest => ({ principal: '1200.00', term: 12, startDate: '2026-01-15', firstRepaymentDate: null, ...overrides });

describe('quoteLoan', () => {
  it('prices flat 7.92 %, 1 200.00 over 12 months at 14.31 % APR (irr-nominal)', () => {
    const quote = quoteLoan(product({ annualRate: '7.92', interestMethod: 'flat' }), ask());
    expect(quote).toMatchObject({
      productId: 'p', productVersion: 2, currency: 'CNY', principal: '1200.00', term: 12, startDate: '2026-01-15',
      netDisbursed: '1200.00', totalInterest: '95.04', totalFees: '0.00', totalRepayment: '1295.04', apr: '14.31', aprMethod: 'irr-nominal',
    });
    expect(quote.rows).toHaveLength(12);
    expect(quote.rows[0]).toMatchObject({ dueDate: '2026-02-15', total: '107.92' });
  });

  it('counts origination and service fees in the totals and the APR', () => {
    const quote = quoteLoan(product({ aprCap: null, fees: [{ kind: 'origination', type: 'percent', value: '2' }, { kind: 'service', type: 'fixed', value: '5.00' }] }), ask({ principal: '10000.00' }));
    expect(quote.originationFees).toEqual([{ kind: 'origination', amount: '200.00' }]);
    expect(quote.netDisbursed).toBe('9800.00');
    expect(quote.totalFees).toBe('260.00');
    expect(quote.totalRepayment).toBe(new Intl.NumberFormat('en', { minimumFractionDigits: 2, useGrouping: false }).format(10000 + Number(quote.totalInterest) + 60));
    expect(Number(quote.apr)).toBeGreaterThan(16);
  });

  it('discloses the nominal rate of a fee-free declining loan', () => {
    expect(quoteLoan(product({ annualRate: '24' }), ask({ principal: '50000.00', term: 24 })).apr).toBe('24.00');
  });

  it('starts from an odd first repayment date, charging its extra days as a fraction of a period', () => {
    const quote = quoteLoan(product(), ask({ principal: '12000.00', firstRepaymentDate: '2026-03-01' }));
    expect(quote.rows.map((r) => r.dueDate).slice(0, 3)).toEqual(['2026-03-01', '2026-04-01', '2026-05-01']);
    // 1 month + 14 days = 1 + 14/30 periods at 1 % a month.
    expect(quote.rows[0]?.interest).toBe('176.00');
    expect(quote.rows[1]?.interest).not.toBe('176.00');
    // The odd period's interest is simple (1.4667 %), the IRR compounds it (1.01^1.4667 − 1 = 1.4700 %): a hair under 12.
    expect(quote.apr).toBe('11.99');
  });

  it('refuses what an application or a disbursement would refuse (422)', () => {
    const cases: [string, () => unknown][] = [
      ['PRODUCT_RETIRED', () => quoteLoan(product({}, true), ask())],
      ['AMOUNT_OUT_OF_RANGE', () => quoteLoan(product(), ask({ principal: '999.99' }))],
      ['AMOUNT_OUT_OF_RANGE', () => quoteLoan(product(), ask({ principal: '200000.01' }))],
      ['TERM_OUT_OF_RANGE', () => quoteLoan(product(), ask({ term: 2 }))],
      ['TERM_OUT_OF_RANGE', () => quoteLoan(product(), ask({ term: 37 }))],
      ['FIRST_REPAYMENT_OUT_OF_RANGE', () => quoteLoan(product(), ask({ firstRepaymentDate: '2026-01-15' }))],
      ['FIRST_REPAYMENT_OUT_OF_RANGE', () => quoteLoan(product(), ask({ firstRepaymentDate: '2026-03-16' }))],
      ['FEES_EXCEED_PRINCIPAL', () => quoteLoan(product({ aprCap: null, fees: [{ kind: 'origination', type: 'fixed', value: '1200.00' }] }), ask())],
      ['APR_CAP_EXCEEDED', () => quoteLoan(product({ aprCap: '11.99' }), ask())],
    ];
    for (const [code, run] of cases) expect(run, code).toThrow(expect.objectContaining({ code, kind: 'rule' }));
  });
});
