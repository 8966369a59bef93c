// The API's one error format, {"error": code, "message": readable text}, for every refusal:
// route validation, body parsing, storage, and Fastify's and Node's own (bad URL, malformed
// HTTP). Never a stack trace.
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { StorageFullError } from '../storage/persistence.js';

/** Readable "where: what" lines from a zod error, e.g. "body.actor: actor name is required". */
export function zodMessage(part: string, error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .map((i) => {
      const where = [part, ...i.path.map(String)].join('.');
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

export function errorReply(err: FastifyError, bodyLimitBytes: number): { status: number; code: string; message: string } {
  if (err.validation || err.code === 'FST_ERR_VALIDATION') return { status: 400, code: 'invalid-request', message: err.message };
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body-too-large', message: `request body is over the ${bodyLimitBytes}-byte limit` };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'malformed-json', message: `request body is not valid JSON: ${err.message}` };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed-json', message: 'request body is empty; send a JSON object' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported-media-type', message: 'send the body as Content-Type: application/json' };
  }
  if (err instanceof SyntaxError) return { status: 400, code: 'malformed-json', message: `request body is not valid JSON: ${err.message}` };
  if (err instanceof StorageFullError) return { status: 503, code: 'disk-full', message: err.message };
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, code: err.code ?? 'bad-request', message: err.message };
  return { status: 500, code: 'internal', message: 'internal error; the server log has the details' };
}

/** Fastify's router refusals (an invalid %-escape, an over-long parameter). */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const path = (req.raw.url ?? '').split('?')[0];
  const message = err.code === 'FST_ERR_BAD_URL' ? `the path ${JSON.stringify(path)} is not valid URL encoding` : err.message;
  void reply.code(err.statusCode ?? 400).send({ error: err.code === 'FST_ERR_BAD_URL' ? 'bad-url' : 'bad-request', message });
}

/** Requests Node's parser refuses before Fastify sees them: answered, then the socket closed. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request-timeout', 'the request did not arrive in time']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers-too-large', 'the request headers are too large']
        : [400, 'malformed-request', `not a valid HTTP request (${err.code ?? 'parse error'})`];
  const body = JSON.stringify({ error: code, message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
