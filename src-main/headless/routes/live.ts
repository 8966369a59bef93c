// Live views: health, status, drilling, diagnosis, verification, baseline. Cheap reads of the
// engine's in-memory state (status is the load-tested hot endpoint: no I/O on it).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from './common.js';
import { sendBridgeResult } from './common.js';

const noQuery = z.object({}).strict();

export const liveRoutes: FastifyPluginAsync<RouteDeps> = async (app, { engine }) => {
  app.get('/health', { schema: { querystring: noQuery } }, async (_req, reply) => sendBridgeResult(reply, await engine.call('getHealth', {})));

  app.get('/status', { schema: { querystring: noQuery } }, async () => engine.status());

  app.get('/drilling', { schema: { querystring: noQuery } }, async () => {
    const s = engine.status();
    const mseBaseline = s.baseline.metrics.find((m) => m.name === 'msePsi');
    return {
      // Data time of the values shown (the status clock is wall time).
      timeMs: s.metrics?.timeMs ?? s.packet?.timeMs ?? s.timeMs,
      rigState: s.rigState,
      operation: s.operation,
      campaign: s.campaign,
      metrics: s.metrics,
      baselineMsePsi: mseBaseline && mseBaseline.samples > 0 ? mseBaseline.mean : null,
      votes: s.currentAdvisory?.votes ?? [],
    };
  });

  app.get('/diagnosis', { schema: { querystring: noQuery } }, async (_req, reply) => {
    const a = engine.currentAdvisory();
    return a ? a : reply.code(204).send();
  });

  app.get('/verification', { schema: { querystring: noQuery } }, async (_req, reply) => {
    const r = await engine.call('getVerification', {});
    if (!r.ok) return sendBridgeResult(reply, r);
    return r.value ? r.value : reply.code(204).send();
  });

  app.get('/baseline', { schema: { querystring: noQuery } }, async (_req, reply) =>
    sendBridgeResult(reply, await engine.call('getBaseline', {})),
  );
};
