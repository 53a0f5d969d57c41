import type { ReadStore } from '../../readstore/port.js';
import type { Projection } from '../projection.js';
import { collectionIdentical, compareCollection, type CollectionComparison } from './compare-collection.js';

/** One projection's live model against its rebuild: checkpoints and every collection it owns. */
export interface ProjectionComparison {
  projection: string;
  livePosition: bigint | null;
  rebuiltPosition: bigint | null;
  collections: CollectionComparison[];
}

/** True when the checkpoints stand at the same position and every collection is identical. */
export const projectionIdentical = (p: ProjectionComparison): boolean =>
  p.livePosition === p.rebuiltPosition && p.collections.every(collectionIdentical);

/** Compares one projection's checkpoint and collections in the live store with a rebuilt store. */
export async function compareProjection(live: ReadStore, rebuilt: ReadStore, projection: Projection): Promise<ProjectionComparison> {
  const [liveCheckpoint, rebuiltCheckpoint] = await Promise.all([live.getCheckpoint(projection.name), rebuilt.getCheckpoint(projection.name)]);
  const collections: CollectionComparison[] = [];
  for (const { name } of projection.collections) collections.push(await compareCollection(live, rebuilt, name));
  return { projection: projection.name, livePosition: liveCheckpoint?.position ?? null, rebuiltPosition: rebuiltCheckpoint?.position ?? null, collections };
}

/** Compares every listed projection, document by document; read-only on both stores. */
export async function compareReadModels(live: ReadStore, rebuilt: ReadStore, projections: Projection[]): Promise<ProjectionComparison[]> {
  const comparisons: ProjectionComparison[] = [];
  for (const projection of projections) comparisons.push(await compareProjection(live, rebuilt, projection));
  return comparisons;
}

/** True when every compared projection is identical to its rebuild. */
export const readModelsIdentical = (comparisons: ProjectionComparison[]): boolean => comparisons.every(projectionIdentical);
