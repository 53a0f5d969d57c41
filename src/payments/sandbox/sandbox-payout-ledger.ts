import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const SANDBOX_PAYOUT_LEDGER_FILE = 'sandbox-payouts.jsonl';

/** What the simulated gateway did with a payout: paid it, failed it, or cancelled it unpaid. `at` is an ISO instant. */
const entry = z.object({ payoutId: z.string(), outcome: z.enum(['paid', 'failed', 'cancelled']), amount: z.string(), at: z.string() }).strict();
export type SandboxPayoutEntry = z.infer<typeof entry>;

/**
 * The sandbox gateway's own books of payouts (JSON lines under the data dir, shared by the server
 * and `lendcore sandbox payout`), so the lender can query it and cancel through it like a
 * provider. A payout ends once at the gateway: paid, failed or cancelled; asking again answers
 * that first end.
 */
export class SandboxPayoutLedger {
  constructor(private readonly file: string) {}

  static inDataDir(dataDir: string): SandboxPayoutLedger {
    return new SandboxPayoutLedger(path.join(dataDir, SANDBOX_PAYOUT_LEDGER_FILE));
  }

  /** How the gateway ended the payout; null while it has not. */
  async find(payoutId: string): Promise<SandboxPayoutEntry | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const parsed = entry.safeParse(JSON.parse(line));
      if (parsed.success && parsed.data.payoutId === payoutId) return parsed.data;
    }
    return null;
  }

  /** Ends the payout with `outcome` unless it already ended; answers how it ended. */
  async end(payoutId: string, outcome: SandboxPayoutEntry['outcome'], amount: string, at: Date): Promise<SandboxPayoutEntry> {
    const earlier = await this.find(payoutId);
    if (earlier !== null) return earlier;
    const ended: SandboxPayoutEntry = { payoutId, outcome, amount, at: at.toISOString() };
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(ended)}\n`, 'utf8');
    return ended;
  }
}
