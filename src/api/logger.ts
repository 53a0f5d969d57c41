import pino, { type Logger } from 'pino';

/** PII and credentials that may appear in a logged body or object, one level deep, plus the bearer token and cookies. */
export const REDACTED_PATHS = [
  '*.name', '*.nationalId', '*.phone', '*.email', '*.bankAccount', '*.employer', '*.monthlyIncome', 'req.headers.authorization',
  '*.password', '*.newPassword', '*.currentPassword', '*.refreshToken', '*.accessToken', '*.code', '*.totp', '*.recoveryCode',
  'req.headers.cookie', 'res.headers["set-cookie"]',
];

/** The process logger: JSON lines to stdout (or `destination`), PII paths censored. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
