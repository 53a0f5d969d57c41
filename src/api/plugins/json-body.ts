import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.js';

/** Valid JSON refused on purpose: a `__proto__` or `constructor.prototype` key would pollute prototypes where the body is merged. */
const prototypeKeyRefused = () => new HttpError(400, 'FORBIDDEN_PROTOTYPE_KEY', 'Body may not contain a __proto__ or constructor.prototype key');

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses `application/json` bodies with fastify's own parser (secure-json-parse), refusing rather
 * than stripping a `__proto__` or `constructor.prototype` key. That parser reports every refusal
 * as invalid JSON; this one tells them apart: a body JSON.parse reads is 400 FORBIDDEN_PROTOTYPE_KEY,
 * anything else (an empty body too) stays 400 MALFORMED_JSON. Only a refused body is parsed twice.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
    parse(request, body, (error, value) => (error && isJson(body) ? done(prototypeKeyRefused(), undefined) : done(error, value)));
  });
}
