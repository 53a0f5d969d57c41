import { collectionIdentical, type CollectionComparison } from './compare-collection.js';
import type { StaleQueryColumn } from '../../readstore/port.js';
import type { ProjectionComparison } from './compare-read-models.js';

// A whole collection can differ (say, a projector that stamps wall-clock time); a few ids make the point.
const SHOWN_PER_KIND = 5;

/** Every difference, one line each; empty exactly when the read models are identical. */
export function comparisonDifferences(comparisons: ProjectionComparison[]): string[] {
  return comparisons.flatMap((p) => [
    ...(p.livePosition === p.rebuiltPosition ? [] : [`${p.projection}: checkpoint ${p.livePosition ?? 'none'} live vs ${p.rebuiltPosition ?? 'none'} rebuilt`]),
    ...p.collections.flatMap((c) => [
      ...c.missingFromLive.map((id) => `${c.collection}/${id}: missing from the live model`),
      ...c.extraInLive.map((id) => `${c.collection}/${id}: in the live model only`),
      ...c.differing.map((d) => `${c.collection}/${d.id}: ${fieldText(d.path)} live ${valueText(d.live)} vs rebuilt ${valueText(d.rebuilt)}`),
      ...c.staleQueryColumns.map((q) => `${c.collection}/${q.id}: ${staleText(q)}`),
    ]),
  ]);
}

/** A summary line per collection, followed by the first few missing, extra and differing ids. */
export function describeComparison(comparisons: ProjectionComparison[]): string[] {
  return comparisons.flatMap((p) => [
    `${p.projection} at position ${p.rebuiltPosition ?? 'none'}${p.livePosition === p.rebuiltPosition ? '' : ` (live checkpoint at ${p.livePosition ?? 'none'})`}`,
    ...p.collections.flatMap(describeCollection),
  ]);
}

function describeCollection(c: CollectionComparison): string[] {
  if (collectionIdentical(c)) return [`  ${c.collection}: ${c.rebuiltDocuments} documents, identical`];
  const stale = c.staleQueryColumns.length === 0 ? '' : `, ${c.staleQueryColumns.length} query column(s) disagreeing with their document`;
  const counts = `${c.missingFromLive.length} missing from live, ${c.extraInLive.length} extra in live, ${c.differing.length} differing${stale}`;
  return [
    `  ${c.collection}: ${c.rebuiltDocuments} rebuilt, ${c.liveDocuments} live: ${counts}`,
    ...sample(c.missingFromLive, (i) => `    missing from live: ${i}`),
    ...sample(c.extraInLive, (i) => `    extra in live: ${i}`),
    ...sample(c.differing, (d) => `    differs: ${d.id} at ${fieldText(d.path)}: live ${valueText(d.live)}, rebuilt ${valueText(d.rebuilt)}`),
    ...sample(c.staleQueryColumns, (q) => `    stale: ${q.id} ${staleText(q)}`),
  ];
}

function sample<T>(items: T[], line: (item: T) => string): string[] {
  const more = items.length - SHOWN_PER_KIND;
  return [...items.slice(0, SHOWN_PER_KIND).map(line), ...(more > 0 ? [`    … and ${more} more`] : [])];
}

const staleText = (q: StaleQueryColumn): string =>
  `query column ${q.field} holds ${valueText(q.column)} but the live document gives ${valueText(q.fromDocument)} (lists filtered on ${q.field} go by the column)`;

const fieldText = (path: string): string => (path === '' ? 'the whole document' : path);

function valueText(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
