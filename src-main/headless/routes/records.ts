// The durable record: audit log, shift summary, metric series (the ML reports are in ./ml.ts).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { MetricChannelSchema } from '../../../src-shared/bridge.js';
import { dataNowMs, intParam, numberParam, sendBridgeResult, timeParam, type RouteDeps } from './common.js';

const HOUR_MS = 3_600_000;

const auditQuery = z
  .object({
    limit: intParam(1, 5000).optional(),
    kind: z.string().min(1).max(64).optional(),
    since: timeParam.optional(),
    until: timeParam.optional(),
  })
  .strict();

const shiftQuery = z
  .object({
    hours: numberParam.pipe(z.number().positive().max(24 * 31)).optional(),
    from: timeParam.optional(),
    to: timeParam.optional(),
  })
  .strict()
  .refine((q) => !(q.hours !== undefined && (q.from !== undefined || q.to !== undefined)), {
    message: 'use either hours or from/to, not both',
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: 'from must be before to', path: ['from'] });

const metricsQuery = z
  .object({
    channels: z
      .string()
      .transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
      .pipe(z.array(MetricChannelSchema).min(1, 'name at least one channel').max(16)),
    from: timeParam.optional(),
    to: timeParam.optional(),
    maxPoints: intParam(10, 5000).optional(),
    /** Seconds per point (1 = raw 1 Hz, 60 = 1-min, 600 = 10-min); the alternative to maxPoints. */
    resolution: intParam(1, 86_400).optional(),
  })
  .strict()
  .refine((q) => !(q.maxPoints !== undefined && q.resolution !== undefined), { message: 'use either maxPoints or resolution, not both' });

const MAX_POINTS = 5000;


export const recordRoutes: FastifyPluginAsync<RouteDeps> = async (app, { engine }) => {
  app.get('/audit', { schema: { querystring: auditQuery } }, async (req, reply) => {
    const q = req.query as z.output<typeof auditQuery>;
    return sendBridgeResult(reply, await engine.call('getAudit', { limit: q.limit, kind: q.kind, sinceMs: q.since, untilMs: q.until }));
  });

  app.get('/shift/summary', { schema: { querystring: shiftQuery } }, async (req, reply) => {
    const q = req.query as z.output<typeof shiftQuery>;
    const toMs = q.to ?? dataNowMs(engine);
    const fromMs = q.from ?? toMs - (q.hours ?? 12) * HOUR_MS;
    return sendBridgeResult(reply, await engine.call('getShiftSummary', { fromMs, toMs }));
  });

  app.get('/metrics', { schema: { querystring: metricsQuery } }, async (req, reply) => {
    const q = req.query as z.output<typeof metricsQuery>;
    const toMs = q.to ?? dataNowMs(engine);
    const fromMs = q.from ?? toMs - HOUR_MS;
    let maxPoints = q.maxPoints ?? 1000;
    if (q.resolution !== undefined) {
      // A resolution is a point budget over the range; the store then picks raw or a rollup.
      const wanted = Math.ceil((toMs - fromMs) / (q.resolution * 1000));
      if (wanted + 1 > MAX_POINTS) {
        return reply.code(400).send({ error: 'invalid-request', message: `query.resolution: ${q.resolution} s over this range is ${wanted} points (at most ${MAX_POINTS}); choose a coarser resolution or a shorter range` });
      }
      maxPoints = Math.max(10, wanted + 1); // n intervals need n + 1 points
    }
    return sendBridgeResult(reply, await engine.call('getMetricSeries', { channels: q.channels, fromMs, toMs, maxPoints }));
  });
};
