import { isDeepStrictEqual } from 'node:util';
import type { Projection } from '../../src/projections/projection.js';
import type { Doc, ReadStore } from '../../src/readstore/port.js';

async function documents(store: ReadStore, collection: string): Promise<Map<string, Doc>> {
  const docs = new Map<string, Doc>();
  for await (const doc of store.scan(collection)) docs.set(doc.id, doc);
  return docs;
}

/**
 * Every way the live read models differ from a rebuild of the same log: a checkpoint at another
 * position, a document missing on either side, or a document with other contents. Empty when equal.
 */
export async function readModelDifferences(live: ReadStore, rebuilt: ReadStore, projections: Projection[]): Promise<string[]> {
  const differences: string[] = [];
  for (const projection of projections) {
    const [a, b] = await Promise.all([live.getCheckpoint(projection.name), rebuilt.getCheckpoint(projection.name)]);
    if (a?.position !== b?.position) differences.push(`${projection.name}: checkpoint ${a?.position} live vs ${b?.position} rebuilt`);
    for (const { name } of projection.collections) {
      const [liveDocs, rebuiltDocs] = await Promise.all([documents(live, name), documents(rebuilt, name)]);
      for (const [id, doc] of rebuiltDocs) {
        const other = liveDocs.get(id);
        if (!other) differences.push(`${name}/${id}: missing from the live model`);
        else if (!isDeepStrictEqual(doc, other)) differences.push(`${name}/${id}: live ${JSON.stringify(other)} vs rebuilt ${JSON.stringify(doc)}`);
      }
      for (const id of liveDocs.keys()) if (!rebuiltDocs.has(id)) differences.push(`${name}/${id}: in the live model only`);
    }
  }
  return differences;
}
