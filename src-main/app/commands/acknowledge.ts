// A person acknowledges an advisory: stored, audited, published; with how it ended when known.
import type { Acknowledgement } from '../../../src-shared/advisory.js';
import { fail, ok, type CommandModule } from '../engine-context.js';

export const acknowledgeCommands: CommandModule<'acknowledge'> = (ctx) => ({
  acknowledge: async (r) => {
    const advisory = await ctx.advisories.find(r.advisoryId);
    if (!advisory) return fail('not-found', `no advisory with id ${r.advisoryId}`);
    const ack: Acknowledgement = await ctx.storage.acknowledge({ advisoryId: r.advisoryId, timeMs: ctx.clock(), actor: r.actor, action: r.action, notes: r.notes });
    await ctx.audit({
      timeMs: ack.timeMs,
      actor: r.actor,
      kind: 'acknowledgement',
      summary: `${advisory.severity} ${advisory.fault} advisory ${advisory.id} acknowledged: ${r.action}`,
      after: ack,
    });
    ctx.events.emit('acknowledgement', ack);
    if (r.outcome) await ctx.outcomes.record(advisory, r.outcome, r.actor, r.notes);
    return ok(ack);
  },
});
