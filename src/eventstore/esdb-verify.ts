import { StreamChainVerifier, type ChainLink } from './hash-chain.js';
import type { VerifyReport } from './port.js';

/**
 * Verifies hash chains from events in log order, streams interleaved (how $all returns them),
 * keeping one verifier per stream: memory grows with the number of streams, not events. Each
 * broken stream is reported once, at its first broken link.
 */
export class InterleavedChainVerifier {
  private readonly chains = new Map<string, { verifier: StreamChainVerifier; broken: boolean }>();
  private readonly result: VerifyReport = { streams: 0, events: 0, broken: [] };

  add(event: ChainLink): void {
    let chain = this.chains.get(event.streamId);
    if (chain === undefined) {
      chain = { verifier: new StreamChainVerifier(), broken: false };
      this.chains.set(event.streamId, chain);
    }
    this.result.events += 1;
    if (chain.broken) return;
    const broken = chain.verifier.check(event);
    if (broken !== null) {
      this.result.broken.push(broken);
      chain.broken = true;
    }
  }

  report(): VerifyReport {
    return { ...this.result, streams: this.chains.size, broken: [...this.result.broken] };
  }
}
