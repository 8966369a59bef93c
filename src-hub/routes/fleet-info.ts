// Health (public: load balancers probe it) and the list of rigs (any rig or the admin).
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../context.js';

export async function fleetInfoRoutes(app: FastifyInstance, ctx: HubContext): Promise<void> {
  app.get('/api/fleet/health', { config: { access: 'public' } }, async (_req, reply) => {
    try {
      const [version, episodes] = await Promise.all([ctx.library.version(), ctx.library.size()]);
      return { status: 'healthy', database: 'reachable', libraryVersion: version, libraryEpisodes: episodes, timeMs: ctx.clock() };
    } catch (e) {
      ctx.log(`health: database unreachable: ${(e as Error).message}`);
      return reply.code(503).send({ status: 'unhealthy', database: 'unreachable', timeMs: ctx.clock() });
    }
  });

  app.get('/api/fleet/rigs', { config: { access: 'rig-or-admin' } }, async () => {
    const [rigs, version] = await Promise.all([ctx.rigs.list(), ctx.library.version()]);
    return { libraryVersion: version, rigs };
  });
}
