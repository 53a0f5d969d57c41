export type ProjectionState = 'catching-up' | 'live' | 'rebuilding' | 'failed' | 'stopped';

/** One projection as `GET /v1/admin/projections` shows it. Positions are bigint (strings on the wire). */
export interface ProjectionStatus {
  name: string;
  version: number;
  state: ProjectionState;
  position: bigint;
  headPosition: bigint;
  /** head − position: exact where positions are dense (SQLite), an upper bound otherwise. */
  lagEvents: number;
  /** Seconds since the first event the projection has not applied was recorded; 0 when caught up. */
  lagSeconds: number;
  error: string | null;
}
