// The ML engine's reports: the latest run, the optimum nearest a depth (204 when there is none
// yet), and "run now" (a write: audited by the engine, token-protected off loopback).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { BridgeRequests } from '../../../src-shared/bridge.js';
import { numberParam, sendBridgeResult, type RouteDeps } from './common.js';

const noQuery = z.object({}).strict();
const optimalQuery = z.object({ depth: numberParam.pipe(z.number().min(0).max(60_000)) }).strict();

export const mlRoutes: FastifyPluginAsync<RouteDeps> = async (app, { engine }) => {
  app.get('/ml/latest', { schema: { querystring: noQuery } }, async (_req, reply) => {
    const r = await engine.call('getMlLatest', {});
    if (r.ok && r.value === null) return reply.code(204).send();
    return sendBridgeResult(reply, r);
  });

  app.get('/ml/optimal', { schema: { querystring: optimalQuery } }, async (req, reply) => {
    const q = req.query as z.output<typeof optimalQuery>;
    const r = await engine.call('getMlOptimal', { depthFt: q.depth });
    if (r.ok && r.value === null) return reply.code(204).send();
    return sendBridgeResult(reply, r);
  });

  app.post('/ml/run', { schema: { body: BridgeRequests.runMlNow } }, async (req, reply) =>
    sendBridgeResult(reply, await engine.call('runMlNow', req.body)),
  );
};
