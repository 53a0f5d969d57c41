import { mintToken } from '../../src/api/auth/token.js';

/** Bearer tokens for the staff a lending day needs; officer and underwriter differ, so four eyes holds. */
export interface StaffTokens {
  officer: string;
  underwriter: string;
  compliance: string;
  admin: string;
}

/** A 32-byte secret the harness hands the server as LENDCORE_JWT_SECRET, so it can sign tokens itself. */
export const HARNESS_JWT_SECRET = 'lendcore-fault-harness-secret-0123456789';

/** Signs one token per staff role with `secret`, valid for a day. */
export async function staffTokens(secret: string = HARNESS_JWT_SECRET): Promise<StaffTokens> {
  const key = Buffer.from(secret, 'utf8');
  const sign = (role: keyof StaffTokens) => mintToken({ sub: `${role}-harness`, role, ttl: '8h' }, key);
  const [officer, underwriter, compliance, admin] = await Promise.all([sign('officer'), sign('underwriter'), sign('compliance'), sign('admin')]);
  return { officer, underwriter, compliance, admin };
}
