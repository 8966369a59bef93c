// A person acknowledges an advisory: stored together with its audit entry (one transaction:
// never one without the other), published, and with how it ended when that is already known.
// The advisory's alarm event is acknowledged with it (the acknowledgement is of the fault).
import { isStorageError } from '../../storage/persistence.js';
import { fail, ok, type CommandModule } from '../engine-context.js';
import { dataNow } from './events.js';

export const acknowledgeCommands: CommandModule<'acknowledge'> = (ctx) => ({
  acknowledge: async (r) => {
    const advisory = await ctx.advisories.find(r.advisoryId);
    if (!advisory) return fail('not-found', `no advisory with id ${r.advisoryId}`);
    const eventId = advisory.eventId ?? null;
    const summary = `${advisory.severity} ${advisory.fault} advisory ${advisory.id} acknowledged: ${r.action}`;
    let stored;
    try {
      stored = await ctx.storage.acknowledgeWithAudit(
        { advisoryId: r.advisoryId, eventId, timeMs: ctx.clock(), actor: r.actor, action: r.action, notes: r.notes },
        summary,
      );
    } catch (e) {
      if (!isStorageError(e)) throw e;
      // One transaction: neither the acknowledgement nor its audit entry was written.
      return fail('unavailable', `acknowledgement not stored: ${(e as Error).message}; try again once the disk has space`);
    }
    const { acknowledgement, audit } = stored;
    ctx.events.emit('audit', audit);
    ctx.events.emit('acknowledgement', acknowledgement);
    if (eventId) {
      // Already acknowledged at this risk is fine: the record above is kept either way.
      const r2 = ctx.coordinator.events.acknowledge(eventId, r.actor, r.action, dataNow(ctx));
      if (r2.ok) void ctx.alarms.publish(r2.transitions);
    }
    if (r.outcome) {
      try {
        await ctx.outcomes.record(advisory, r.outcome, r.actor, r.notes);
      } catch (e) {
        if (!isStorageError(e)) throw e;
        return fail('unavailable', `acknowledgement ${acknowledgement.id} stored, but its outcome was not recorded (${(e as Error).message}); set the outcome again later`);
      }
    }
    return ok(acknowledgement);
  },
});
