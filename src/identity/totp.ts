import { generateSecret, generateSync, generateURI, verify } from 'otplib';

const ISSUER = 'lendcore';
/** One step either side: an authenticator clock up to 30 s off still works (RFC 6238 §5.2). */
const TOLERANCE_SECONDS = 30;

/** A new base32 secret (160 bits) and its otpauth:// URI for the authenticator app's QR code. */
export function newTotpSecret(label: string): { secret: string; otpauthUri: string } {
  const secret = generateSecret();
  return { secret, otpauthUri: generateURI({ issuer: ISSUER, label, secret }) };
}

/**
 * The time step the code matched, or null. A step at or before `lastStep` is refused, so a code
 * seen once (over a shoulder, in a log) cannot be used again inside its window.
 */
export async function matchTotp(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code an authenticator shows at `now` (tests and the CLI's enrolment check). */
export function totpCodeAt(secret: string, now: Date): string {
  return generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
