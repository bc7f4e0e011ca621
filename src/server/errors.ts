/**
 * The ONE error class of the HTTP layer and the ONE error handler. Handlers throw `HttpError` (or let a
 * typed domain error escape); the handler below turns everything into
 *   { "error": { "code": "<stable code>", "message": "<human text>", "field": "<the bad field, if any>" } }
 * Domain errors become HTTP errors here and nowhere else.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { CaseError } from '../cases/errors.ts';
import { CaseTransitionError } from '../cases/transitions.ts';
import { ActorTransitionError } from '../actors/raid-status.ts';
import { QueueTransitionError } from '../store/queue-status.ts';

export type ErrorCode =
  | 'invalid_request'
  | 'invalid_json'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'text_too_long'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'already_in_state'
  | 'illegal_transition'
  | 'decision_required'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  body_too_large: 413,
  text_too_long: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  already_in_state: 409,
  illegal_transition: 409,
  decision_required: 409,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = STATUS[code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field !== undefined ? { field: this.field } : {}) } };
  }
}

/** The first zod issue as an `invalid_request` naming the field (`body`, `query` or `params` when it is the whole thing). */
export function fromZodError(err: ZodError, part: 'body' | 'query' | 'params'): HttpError {
  const issue = err.issues[0]!;
  let path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    path = [...path, issue.keys[0] ?? ''];
    return new HttpError('invalid_request', `unknown field \`${path.join('.')}\``, path.join('.'));
  }
  const field = path.length > 0 ? path.join('.') : part;
  // zod does not report the input by default; a missing field reads "… received undefined".
  const message = issue.code === 'invalid_type' && / received undefined$/.test(issue.message) ? 'required' : issue.message;
  return new HttpError('invalid_request', `${field}: ${message}`, field);
}

/** Fastify's own errors (body parsing, limits, bad URLs) by code. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_BAD_URL: 'invalid_request',
};

export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof QueueTransitionError) return new HttpError(err.reason, err.message, 'decision');
  if (err instanceof ActorTransitionError) return new HttpError(err.reason, err.message, err.field);
  if (err instanceof CaseError) return new HttpError(err.reason, err.message, err.field);
  if (err instanceof CaseTransitionError) return new HttpError(err.reason, err.message, 'status');
  if (err instanceof ZodError) return fromZodError(err, 'body');
  const fe = (err ?? {}) as Partial<FastifyError> & { statusCode?: number };
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : undefined;
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped === 'body_too_large') return new HttpError(mapped, 'request body is larger than the limit', 'body');
  if (mapped === 'invalid_json') return new HttpError(mapped, `body is not valid JSON${fe.message ? `: ${fe.message}` : ''}`, 'body');
  if (mapped) return new HttpError(mapped, fe.message ?? mapped);
  if (err instanceof SyntaxError && status === 400) return new HttpError('invalid_json', `body is not valid JSON: ${err.message}`, 'body');
  if (status === 429) return new HttpError('rate_limited', fe.message ?? 'too many requests');
  if (status !== undefined && status >= 400 && status < 500) {
    const code: ErrorCode = status === 413 ? 'body_too_large' : status === 415 ? 'unsupported_media_type' : status === 404 ? 'not_found' : 'invalid_request';
    return new HttpError(code, fe.message ?? code);
  }
  return new HttpError('internal', 'internal error');
}

export function errorHandler(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const http = toHttpError(err);
  if (http.status >= 500) {
    // Never the request body: it may hold the text and its PII.
    request.log.error({ err, route: request.routeOptions.url, method: request.method }, 'request failed');
  }
  return reply.code(http.status).type('application/json; charset=utf-8').send(http.toBody());
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const http = new HttpError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
  return reply.code(http.status).send(http.toBody());
}
