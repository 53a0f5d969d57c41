import { Counter, Gauge, type Registry } from 'prom-client';
import type { ProjectionStatus } from './projection-status.js';

/** Projection metrics; positions and lag are computed when scraped, so they are never stale. */
export class ProjectionMetrics {
  readonly errors: Counter<'projection'>;

  constructor(registry: Registry, statuses: () => Promise<ProjectionStatus[]>) {
    this.errors = new Counter({
      name: 'lendcore_projection_errors_total',
      help: 'Times a projection stopped on an event it could not apply',
      labelNames: ['projection'],
      registers: [registry],
    });
    const gauge = (name: string, help: string, value: (s: ProjectionStatus) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'],
        registers: [registry],
        async collect() {
          for (const status of await statuses()) this.set({ projection: status.name }, value(status));
        },
      });
    gauge('lendcore_projection_position', 'Global position of the last event the projection committed', (s) => Number(s.position));
    gauge('lendcore_projection_lag_events', 'Events between the head of the log and the projection', (s) => s.lagEvents);
    gauge('lendcore_projection_lag_seconds', 'Age of the oldest event the projection has not applied yet', (s) => s.lagSeconds);
    gauge('lendcore_projection_failed', '1 while the projection is stopped on an error (see /v1/admin/projections), else 0', (s) => (s.state === 'failed' ? 1 : 0));
  }
}
