// One hub instance: Fastify on a PostgreSQL pool. Migrations run at start (serialised across
// instances). Holds no state of its own beyond caches, so any number of instances can serve
// one database behind a load balancer.
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError } from 'fastify';
import { installGuard } from './auth/guard.js';
import { RigKeyVerifier } from './auth/keys.js';
import type { HubConfig } from './config.js';
import type { HubContext } from './context.js';
import { Curator } from './curator/curator.js';
import { migrateHub } from './db/migrations.js';
import { createPool } from './db/pool.js';
import { errorReply } from './errors.js';
import { adminRoutes } from './routes/admin.js';
import { eventRoutes } from './routes/events.js';
import { fleetInfoRoutes } from './routes/fleet-info.js';
import { libraryRoutes } from './routes/library.js';
import { pageRoutes } from './routes/page.js';
import { EventStore } from './store/events.js';
import { LibraryStore } from './store/library.js';
import { RigStore } from './store/rigs.js';

export interface HubOptions {
  clock?: () => number;
  log?: (line: string) => void;
  /** Background curator pass; 0 = only after uploads and on /admin/curate (tests). */
  curatorIntervalMs?: number;
  /** Run the curator after each upload (default). Curator tests turn it off to call it themselves. */
  curateOnUpload?: boolean;
}

export interface RunningHub {
  url: string;
  port: number;
  curator: Curator;
  close(): Promise<void>;
}

export async function startHub(config: HubConfig, opts: HubOptions = {}): Promise<RunningHub> {
  const clock = opts.clock ?? Date.now;
  const log = opts.log ?? (() => {});
  const pool = createPool(config.databaseUrl, config.dbPoolSize);
  try {
    await migrateHub(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot prepare the hub database: ${(e as Error).message}`, { cause: e });
  }
  const rigs = new RigStore(pool);
  const curator = new Curator(pool, { cap: config.libraryCap, clock, log });
  const autoCurate = opts.curateOnUpload ?? true;
  const afterUpload = (): void => {
    if (autoCurate) curator.request().catch((e) => log(`curator run failed: ${(e as Error).message}`));
  };
  const ctx: HubContext = { config, pool, rigs, events: new EventStore(pool), library: new LibraryStore(pool), curator, afterUpload, clock, log };

  const app = Fastify({ logger: false, bodyLimit: config.maxUploadBytes, return503OnClosing: true, forceCloseConnections: true });
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const { status, code, message } = errorReply(err, config.maxUploadBytes);
    if (status >= 500) log(`request failed: ${err.stack ?? err.message}`);
    return reply.code(status).send({ error: code, message });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not-found', message: `no such endpoint: ${req.method} ${req.url.split('?')[0]}` }));

  // Rate limit first (per rig id and address), then the guard: both are route-level hooks.
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMin,
    timeWindow: 60_000,
    keyGenerator: (req) => `${String(req.headers['x-rig-id'] ?? '-').slice(0, 120)}@${req.ip}`,
    errorResponseBuilder: (_req, c) => ({ statusCode: 429, error: 'rate-limited', message: `more than ${c.max} requests a minute from this rig; retry in ${Math.ceil(c.ttl / 1000)} s` }),
  });
  installGuard(app, { adminKey: config.adminKey, rigs, verifier: new RigKeyVerifier() });
  await app.register(async (scope) => eventRoutes(scope, ctx));
  await app.register(async (scope) => libraryRoutes(scope, ctx));
  await app.register(async (scope) => fleetInfoRoutes(scope, ctx));
  await app.register(async (scope) => adminRoutes(scope, ctx));
  await app.register(async (scope) => pageRoutes(scope, ctx));

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  curator.start(opts.curatorIntervalMs ?? config.curatorIntervalMs);
  // Events stored by an instance that stopped before curating them are picked up now.
  afterUpload();
  const urlHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    curator,
    close: async () => {
      await app.close();
      await curator.stop();
      await pool.end();
    },
  };
}
