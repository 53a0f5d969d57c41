import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { resolveSecrets } from '../../src/config/secrets.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('turns the sandbox payment gateway on by default only in development: anyone reaching its page can "pay" (QA 9 Q11)', () => {
    expect(loadConfig({}).payments.sandbox).toBe(false);
    expect(loadConfig({ LENDCORE_ENV: 'production' }).payments.sandbox).toBe(false);
    expect(loadConfig({ LENDCORE_ENV: 'development' }).payments.sandbox).toBe(true);
    expect(loadConfig({ LENDCORE_ENV: 'production', LENDCORE_PAYMENTS_SANDBOX: 'on' }).payments.sandbox).toBe(true);
    expect(loadConfig({ LENDCORE_ENV: 'development', LENDCORE_PAYMENTS_SANDBOX: 'off' }).payments.sandbox).toBe(false);
  });

  it('defaults to the embedded set-up under ./data, log and read models in separate files', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      eventStore: { kind: 'sqlite', path: 'data/lendcore.db' },
      readStore: { kind: 'sqlite', path: 'data/readmodels.db' },
      sqliteSynchronous: 'FULL',
      jwtSecret: null,
      masterKey: null,
      logLevel: 'info',
      projectors: true,
    });
    expect(config.rateLimitPerMinute).toBeGreaterThan(1000);
  });

  it('takes server URLs and settings from the environment', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({
      PORT: '8080',
      LENDCORE_EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      LENDCORE_READSTORE_URL: 'mongodb://localhost:27017/lendcore',
      LENDCORE_MASTER_KEY: key,
      LENDCORE_JWT_SECRET: 'f3a1c9e07b2d4c68a5e19f0d7c3b2a8e'.repeat(2),
      LENDCORE_PROJECTORS: 'off',
      LENDCORE_RATE_LIMIT: '0',
      LENDCORE_SQLITE_SYNCHRONOUS: 'NORMAL',
    });
    expect(config).toMatchObject({
      port: 8080,
      eventStore: { kind: 'esdb', url: 'esdb://localhost:2113?tls=false' },
      readStore: { kind: 'mongodb', url: 'mongodb://localhost:27017/lendcore' },
      projectors: false,
      rateLimitPerMinute: 0,
      sqliteSynchronous: 'NORMAL',
    });
    expect(config.masterKey?.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it('reports every bad variable on its own line, naming it and what it expects', () => {
    const problems = problemsOf({ PORT: 'eighty', LENDCORE_EVENTSTORE_URL: 'postgres://db', LENDCORE_READSTORE_URL: 'redis://x', LENDCORE_PROJECTORS: 'yes' });
    expect(problems).toEqual([
      'PORT: expected an integer from 0 to 65535 (got "eighty")',
      'LENDCORE_EVENTSTORE_URL: expected sqlite:<path> or esdb://host:port (got "postgres://db")',
      'LENDCORE_READSTORE_URL: expected sqlite:<path> or mongodb://host:port (got "redis://x")',
      'LENDCORE_PROJECTORS: expected on or off (got "yes")',
    ]);
  });

  it('refuses an out-of-range port, and never echoes a bad secret', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT: expected an integer from 0 to 65535 (got "70000")']);
    expect(problemsOf({ LENDCORE_MASTER_KEY: 'c2hvcnQ=' })).toEqual(['LENDCORE_MASTER_KEY: expected 32 bytes, base64-encoded']);
    expect(problemsOf({ LENDCORE_JWT_SECRET: 'short' })).toEqual(['LENDCORE_JWT_SECRET: expected at least 32 characters, whose bytes are the key (e.g. the 64 hex characters of openssl rand -hex 32)']);
  });

  it('refuses a low-entropy token secret however long, and accepts 32 random bytes', () => {
    const refused = 'LENDCORE_JWT_SECRET: expected a random string, whose bytes are the key (e.g. the 64 hex characters of openssl rand -hex 32); this value is too predictable';
    expect(problemsOf({ LENDCORE_JWT_SECRET: 'x'.repeat(32) })).toEqual([refused]);
    expect(problemsOf({ LENDCORE_JWT_SECRET: 'ab'.repeat(40) })).toEqual([refused]);
    expect(loadConfig({ LENDCORE_JWT_SECRET: randomBytes(32).toString('base64') }).jwtSecret).not.toBeNull();
    expect(loadConfig({ LENDCORE_JWT_SECRET: randomBytes(32).toString('hex') }).jwtSecret).not.toBeNull();
  });

  it('reads the OIDC provider settings, mapping provider roles to staff roles', () => {
    expect(loadConfig({}).oidc).toBeNull();
    const config = loadConfig({
      LENDCORE_OIDC_ISSUER: 'https://sso.example.com/realms/lender', LENDCORE_OIDC_AUDIENCE: 'lendcore-api',
      LENDCORE_OIDC_ROLE_CLAIM: 'realm_access.roles', LENDCORE_OIDC_ROLES: 'loan-officer=officer, auditor=compliance',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://sso.example.com/realms/lender', audience: 'lendcore-api', roleClaim: 'realm_access.roles',
      roleMap: { 'loan-officer': 'officer', auditor: 'compliance' }, jwksUrl: null,
    });
    expect(problemsOf({ LENDCORE_OIDC_ISSUER: 'https://sso.example.com' })).toEqual(['LENDCORE_OIDC_AUDIENCE: required with LENDCORE_OIDC_ISSUER (the client id tokens are issued for)']);
    expect(problemsOf({ LENDCORE_OIDC_ROLES: 'x=borrower' })[0]).toMatch(/^LENDCORE_OIDC_ROLES: expected provider-role=lendcore-role pairs/);
  });

  it('reads CORS origins as a list and refuses wildcards', () => {
    expect(loadConfig({ LENDCORE_CORS_ORIGINS: 'https://a.example.com, http://localhost:5173' }).corsOrigins).toEqual(['https://a.example.com', 'http://localhost:5173']);
    expect(problemsOf({ LENDCORE_CORS_ORIGINS: '*' })[0]).toMatch(/^LENDCORE_CORS_ORIGINS: expected a comma-separated list of origins/);
  });

  it('bounds token lifetimes by LENDCORE_TOKEN_MAX_TTL (8 h unless set)', () => {
    expect(loadConfig({}).tokenMaxTtlSeconds).toBe(8 * 3600);
    expect(loadConfig({ LENDCORE_TOKEN_MAX_TTL: '30m' }).tokenMaxTtlSeconds).toBe(1800);
    expect(problemsOf({ LENDCORE_TOKEN_MAX_TTL: 'forever' })).toEqual(['LENDCORE_TOKEN_MAX_TTL: expected a duration like 8h, 15m or 1d (got "forever")']);
  });

  it('puts the message lines in the error text', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: expected one of fatal, error/);
  });
});

describe('resolveSecrets', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('creates 32-byte secrets mode 0600 on first start and reuses them after', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'cfg-')), 'nested');
    dirs.push(path.dirname(dataDir));
    const config = loadConfig({ LENDCORE_DATA_DIR: dataDir });
    const first = await resolveSecrets(config);
    expect(first.jwtSecret).toHaveLength(32);
    expect(first.masterKey).toHaveLength(32);
    expect(first.jwtSecret.equals(first.masterKey)).toBe(false);
    expect(statSync(path.join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    const second = await resolveSecrets(config);
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
    expect(second.jwtSecret.equals(first.jwtSecret)).toBe(true);
  });

  it('prefers secrets from the environment and refuses a corrupt key file', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
    dirs.push(dataDir);
    const key = Buffer.alloc(32, 1);
    const fromEnv = await resolveSecrets(loadConfig({ LENDCORE_DATA_DIR: dataDir, LENDCORE_MASTER_KEY: key.toString('base64') }));
    expect(fromEnv.masterKey.equals(key)).toBe(true);
    expect(() => readFileSync(path.join(dataDir, 'master.key'))).toThrow();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dataDir, 'master.key'), 'c2hvcnQ=');
    await expect(resolveSecrets(loadConfig({ LENDCORE_DATA_DIR: dataDir }))).rejects.toThrow(/32 base64-encoded bytes/);
  });
});
