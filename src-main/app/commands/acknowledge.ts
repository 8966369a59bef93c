// A person acknowledges an advisory: stored, audited, published, with how it ended when known.
// The advisory's alarm event is acknowledged with it (the acknowledgement is of the fault).
import type { Acknowledgement } from '../../../src-shared/advisory.js';
import { fail, ok, type CommandModule } from '../engine-context.js';
import { dataNow } from './events.js';

export const acknowledgeCommands: CommandModule<'acknowledge'> = (ctx) => ({
  acknowledge: async (r) => {
    const advisory = await ctx.advisories.find(r.advisoryId);
    if (!advisory) return fail('not-found', `no advisory with id ${r.advisoryId}`);
    const eventId = advisory.eventId ?? null;
    const ack: Acknowledgement = await ctx.storage.acknowledge({ advisoryId: r.advisoryId, eventId, timeMs: ctx.clock(), actor: r.actor, action: r.action, notes: r.notes });
    await ctx.audit({
      timeMs: ack.timeMs,
      actor: r.actor,
      kind: 'acknowledgement',
      summary: `${advisory.severity} ${advisory.fault} advisory ${advisory.id} acknowledged: ${r.action}`,
      after: ack,
      subject: eventId,
    });
    ctx.events.emit('acknowledgement', ack);
    if (eventId) {
      // Already acknowledged at this risk is fine: the record above is kept either way.
      const r2 = ctx.coordinator.events.acknowledge(eventId, r.actor, r.action, dataNow(ctx));
      if (r2.ok) void ctx.alarms.publish(r2.transitions);
    }
    if (r.outcome) await ctx.outcomes.record(advisory, r.outcome, r.actor, r.notes);
    return ok(ack);
  },
});
