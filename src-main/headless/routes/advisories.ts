// Advisory history, acknowledgement (audited by the engine), critical reports.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { BridgeRequests } from '../../../src-shared/bridge.js';
import { intParam, sendBridgeResult, timeParam, type RouteDeps } from './common.js';

const historyQuery = z
  .object({
    limit: intParam(1, 1000).optional(),
    category: z.string().min(1).max(64).optional(),
    since: timeParam.optional(),
    until: timeParam.optional(),
  })
  .strict();

const acksQuery = z.object({ advisoryId: z.string().min(1).max(64).optional(), limit: intParam(1, 1000).optional() }).strict();
const criticalQuery = z.object({ limit: intParam(1, 1000).optional() }).strict();

export const advisoryRoutes: FastifyPluginAsync<RouteDeps> = async (app, { engine }) => {
  app.get('/history', { schema: { querystring: historyQuery } }, async (req, reply) => {
    const q = req.query as z.output<typeof historyQuery>;
    const result = await engine.call('getHistory', {
      limit: q.limit ?? 50,
      category: q.category,
      sinceMs: q.since,
      untilMs: q.until,
    });
    return sendBridgeResult(reply, result);
  });

  app.post('/advisory/acknowledge', { schema: { body: BridgeRequests.acknowledge } }, async (req, reply) =>
    sendBridgeResult(reply, await engine.call('acknowledge', req.body), 201),
  );

  app.get('/advisory/acknowledgements', { schema: { querystring: acksQuery } }, async (req, reply) =>
    sendBridgeResult(reply, await engine.call('getAcknowledgements', req.query as z.output<typeof acksQuery>)),
  );

  app.get('/reports/critical', { schema: { querystring: criticalQuery } }, async (req, reply) => {
    const q = req.query as z.output<typeof criticalQuery>;
    return sendBridgeResult(reply, await engine.call('getHistory', { minRisk: 'Critical', limit: q.limit ?? 50 }));
  });
};
