import type { EventStore } from '../../src/eventstore/port.js';

/** How a command ended from the client's side: answered 2xx, answered otherwise, or no answer at all. */
export type Outcome = 'acknowledged' | 'refused' | 'lost';

export type CommandKind = 'repayment' | 'application';

export interface SentCommand {
  kind: CommandKind;
  /** The repayment's reference or the application's client-chosen loan id. */
  key: string;
  outcome: Outcome;
  detail: string;
}

/** What the log must show for each command the clients sent. */
export interface LedgerViolation {
  command: SentCommand;
  timesInLog: number;
  rule: string;
}

/** Every command the crash clients sent, with what they saw. */
export class CommandLedger {
  readonly sent: SentCommand[] = [];

  record(command: SentCommand): void {
    this.sent.push(command);
  }

  count(outcome: Outcome): number {
    return this.sent.filter((c) => c.outcome === outcome).length;
  }

  /**
   * Acknowledged commands are in the log exactly once; refused ones not at all; lost ones (the
   * process died before answering) at most once, since the append may or may not have committed.
   */
  async violations(store: EventStore): Promise<LedgerViolation[]> {
    const inLog = await occurrences(store);
    const violations: LedgerViolation[] = [];
    for (const command of this.sent) {
      const times = inLog.get(`${command.kind}:${command.key}`) ?? 0;
      const rule = ruleBroken(command.outcome, times);
      if (rule) violations.push({ command, timesInLog: times, rule });
    }
    return violations;
  }
}

function ruleBroken(outcome: Outcome, times: number): string | null {
  if (outcome === 'acknowledged' && times !== 1) return 'an acknowledged command must be in the log exactly once';
  if (outcome === 'refused' && times !== 0) return 'a refused command must not be in the log';
  if (outcome === 'lost' && times > 1) return 'a command whose answer was lost may be in the log at most once';
  return null;
}

const PAGE = 5_000;

/** How often each repayment reference and each application's loan id occurs in the whole log. */
async function occurrences(store: EventStore): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  let fromPosition = 0n;
  for (;;) {
    const page = await store.readAll({ fromPosition, maxCount: PAGE });
    for (const event of page) {
      const data = event.data as { reference?: string; loanId?: string };
      if (event.type === 'RepaymentReceived') bump(`repayment:${data.reference}`);
      if (event.type === 'LoanApplicationSubmitted') bump(`application:${data.loanId}`);
    }
    if (page.length < PAGE) return counts;
    fromPosition = page[page.length - 1]!.position;
  }
}
