// Outcomes: how a confirmed advisory ended (set at acknowledgement or later), the record of
// them, and the per-fault counts of real events vs false alarms.
import { fail, ok, type CommandModule } from '../engine-context.js';

export const outcomeCommands: CommandModule<'setOutcome' | 'getOutcomes' | 'getOutcomeStats'> = (ctx) => ({
  setOutcome: async (r) => {
    const advisory = await ctx.advisories.find(r.advisoryId);
    if (!advisory) return fail('not-found', `no advisory with id ${r.advisoryId}`);
    return ok(await ctx.outcomes.record(advisory, r.outcome, r.actor, r.notes));
  },
  getOutcomes: async (r) => ok(await ctx.storage.listOutcomes({ advisoryId: r.advisoryId, limit: r.limit ?? 200 })),
  getOutcomeStats: async (r) => {
    if (r.sinceMs !== undefined && r.untilMs !== undefined && r.untilMs < r.sinceMs) return fail('invalid-request', 'untilMs must not be before sinceMs');
    return ok(await ctx.storage.outcomeStats({ sinceMs: r.sinceMs, untilMs: r.untilMs }));
  },
});
