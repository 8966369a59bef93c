// Every refusal is a JSON 4xx with a readable message; anything unexpected is a 500 that says
// only "internal error" (the log has the details). Never a stack trace on the wire.
import type { FastifyError } from 'fastify';
import { CorruptCompressionError, DecompressedTooLargeError } from './zstd.js';

export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

export function errorReply(err: FastifyError | Error, uploadLimitBytes: number): { status: number; code: string; message: string } {
  if (err instanceof HubError) return { status: err.status, code: err.code, message: err.message };
  if (err instanceof DecompressedTooLargeError) return { status: 413, code: 'too-large', message: err.message };
  if (err instanceof CorruptCompressionError) return { status: 400, code: 'bad-encoding', message: err.message };
  const f = err as FastifyError;
  if (f.validation || f.code === 'FST_ERR_VALIDATION') return { status: 400, code: 'invalid-request', message: f.message };
  switch (f.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'too-large', message: `request body is over the ${uploadLimitBytes}-byte limit` };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed-json', message: 'request body is not valid JSON' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported-media-type', message: 'send the body as Content-Type: application/json' };
  }
  const status = f.statusCode ?? 500;
  if (status === 429) return { status, code: 'rate-limited', message: f.message };
  if (status >= 400 && status < 500) return { status, code: f.code ?? 'bad-request', message: f.message };
  return { status: 500, code: 'internal', message: 'internal error; the hub log has the details' };
}
