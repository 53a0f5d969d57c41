import type { AppServices } from '../app/services.js';
import { loadLoan } from '../app/streams.js';
import { defineProduct } from '../app/products/manage-product.js';
import { addDays, addMonthsClamped, daysBetween } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import { runCloseOfBusiness } from '../eod/close-of-business.js';
import { DEMO_STAFF, metaFor } from './demo-actors.js';
import { DEMO_PRODUCTS } from './demo-products.js';
import { makePayment } from './make-payment.js';
import { CHANNELS, onboardBorrower } from './onboard-borrower.js';
import { paymentPlan, type PlannedPayment } from './payment-plan.js';
import { drawBehaviour } from './repayment-behaviour.js';
import { seededRandom } from './seeded-random.js';

export interface DemoOptions {
  customers: number;
  months: number;
  seed: number;
  /** The simulation runs from `months` before this date up to the day before it. */
  today: string;
  onProgress?: (progress: DemoProgress) => void;
  /** Called once the products are defined, before the first borrower: the CLI starts projectors here if none run. */
  afterProducts?: () => Promise<void>;
}

export interface DemoProgress {
  date: string;
  day: number;
  days: number;
  customers: number;
}

export interface DemoSummary {
  customers: number;
  loansByStatus: Record<string, number>;
  payments: number;
  events: bigint;
  from: string;
  to: string;
  durationMs: number;
}

// Borrowers arrive over the first four weeks, so due dates spread over the month.
const ARRIVAL_DAYS = 28;

/**
 * Seeds an empty store with a lending book and lives through `months` of it day by day, all
 * through the application services and command pipeline the API uses: products, borrowers
 * onboarded, repayments as each borrower's behaviour dictates, and close of business every day.
 * The services' clock is moved to each simulated day. Refuses a store that already has events.
 */
export async function runDemo(services: AppServices & { clock: { set(date: Date): void; now(): Date } }, options: DemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  if ((await services.eventStore.headPosition()) !== 0n) {
    throw new DomainError('DEMO_NEEDS_EMPTY_STORE', 'the demo seeds an empty store; this one already has events', 'conflict');
  }
  const random = seededRandom(options.seed);
  const from = addMonthsClamped(options.today, -options.months);
  const to = addDays(options.today, -1);
  const days = daysBetween(from, to) + 1;
  const at = (date: string) => services.clock.set(new Date(`${date}T09:00:00.000Z`));
  at(from);
  for (const product of DEMO_PRODUCTS) await defineProduct(services, metaFor(DEMO_STAFF.admin), product.terms, product.productId);
  await options.afterProducts?.();

  const planned = new Map<string, { loanId: string; payment: PlannedPayment }[]>();
  const loanIds: string[] = [];
  let payments = 0;
  for (let day = 0, date = from; day < days; day++, date = addDays(date, 1)) {
    at(date);
    for (let index = day; index < options.customers && day < ARRIVAL_DAYS; index += ARRIVAL_DAYS) {
      const loan = await onboardBorrower(services, random, options.seed, index, random.pick(DEMO_PRODUCTS));
      loanIds.push(loan.loanId);
      for (const payment of paymentPlan(loan.dueDates, drawBehaviour(random))) {
        planned.set(payment.date, [...(planned.get(payment.date) ?? []), { loanId: loan.loanId, payment }]);
      }
    }
    for (const [n, { loanId, payment }] of (planned.get(date) ?? []).entries()) {
      if (await makePayment(services, loanId, payment, random.pick(CHANNELS), `demo-${date}-${n}-${loanId.slice(-6)}`)) payments += 1;
    }
    planned.delete(date);
    await runCloseOfBusiness({ eventStore: services.eventStore, readStore: services.readStore, date, businessDate: date, actor: DEMO_STAFF.closeOfBusiness });
    options.onProgress?.({ date, day: day + 1, days, customers: loanIds.length });
  }

  const loansByStatus: Record<string, number> = {};
  for (const loanId of loanIds) {
    const { status } = await loadLoan(services.eventStore, loanId);
    loansByStatus[status] = (loansByStatus[status] ?? 0) + 1;
  }
  const events = await services.eventStore.headPosition();
  return { customers: loanIds.length, loansByStatus, payments, events, from, to, durationMs: Date.now() - started };
}
