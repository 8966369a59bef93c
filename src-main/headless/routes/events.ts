// Alarm events: the list (filter by state, fault, time), one event's timeline, and the person's
// actions on an event (acknowledge, shelve, unshelve). The engine validates and audits.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { intParam, sendBridgeResult, timeParam, type RouteDeps } from './common.js';

const listQuery = z
  .object({
    state: z.enum(['open', 'active-unacknowledged', 'active-acknowledged', 'cleared-unacknowledged', 'normal', 'any']).optional(),
    fault: z.string().min(1).max(40).optional(),
    since: timeParam.optional(),
    until: timeParam.optional(),
    limit: intParam(1, 1000).optional(),
  })
  .strict();
const idParams = z.object({ id: z.string().min(1).max(40) }).strict();
const noQuery = z.object({}).strict();

export const eventRoutes: FastifyPluginAsync<RouteDeps> = async (app, { engine }) => {
  app.get('/events', { schema: { querystring: listQuery } }, async (req, reply) => {
    const q = req.query as z.output<typeof listQuery>;
    return sendBridgeResult(reply, await engine.call('getEvents', { state: q.state, fault: q.fault, sinceMs: q.since, untilMs: q.until, limit: q.limit }));
  });

  app.get('/events/:id', { schema: { params: idParams, querystring: noQuery } }, async (req, reply) => {
    const { id } = req.params as z.output<typeof idParams>;
    return sendBridgeResult(reply, await engine.call('getEventTimeline', { eventId: id }));
  });

  app.post('/events/:id/acknowledge', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params as z.output<typeof idParams>;
    return sendBridgeResult(reply, await engine.call('acknowledgeEvent', { ...(req.body as object), eventId: id }), 201);
  });

  app.post('/events/:id/shelve', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params as z.output<typeof idParams>;
    return sendBridgeResult(reply, await engine.call('shelveEvent', { ...(req.body as object), eventId: id }));
  });

  app.post('/events/:id/unshelve', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params as z.output<typeof idParams>;
    return sendBridgeResult(reply, await engine.call('unshelveEvent', { ...(req.body as object), eventId: id }));
  });
};
