import { createHash, randomBytes, randomInt } from 'node:crypto';

/** SHA-256 hex of the parts joined by NUL: how codes and refresh tokens are kept (never in clear). */
export function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** A 6-digit code, uniformly random. */
export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** 32 random bytes, base64url: refresh tokens, session ids stay UUIDs. */
export function opaqueToken(): string {
  return randomBytes(32).toString('base64url');
}
