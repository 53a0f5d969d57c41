import { describe, expect, it } from 'vitest';
import { buildVintage, type VintageLoan } from '../../src/reports/vintage.js';

const loan = (id: string, disbursedOn: string | null, delinquency: VintageLoan['delinquency'] = []): VintageLoan =>
  ({ id, currency: 'CNY', disbursedOn, delinquency });

describe('buildVintage', () => {
  it('observes each cohort at every month end up to asOf and counts loans more than 30 days past due', () => {
    const rows = buildVintage([
      // Past due from 2026-02-16: day 31 is 2026-03-18, so still current on 2026-02-28 and delinquent by 2026-03-31.
      loan('a', '2026-01-15', [{ since: '2026-02-16', until: null }]),
      // Cured on 2026-03-20: delinquent at no month end (13 days on 2026-02-28, cured before 2026-03-31).
      loan('b', '2026-01-20', [{ since: '2026-02-16', until: '2026-03-20' }]),
      loan('c', '2026-01-31'),
      loan('d', '2026-02-01', [{ since: '2026-02-28', until: '2026-04-10' }]),
      loan('never', null),
    ], '2026-04-15');
    expect(rows).toEqual([
      { cohort: '2026-01', monthOnBook: 1, observedOn: '2026-02-28', loans: 3, delinquent30: 0, ratio: '0.0000' },
      { cohort: '2026-01', monthOnBook: 2, observedOn: '2026-03-31', loans: 3, delinquent30: 1, ratio: '0.3333' },
      { cohort: '2026-02', monthOnBook: 1, observedOn: '2026-03-31', loans: 1, delinquent30: 1, ratio: '1.0000' },
    ]);
  });

  it('counts exactly 30 days past due as not yet more than 30', () => {
    const rows = buildVintage([loan('a', '2026-01-10', [{ since: '2026-03-02', until: null }])], '2026-03-31');
    expect(rows.at(-1)).toMatchObject({ observedOn: '2026-03-31', delinquent30: 0 });
    expect(buildVintage([loan('a', '2026-01-10', [{ since: '2026-03-01', until: null }])], '2026-03-31').at(-1)).toMatchObject({ delinquent30: 1 });
  });

  it('leaves out loans disbursed after asOf and answers nothing for an empty book', () => {
    expect(buildVintage([loan('late', '2026-05-01')], '2026-04-30')).toEqual([]);
    expect(buildVintage([], '2026-04-30')).toEqual([]);
  });
});
