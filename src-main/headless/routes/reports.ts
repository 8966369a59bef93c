// Report downloads: /reports/shift.pdf?from&to (the current shift without them),
// /reports/well.pdf, /reports/interval.pdf?fromDepth&toDepth, each also as .csv and .json.
// The engine builds the file (exportReport); this only turns query parameters into the
// request and the answer into a download.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { REPORT_FORMATS, REPORT_KINDS, type ReportFormat, type ReportKind } from '../../../src-shared/reports.js';
import { numberParam, sendBridgeResult, timeParam, type RouteDeps } from './common.js';

const units = z.enum(['imperial', 'metric']).optional();
const queries: Record<ReportKind, z.ZodType> = {
  shift: z.object({ from: timeParam.optional(), to: timeParam.optional(), units }).strict(),
  well: z.object({ units }).strict(),
  interval: z.object({ fromDepth: numberParam, toDepth: numberParam, units }).strict(),
};

function requestFor(kind: ReportKind, q: Record<string, unknown>, format: ReportFormat): Record<string, unknown> {
  const common = { kind, format, units: q.units };
  if (kind === 'shift') return { ...common, fromMs: q.from, toMs: q.to };
  if (kind === 'interval') return { ...common, fromDepthFt: q.fromDepth, toDepthFt: q.toDepth };
  return common;
}

export const reportRoutes: FastifyPluginAsync<RouteDeps> = async (app, { engine }) => {
  for (const kind of REPORT_KINDS) {
    for (const format of REPORT_FORMATS) {
      app.get(`/reports/${kind}.${format}`, { schema: { querystring: queries[kind] } }, async (req, reply) => {
        const result = await engine.call('exportReport', requestFor(kind, req.query as Record<string, unknown>, format));
        if (!result.ok) return sendBridgeResult(reply, result);
        const file = result.value;
        return reply
          .code(200)
          .header('Content-Type', file.mimeType)
          .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
          .header('Cache-Control', 'no-store')
          .send(Buffer.from(file.base64, 'base64'));
      });
    }
  }
};
