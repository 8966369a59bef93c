// Reads of the durable record: advisory history, acknowledgements, audit, metric series,
// shift summary. The shells reach stored data only through these commands.
import { fail, ok, type CommandModule } from '../engine-context.js';

type RecordCommand = 'getHistory' | 'getAcknowledgements' | 'getAudit' | 'getMetricSeries' | 'getShiftSummary';

export const recordCommands: CommandModule<RecordCommand> = ({ storage }) => ({
  getHistory: async (r) =>
    ok(await storage.listAdvisories({ limit: r.limit ?? 50, category: r.category, minRisk: r.minRisk, sinceMs: r.sinceMs, untilMs: r.untilMs })),
  getAcknowledgements: async (r) => ok(await storage.listAcknowledgements({ advisoryId: r.advisoryId, limit: r.limit ?? 200 })),
  getAudit: async (r) => ok(await storage.listAudit({ limit: r.limit ?? 200, kind: r.kind, sinceMs: r.sinceMs, untilMs: r.untilMs })),
  getMetricSeries: async (r) => {
    if (r.toMs <= r.fromMs) return fail('invalid-request', 'toMs must be after fromMs');
    return ok(await storage.queryMetrics(r.channels, r.fromMs, r.toMs, r.maxPoints ?? 1000));
  },
  getShiftSummary: async (r) => ok(await storage.shiftSummary(r.fromMs, r.toMs)),
});
