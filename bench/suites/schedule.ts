import { generateSchedule } from '../../src/domain/schedule/generate.js';
import { benchTerms } from '../data/product.js';
import { medianOf, msSince } from '../stats.js';
import type { Suite } from '../suite.js';

const ROWS = 360;
const CALLS_PER_SAMPLE = 200;

/** Mean ms of one 360-row annuity schedule over a batch of calls (one call is below timer noise). */
function scheduleMs(): number {
  const terms = benchTerms(ROWS);
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS_PER_SAMPLE; i++) {
    const rows = generateSchedule({ principal: '1000000.00', annualRate: '4.9', term: ROWS, startDate: '2025-01-31', terms });
    if (rows.length !== ROWS) throw new Error(`expected ${ROWS} rows, got ${rows.length}`);
  }
  return msSince(start) / CALLS_PER_SAMPLE;
}

export const scheduleSuite: Suite = {
  name: 'schedule',
  figures: ['schedule.360'],
  async run(config) {
    scheduleMs(); // warm-up: let the JIT compile the generator before it is timed
    return [{ name: 'schedule.360', measured: await medianOf(Math.max(config.runs, 5), scheduleMs) }];
  },
};
