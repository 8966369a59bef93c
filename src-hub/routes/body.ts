// Request bodies arrive as raw bytes (size-limited by Fastify before any parsing), are
// decompressed with a cap when sent zstd-encoded, then parsed as JSON and checked with zod.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { HubError } from '../errors.js';
import { zstdDecompressBounded } from '../zstd.js';

/** In this plugin's scope every body is taken as bytes, up to `limitBytes`. */
export function acceptRawBodies(app: FastifyInstance, limitBytes: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limitBytes }, (_req, body, done) => done(null, body));
}

export interface DecodedBody<T> {
  value: T;
  /** Bytes on the wire (compressed when the rig compressed). */
  wireBytes: number;
  /** The body as received when it came zstd-compressed (already checked to decompress within the cap). */
  zstd: Buffer | null;
}

export function decodeJsonBody<T>(req: FastifyRequest, schema: ZodType<T>, maxDecompressedBytes: number): DecodedBody<T> {
  const raw = req.body;
  if (!Buffer.isBuffer(raw) || raw.length === 0) throw new HubError(400, 'empty-body', 'request body is empty; send a JSON object');
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new HubError(415, 'unsupported-media-type', 'send the body as Content-Type: application/json');
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  let bytes: Buffer;
  if (encoding === 'zstd') bytes = zstdDecompressBounded(raw, maxDecompressedBytes);
  else if (encoding === 'identity') bytes = raw;
  else throw new HubError(415, 'unsupported-encoding', `Content-Encoding ${encoding} is not supported; send zstd or identity`);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HubError(400, 'malformed-json', 'request body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`)
      .join('; ');
    throw new HubError(400, 'invalid-request', detail);
  }
  return { value: parsed.data, wireBytes: raw.length, zstd: encoding === 'zstd' ? raw : null };
}
