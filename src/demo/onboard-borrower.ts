import { decideKyc, submitKyc } from '../app/customers/know-your-customer.js';
import { registerCustomer } from '../app/customers/register-customer.js';
import { assessLoan } from '../app/loans/assess-loan.js';
import { applyForLoan } from '../app/loans/apply-for-loan.js';
import { approveLoan, rejectLoan } from '../app/loans/decide-application.js';
import { disburseLoan } from '../app/loans/disburse-loan.js';
import type { AppServices } from '../app/services.js';
import { loadLoan } from '../app/streams.js';
import type { Channel } from '../domain/loan/events.js';
import { DEMO_STAFF, demoId, metaFor } from './demo-actors.js';
import type { DemoProduct } from './demo-products.js';
import { fakePerson } from './fake-people.js';
import type { SeededRandom } from './seeded-random.js';

export const CHANNELS: readonly Channel[] = ['online', 'bank_transfer', 'alipay', 'wechat'];

export interface Onboarded {
  customerId: string;
  loanId: string;
  /** Due dates of the loan's installments; empty when the application was declined. */
  dueDates: string[];
}

/**
 * One borrower's way in, step by step through the application services as the API runs them:
 * registration (PII sealed by the vault), KYC submitted and verified by compliance, an application
 * taken by an officer, scored, approved by a different person (an underwriter) and disbursed
 * today; an application the scorecard declines is rejected instead.
 */
export async function onboardBorrower(services: AppServices, random: SeededRandom, seed: number, index: number, product: DemoProduct): Promise<Onboarded> {
  const person = fakePerson(random, index);
  const customerId = demoId('customer', seed, index);
  const loanId = demoId('loan', seed, index);
  const principal = `${random.int(product.principal.min, product.principal.max) * product.principal.step}.00`;
  const term = random.pick(product.periods);
  const channel = random.pick(CHANNELS);
  await registerCustomer(services, metaFor(DEMO_STAFF.officer), { customerId, name: person.name, nationalId: person.nationalId, phone: person.phone, email: person.email });
  await submitKyc(services, metaFor(DEMO_STAFF.officer), customerId, {
    monthlyIncome: person.monthlyIncome, employer: person.employer, employmentMonths: person.employmentMonths, bankAccount: person.bankAccount,
  });
  await decideKyc(services, metaFor(DEMO_STAFF.compliance), customerId, { decision: 'verified', reason: null });
  await applyForLoan(services, metaFor(DEMO_STAFF.officer), { loanId, customerId, productId: product.productId, principal, term, purpose: product.purpose });
  await assessLoan(services, metaFor(DEMO_STAFF.underwriter), loanId);
  if ((await loadLoan(services.eventStore, loanId)).assessment?.decision === 'decline') {
    await rejectLoan(services, metaFor(DEMO_STAFF.underwriter), loanId, 'declined by the scorecard');
    return { customerId, loanId, dueDates: [] };
  }
  await approveLoan(services, metaFor(DEMO_STAFF.underwriter), loanId, { note: 'demo' });
  await disburseLoan(services, metaFor(DEMO_STAFF.officer), loanId, { channel });
  const loan = await loadLoan(services.eventStore, loanId);
  return { customerId, loanId, dueDates: loan.installments.map((inst) => inst.dueDate) };
}
