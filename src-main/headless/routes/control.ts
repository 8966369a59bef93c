// Campaign and configuration: reads, validated and audited writes (the engine audits).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { BridgeRequests } from '../../../src-shared/bridge.js';
import { CAMPAIGNS, campaignLabel } from '../../../src-shared/campaign.js';
import { sendBridgeResult, type RouteDeps } from './common.js';

const noQuery = z.object({}).strict();

export const controlRoutes: FastifyPluginAsync<RouteDeps> = async (app, { engine }) => {
  app.get('/campaign', { schema: { querystring: noQuery } }, async () => {
    const campaign = engine.status().campaign;
    return {
      campaign,
      label: campaignLabel(campaign),
      thresholds: engine.config().campaign[campaign],
      available: CAMPAIGNS.map((c) => ({ campaign: c, label: campaignLabel(c) })),
    };
  });

  app.post('/campaign', { schema: { body: BridgeRequests.setCampaign } }, async (req, reply) =>
    sendBridgeResult(reply, await engine.call('setCampaign', req.body)),
  );

  app.get('/config', { schema: { querystring: noQuery } }, async (_req, reply) =>
    sendBridgeResult(reply, await engine.call('getConfig', {})),
  );

  app.post('/config', { schema: { body: BridgeRequests.applyConfig } }, async (req, reply) => {
    const result = await engine.call('applyConfig', req.body);
    if (result.ok && !result.value.ok) {
      // Rejected by validation (applied:false with ok:true just means nothing changed): a 400 whose message names each key, plus the full list.
      const message = result.value.errors.map((e) => e.message).join('; ') || 'configuration not applied';
      return reply.code(400).send({ error: 'invalid-config', message, errors: result.value.errors, warnings: result.value.warnings });
    }
    return sendBridgeResult(reply, result);
  });

  app.post('/config/validate', { schema: { body: BridgeRequests.validateConfig } }, async (req, reply) =>
    sendBridgeResult(reply, await engine.call('validateConfig', req.body)),
  );
};
