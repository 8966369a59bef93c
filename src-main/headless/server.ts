// The headless HTTP API (/api/v1), the WebSocket Bridge and the static renderer, on Fastify.
// Every route validates its input with a zod schema at the boundary; every error is a JSON
// 4xx/5xx with a readable message, never a stack trace.
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import type { Engine } from '../app/engine.js';
import { clientErrorHandler, errorReply, frameworkErrors, zodMessage } from './api-errors.js';
import { advisoryRoutes } from './routes/advisories.js';
import { controlRoutes } from './routes/control.js';
import { eventRoutes } from './routes/events.js';
import { liveRoutes } from './routes/live.js';
import { mlRoutes } from './routes/ml.js';
import { recordRoutes } from './routes/records.js';
import { closeWithin, guardConnections } from './connections.js';
import { installRouteAccess, type ApiRoute } from './route-access.js';
import { assertServablePolicy, isLoopbackHost, type AuthPolicy } from './routes/security.js';
import { reportRoutes } from './routes/reports.js';
import { registerStatic } from './static.js';
import { registerWsBridge } from './ws-bridge.js';

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
  /** Open sockets at most (config server.max_connections); more are closed on arrival. */
  maxConnections?: number;
  /** On close, how long clients get to finish before their sockets are destroyed. */
  closeGraceMs?: number;
}

export interface ApiServer {
  url: string;
  port: number;
  /** Every registered route, with its methods and whether it is public (tests walk them). */
  readonly routes: readonly ApiRoute[];
  /** Sockets open on the server now. */
  connections(): Promise<number>;
  /** Finishes within closeGraceMs (plus a moment) whatever the clients do. */
  close(): Promise<void>;
}

export const API_PREFIX = '/api/v1';
const DEFAULT_BODY_LIMIT_BYTES = 65_536;
const DEFAULT_MAX_CONNECTIONS = 256;
const DEFAULT_CLOSE_GRACE_MS = 2000;

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
    // Fastify's own refusals (bad URL encoding, malformed HTTP) in the API's error format.
    frameworkErrors,
    clientErrorHandler,
    // A request that dribbles in (slowloris) does not hold a connection for ever.
    requestTimeout: 30_000,
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

  const guard = guardConnections(app, opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS);
  const routes = installRouteAccess(app, policy, host);

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
  await app.register(mlRoutes, { prefix: API_PREFIX, ...deps });
  await app.register(eventRoutes, { prefix: API_PREFIX, ...deps });
  await app.register(reportRoutes, { prefix: API_PREFIX, ...deps });

  await app.listen({ host, port: opts.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const routeList = routes();
  return {
    url: `http://${urlHost}:${port}`,
    port,
    routes: routeList,
    connections: () => guard.count(),
    close: () => closeWithin(app, guard, opts.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS),
  };
}
