import { createHash } from 'node:crypto';

/** The namespace of lendcore's migration ids (a fixed random UUID): never change it, or re-imports would duplicate. */
const MIGRATION_NAMESPACE = 'b6f0c1e2-5a3d-4f8e-9c71-2d4e6a8b0c13';

/** RFC 9562 §5.5 UUIDv5: SHA-1 of the namespace and name; the same name always gives the same id. */
export function uuidv5(name: string, namespace: string = MIGRATION_NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The lendcore customer id of a legacy customer: deterministic, so a re-run finds it instead of registering it again. */
export const migratedCustomerId = (sourceSystem: string, legacyId: string) => uuidv5(`${sourceSystem}/customer/${legacyId}`);

/** The lendcore loan id of a legacy loan (see migratedCustomerId). */
export const migratedLoanId = (sourceSystem: string, legacyId: string) => uuidv5(`${sourceSystem}/loan/${legacyId}`);
