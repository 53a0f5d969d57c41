import type { Projection } from './projection.js';

/**
 * Splits `projections` into at most `count` non-empty groups of about equal rebuild cost (each
 * Projection.rebuildCost, default 1), costliest first into the cheapest group so far, so the
 * threads of a parallel rebuild finish together. Order within a group follows the input.
 */
export function rebuildGroups(projections: Projection[], count: number): Projection[][] {
  const groups = Array.from({ length: Math.max(1, Math.min(count, projections.length)) }, () => ({ cost: 0, members: new Set<Projection>() }));
  const costliestFirst = [...projections].sort((a, b) => (b.rebuildCost ?? 1) - (a.rebuildCost ?? 1));
  for (const projection of costliestFirst) {
    const cheapest = groups.reduce((min, group) => (group.cost < min.cost ? group : min));
    cheapest.cost += projection.rebuildCost ?? 1;
    cheapest.members.add(projection);
  }
  return groups.map((group) => projections.filter((p) => group.members.has(p))).filter((group) => group.length > 0);
}
