// Advisory history, acknowledgement and outcome (audited by the engine), outcome counts, critical reports.
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
const outcomesQuery = acksQuery;
const statsQuery = z.object({ since: timeParam.optional(), until: timeParam.optional() }).strict();

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

  app.post('/advisory/outcome', { schema: { body: BridgeRequests.setOutcome } }, async (req, reply) =>
    sendBridgeResult(reply, await engine.call('setOutcome', req.body), 201),
  );

  app.get('/advisory/outcomes', { schema: { querystring: outcomesQuery } }, async (req, reply) =>
    sendBridgeResult(reply, await engine.call('getOutcomes', req.query as z.output<typeof outcomesQuery>)),
  );

  app.get('/outcomes/stats', { schema: { querystring: statsQuery } }, async (req, reply) => {
    const q = req.query as z.output<typeof statsQuery>;
    return sendBridgeResult(reply, await engine.call('getOutcomeStats', { sinceMs: q.since, untilMs: q.until }));
  });

  app.get('/reports/critical', { schema: { querystring: criticalQuery } }, async (req, reply) => {
    const q = req.query as z.output<typeof criticalQuery>;
    return sendBridgeResult(reply, await engine.call('getHistory', { minRisk: 'Critical', limit: q.limit ?? 50 }));
  });
};
