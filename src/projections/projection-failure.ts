import type { RecordedEvent } from '../eventstore/port.js';

/** A projection stopped on an event it could not apply; it names the event so an operator can find it. */
export class ProjectionFailure extends Error {
  readonly eventType: string;
  readonly position: bigint;

  constructor(
    readonly projection: string,
    event: RecordedEvent,
    reason: string,
  ) {
    super(`projection ${projection} stopped at position ${event.position} (${event.type}, stream ${event.streamId}): ${reason}`);
    this.name = 'ProjectionFailure';
    this.eventType = event.type;
    this.position = event.position;
  }
}
