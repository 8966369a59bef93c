// The headless HTTP API (/api/v1), the WebSocket Bridge and the static renderer, on Fastify.
// Every route validates its input with a zod schema at the boundary; every error is a JSON
// 4xx/5xx with a readable message, never a stack trace.
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import type { Engine } from '../app/engine.js';
import { StorageFullError } from '../storage/persistence.js';
import { advisoryRoutes } from './routes/advisories.js';
import { controlRoutes } from './routes/control.js';
import { eventRoutes } from './routes/events.js';
import { liveRoutes } from './routes/live.js';
import { recordRoutes } from './routes/records.js';
import {
  assertServablePolicy,
  authorize,
  bearerToken,
  isLoopbackHost,
  isLoopbackHostHeader,
  isWriteMethod,
  type AuthPolicy,
} from './routes/security.js';
import { registerStatic } from './static.js';
import { BRIDGE_PATH, registerWsBridge } from './ws-bridge.js';

export interface ApiServerOptions {
  host: string;
  /** 0 = let the OS choose (tests). */
  port: number;
  /** Required for POST (and for GET unless openReads) when host is not loopback. */
  token?: string;
  openReads?: boolean;
  bodyLimitBytes?: number;
  /** Built renderer; default dist-renderer/ in the working directory. */
  staticDir?: string;
  logger?: boolean;
}

export interface ApiServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const API_PREFIX = '/api/v1';
const DEFAULT_BODY_LIMIT_BYTES = 65_536;

/** Readable "where: what" lines from a zod error, e.g. "body.actor: actor name is required". */
function zodMessage(part: string, error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .map((i) => {
      const where = [part, ...i.path.map(String)].join('.');
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

function errorReply(err: FastifyError, bodyLimitBytes: number): { status: number; code: string; message: string } {
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

/** Starts the API. Rejects (clear message) when bound off loopback without a token. */
export async function startApiServer(engine: Engine, opts: ApiServerOptions): Promise<ApiServer> {
  const host = opts.host || '127.0.0.1';
  assertServablePolicy(host, opts.token);
  const bodyLimitBytes = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const policy: AuthPolicy = { loopback: isLoopbackHost(host), token: opts.token || null, openReads: opts.openReads ?? false };

  const app: FastifyInstance = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: bodyLimitBytes,
    return503OnClosing: true,
  });

  // JSON only: a cross-site <form> can send text/plain without a CORS preflight.
  app.removeContentTypeParser('text/plain');

  // Route schemas are zod schemas: one validator for the Bridge and HTTP.
  app.setValidatorCompiler<ZodType>(({ schema, httpPart }) => (data: unknown) => {
    const parsed = schema.safeParse(data);
    if (parsed.success) return { value: parsed.data };
    const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'input');
    return { error: new Error(zodMessage(part, parsed.error)) };
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const { status, code, message } = errorReply(err, bodyLimitBytes);
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: code, message });
  });

  app.addHook('onRequest', async (req, reply) => {
    if (policy.loopback && !isLoopbackHostHeader(req.headers.host)) {
      return reply.code(421).send({
        error: 'misdirected-request',
        message: `Host "${req.headers.host}" is not this machine: the API on ${host} answers only to localhost names`,
      });
    }
    if (!req.url.startsWith(`${API_PREFIX}/`) || req.url.startsWith(BRIDGE_PATH)) return; // bridge checks its own
    const denial = authorize(policy, isWriteMethod(req.method), bearerToken(req.headers.authorization));
    if (denial) return reply.code(denial.status).header('WWW-Authenticate', 'Bearer').send({ error: 'unauthorized', message: denial.message });
  });

  const statics = await registerStatic(app, opts.staticDir ?? path.resolve('dist-renderer'));
  app.setNotFoundHandler((req, reply) => {
    if (statics.fallback(req, reply)) return;
    return reply.code(404).send({ error: 'not-found', message: `no such endpoint: ${req.method} ${req.url.split('?')[0]}` });
  });

  await registerWsBridge(app, { engine, policy, maxPayloadBytes: Math.max(bodyLimitBytes, 1 << 20) });
  const deps = { engine };
  await app.register(liveRoutes, { prefix: API_PREFIX, ...deps });
  await app.register(advisoryRoutes, { prefix: API_PREFIX, ...deps });
  await app.register(controlRoutes, { prefix: API_PREFIX, ...deps });
  await app.register(recordRoutes, { prefix: API_PREFIX, ...deps });
  await app.register(eventRoutes, { prefix: API_PREFIX, ...deps });

  await app.listen({ host, port: opts.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: async () => {
      await app.close();
    },
  };
}
