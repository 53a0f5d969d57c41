/**
 * Where each lendcore stream lives in ESDB. A namespace prefixes every stream the store owns, so
 * several environments (or test runs) can share one ESDB without seeing each other's events;
 * production normally leaves it empty.
 */
export class EsdbStreamNames {
  constructor(readonly namespace = '') {}

  domain(streamId: string): string {
    return `${this.namespace}${streamId}`;
  }

  /** The lendcore stream id of a domain stream name this store owns. */
  streamIdOf(streamName: string): string {
    return streamName.slice(this.namespace.length);
  }

  owns(streamName: string): boolean {
    return streamName.startsWith(this.namespace);
  }

  snapshot(streamId: string): string {
    return `${this.namespace}snapshot-${streamId}`;
  }

  // A `$` stream: needs ESDB's $admins write rights in secure mode (docs/deployment.md).
  idempotency(key: string): string {
    return `$lendcore-idempotency-${this.namespace}${key}`;
  }
}
