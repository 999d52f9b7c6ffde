import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError, fieldSentence, PROBLEM_STATUS, PROBLEM_TITLES, type FieldProblem, type ProblemCode, type ProblemSpan } from './errors.ts';
import { fieldProblems } from './validation.ts';
import { DecryptError } from '../crypto/keyring.ts';
import { isConsoleRoute } from './web.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The RFC 9457 body Ringfence sends for every error. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  field?: string;
  errors?: FieldProblem[];
  spans?: ProblemSpan[];
}

function problemType(code: ProblemCode): string {
  return `urn:ringfence:problem:${code}`;
}

function codeForStatus(status: number): ProblemCode {
  const found = (Object.entries(PROBLEM_STATUS) as [ProblemCode, number][]).find(([, s]) => s === status);
  return found ? found[0] : status >= 500 ? 'internal' : 'validation';
}

/** Sends a problem+json response. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  detail: string,
  extra: { status?: number; field?: string; errors?: FieldProblem[]; spans?: ProblemSpan[] } = {},
): FastifyReply {
  const status = extra.status ?? PROBLEM_STATUS[code];
  const body: ProblemBody = {
    type: problemType(code),
    title: PROBLEM_TITLES[code],
    status,
    detail,
    // The path only: a query string could carry something sensitive.
    instance: request.url.split('?')[0] ?? '/',
    requestId: String(request.id),
  };
  if (extra.field) body.field = extra.field;
  if (extra.errors) body.errors = extra.errors;
  if (extra.spans) body.spans = extra.spans;
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * One error handler for the whole app, registered before any route: AppError, schema
 * validation, body parsing and rate limits become problem+json; anything else is a 500 that
 * says only "internal error" and the request id (the log has the rest, without PHI).
 */
export function registerProblemHandlers(app: FastifyInstance, options: { webIndex?: () => string | null } = {}): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return sendProblem(request, reply, error.code, error.detail, { field: error.field, errors: error.errors, spans: error.spans });
    }
    if (error instanceof DecryptError) {
      // A destroyed key (crypto-shredding) or an altered ciphertext: the value is gone, not a server fault.
      request.log.warn({ err: { type: 'DecryptError', message: error.message } }, 'encrypted value could not be read');
      return sendProblem(request, reply, 'gone', 'This record can no longer be read: its encryption key was destroyed or the stored value was altered');
    }
    const fe = error as FastifyError & { validation?: ErrorObject[]; validationContext?: string };
    if (fe.validation) {
      const errors = fieldProblems(fe.validation, fe.validationContext ?? 'body');
      const first = errors[0];
      const detail = first ? fieldSentence(first.field, first.message) : 'The request is invalid.';
      return sendProblem(request, reply, 'validation', detail, { field: first?.field, errors });
    }
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = codeForStatus(status);
      // Fastify's own 4xx messages (bad JSON, wrong content type, too large) name no data.
      const detail = fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Send the body as application/json' : fe.message;
      if (status === 429 && fe.message) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
      return sendProblem(request, reply, code, detail, { status });
    }
    request.log.error({ err: { type: fe.name, code: fe.code, message: fe.message, stack: fe.stack } }, 'request failed');
    return sendProblem(request, reply, 'internal', `Internal error; quote request id ${String(request.id)} when reporting it`, {
      status: status >= 500 && status < 600 ? status : 500,
    });
  });

  app.setNotFoundHandler((request, reply) => {
    // Paths of the web app's own routes (/users, /account) load the app, which routes itself;
    // a missing /assets/ file stays a 404 (an HTML page would be read as a script or style).
    const html = isConsoleRoute(request.method, request.url) ? options.webIndex?.() : null;
    if (html) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    return sendProblem(request, reply, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
}

/**
 * Fastify's answers from before routing (a malformed percent-encoding, a path parameter over
 * the router's limit) as problem+json, like every other error: Fastify's `frameworkErrors`.
 */
export function sendFrameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  void sendProblem(request, reply, 'validation', status === 414 ? 'A path parameter is too long' : 'The address is not validly encoded', { status });
}

/**
 * Requests Node's HTTP parser refuses (headers or URL over the size limit, malformed HTTP):
 * Fastify's `clientErrorHandler`. There is no request yet, so the problem's request id is
 * made here, and the connection is closed as Node does.
 */
export function sendClientErrorProblem(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const detail = status === 408 ? 'The request took too long to arrive' : status === 431 ? 'The request headers (or its address) are too large' : 'The request is not valid HTTP';
  const requestId = randomUUID();
  const body: ProblemBody = { type: problemType('validation'), title: PROBLEM_TITLES.validation, status, detail, instance: '/', requestId };
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nX-Request-Id: ${requestId}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
