/**
 * Names used while rebuilding: a projection's collections are rebuilt under `<name>__shadow` and
 * its progress is checkpointed under `<projection>__rebuild`, so the live model and its checkpoint
 * are untouched until the swap.
 */
export const shadowCollection = (collection: string): string => `${collection}__shadow`;

export const rebuildCheckpointName = (projection: string): string => `${projection}__rebuild`;
