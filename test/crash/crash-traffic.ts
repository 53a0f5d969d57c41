import { applicationBody, type LoanBook } from '../../scripts/soak/loan-book-setup.js';
import { acknowledged, call, type CallResult } from '../../scripts/soak/http-call.js';
import type { StaffTokens } from '../../scripts/soak/role-tokens.js';
import type { CommandKind, CommandLedger, Outcome } from './command-ledger.js';
import { between } from './seeded-random.js';

export interface TrafficOptions {
  url: string;
  book: LoanBook;
  tokens: StaffTokens;
  ledger: CommandLedger;
  random: () => number;
  clients: number;
  /** Distinguishes this round's references and loan ids from every other round's. */
  round: number;
  /** Upper bound per client, so a server that never dies cannot keep the test running. */
  maxCommandsPerClient: number;
}

/** Concurrent clients sending repayments (4 in 5) and applications, each with a key never used before. */
export function driveTraffic(options: TrafficOptions): { stop(): Promise<void> } {
  let stopped = false;
  const client = async (n: number) => {
    for (let i = 0; i < options.maxCommandsPerClient && !stopped; i++) {
      const key = `crash-${options.round}-${n}-${i}`;
      const kind: CommandKind = options.random() < 0.8 ? 'repayment' : 'application';
      const result = await send(options, kind, key);
      options.ledger.record({ kind, key, outcome: outcomeOf(result), detail: describe(result) });
      if (result.kind === 'no_response') return; // the server is down; the round is over for this client
    }
  };
  const running = Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
  return {
    async stop() {
      stopped = true;
      await running;
    },
  };
}

function send(options: TrafficOptions, kind: CommandKind, key: string): Promise<CallResult> {
  const { book, tokens, random, url } = options;
  if (kind === 'repayment') {
    const loanId = book.loanIds[between(random, 0, book.loanIds.length - 1)]!;
    const body = { amount: '1.00', channel: 'alipay', reference: key };
    return call(url, 'POST', `/v1/loans/${loanId}/repayments`, { token: tokens.officer, body, timeoutMs: 15_000 });
  }
  const customerId = book.customerIds[between(random, 0, book.customerIds.length - 1)]!;
  return call(url, 'POST', '/v1/loans', { token: tokens.officer, body: applicationBody(key, customerId, book.productId), timeoutMs: 15_000 });
}

function outcomeOf(result: CallResult): Outcome {
  if (result.kind === 'no_response') return 'lost';
  return acknowledged(result) ? 'acknowledged' : 'refused';
}

function describe(result: CallResult): string {
  return result.kind === 'no_response' ? result.error : `${result.status} ${JSON.stringify(result.body).slice(0, 300)}`;
}
