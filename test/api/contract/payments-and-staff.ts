import { expect } from 'vitest';
import { borrower, STAFF, type TestApp } from '../../support/test-app.js';

const STATEMENT = ['bank_txn_id,date,amount,currency,memo,balance', 'BK-CONTRACT-1,2026-02-20,100.00,CNY,no reference here,1000'].join('\r\n');

/**
 * Adds to the finding book what the payment and identity queries answer from: c2 pays 100.00 on
 * l2 through the sandbox (confirmed, so the reconciliation has a row), a bank statement line
 * without a reference waits in suspense, and the admin creates a staff account (which also writes
 * a security event). Returns the intent's id, which the server generates.
 */
export async function paymentsAndStaff(t: TestApp): Promise<string> {
  const intent = await t.call(borrower('c2'), 'POST', '/v1/loans/l2/payment-intents', { amount: '100.00', channel: 'sandbox' });
  expect(intent.statusCode, intent.body).toBe(201);
  const { id } = intent.json<{ id: string }>();
  const confirm = await t.runtime.app.inject({
    method: 'POST', url: `/v1/payments/sandbox/${id}/confirm`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '',
  });
  expect(confirm.statusCode, confirm.body).toBe(200);
  const statement = await t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', STATEMENT, { 'content-type': 'text/csv' });
  expect(statement.json<{ suspended: number }>().suspended, statement.body).toBe(1);
  const staff = await t.call(STAFF.admin, 'POST', '/v1/users', { username: 'contract-olga', role: 'officer', contact: 'contract-olga@lender.example' });
  expect(staff.statusCode, staff.body).toBe(201);
  return id;
}
