import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError, type core } from 'zod';
import { DomainError, type DomainErrorKind } from '../domain/errors.js';
import { ConcurrencyError } from '../eventstore/concurrency-error.js';
import { AuthError } from '../identity/auth-error.js';
import { ReadStoreError } from '../readstore/errors.js';
import { HttpError } from './http-error.js';
import { PROBLEM_CODE_PARAM } from './problem-code-param.js';

/** RFC 9457 problem details; `code` is the stable machine-readable reason. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
}

export interface ProblemResponse {
  problem: Problem;
  headers: Record<string, string>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const DOMAIN_STATUS: Record<DomainErrorKind, number> = { invalid: 400, not_found: 404, conflict: 409, rule: 422, upstream: 502 };

// Fastify's own client errors, renamed to our codes; any other fastify 4xx keeps its code.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_CONTENT_LENGTH',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
  FST_ERR_BAD_URL: 'MALFORMED_URL',
  FST_ERR_INVALID_URL: 'MALFORMED_URL',
};

// Clearer words than fastify's own for the client errors a caller can fix.
const FASTIFY_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'send the body as application/json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'the request body is larger than 1 MiB',
  FST_ERR_MAX_PARAM_LENGTH: 'a path segment is longer than 100 characters',
};

export function problem(status: number, code: string, detail: string): Problem {
  return { type: `urn:lendcore:problem:${code.toLowerCase().replaceAll('_', '-')}`, title: TITLES[status] ?? 'Error', status, detail, code };
}

/** Maps any thrown value to a problem; a 500 never carries the error's message or stack. */
export function toProblem(error: unknown): ProblemResponse {
  if (error instanceof HttpError) return { problem: problem(error.statusCode, error.code, error.message), headers: error.headers };
  if (error instanceof AuthError) return plain(problem(401, error.code, error.message));
  if (error instanceof ConcurrencyError) return plain(problem(409, error.code, error.message));
  if (error instanceof DomainError) return plain(problem(DOMAIN_STATUS[error.kind], error.code, error.message));
  // Read-store refusals come from query strings (cursors, filters): the caller's mistake, not ours.
  if (error instanceof ReadStoreError) return plain(problem(error.code === 'UNKNOWN_COLLECTION' ? 404 : 400, error.code, error.message));
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const own = ownProblem(error.validation.map((v) => ({ path: v.instancePath, message: v.message ?? 'invalid', params: (v.params as { params?: unknown }).params })));
    if (own) return plain(own);
    return plain(problem(400, 'VALIDATION_FAILED', error.validation.map((v) => describeIssue(where, v.instancePath, v.message ?? 'invalid', v.params)).join('; ')));
  }
  if (error instanceof ZodError) {
    const own = ownProblem(error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message, params: (i as { params?: unknown }).params })));
    if (own) return plain(own);
    return plain(problem(400, 'VALIDATION_FAILED', error.issues.map((i) => describeIssue('request', `/${i.path.join('/')}`, i.message, i)).join('; ')));
  }
  const fastifyError = error as Partial<FastifyError> & { status?: unknown };
  const status = fastifyError.statusCode ?? fastifyError.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Plugins' http-errors (e.g. @fastify/static's 416 for a bad Range) carry a status but no code.
    const code = typeof fastifyError.code === 'string' ? fastifyError.code : `HTTP_${status}`;
    const detail = FASTIFY_DETAILS[code] ?? fastifyError.message ?? TITLES[status] ?? 'the request was refused';
    return plain(problem(status, FASTIFY_CODES[code] ?? code, detail));
  }
  return plain(problem(500, 'INTERNAL', 'something went wrong on our side; quote the x-correlation-id header when reporting it'));
}

/**
 * A 400 with a refinement's own code (an amount's INVALID_AMOUNT or NEGATIVE_AMOUNT, see
 * schemas/common.ts) when every issue carries the same one; its detail names each field
 * ("principal.min …"), as the domain's refusal of the same field would. Null otherwise: issues of
 * several kinds together stay one VALIDATION_FAILED.
 */
function ownProblem(issues: { path: string; message: string; params: unknown }[]): Problem | null {
  const codes = new Set(issues.map((i) => (i.params as Record<string, unknown> | undefined)?.[PROBLEM_CODE_PARAM]));
  const [code] = codes;
  if (issues.length === 0 || codes.size !== 1 || typeof code !== 'string') return null;
  return problem(400, code, issues.map((i) => `${i.path.slice(1).replaceAll('/', '.')} ${i.message}`).join('; '));
}

function describeIssue(where: string, instancePath: string, message: string, params: unknown): string {
  const field = `${where}${instancePath === '/' ? '' : instancePath.replaceAll('/', '.')}`;
  const keys = (params as Partial<core.$ZodIssueUnrecognizedKeys>).keys;
  return Array.isArray(keys) ? `${field}: unknown field(s) ${keys.join(', ')}` : `${field}: ${message}`;
}

const plain = (p: Problem): ProblemResponse => ({ problem: p, headers: {} });

/** Fastify error handler: every error leaves as application/problem+json; 5xx are logged with the correlation id. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { problem: body, headers } = toProblem(error);
  if (body.status >= 500) request.log.error({ err: error }, 'unhandled error');
  return reply.status(body.status).headers(headers).type('application/problem+json').send(body);
}

/**
 * Unknown routes answer 404 problem+json like every other error; a known path asked with a method
 * it does not serve answers 405 with `Allow` listing the methods it does (`allowed`, empty for an
 * unknown path).
 */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply, allowed: readonly string[] = []): FastifyReply {
  const path = request.url.split('?')[0];
  if (allowed.length > 0) {
    return reply.status(405).header('allow', allowed.join(', ')).type('application/problem+json')
      .send(problem(405, 'METHOD_NOT_ALLOWED', `${path} does not answer ${request.method}; it answers ${allowed.join(', ')}`));
  }
  return reply.status(404).type('application/problem+json').send(problem(404, 'NOT_FOUND', `no route ${request.method} ${path}`));
}

/**
 * The problem for an error node's HTTP parser raises before fastify sees a request (`clientError`):
 * request line and headers over the 16 KiB limit (a huge URL) → 431, a request not sent in time →
 * 408, any other unparseable request → 400.
 */
export function clientErrorProblem(error: { code?: string }): Problem {
  if (error.code === 'HPE_HEADER_OVERFLOW') return problem(431, 'HEADERS_TOO_LARGE', 'the request line and headers together exceed 16 KiB; shorten the URL or the headers');
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return problem(408, 'REQUEST_TIMEOUT', 'the request was not sent in time');
  return problem(400, 'MALFORMED_REQUEST', 'the request is not valid HTTP/1.1');
}
