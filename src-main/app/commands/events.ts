// Alarm events: list, timeline, acknowledge (the event, not one advisory), shelve and unshelve.
// A person's action is stamped with the feed's data time, so it sits on the same time axis as
// the advisories and transitions it answers.
import type { AlarmEvent, EventTransition } from '../../../src-shared/events.js';
import { isStorageError } from '../../storage/persistence.js';
import { fail, ok, type CommandModule, type EngineContext } from '../engine-context.js';

type EventCommand = 'getEvents' | 'getEventTimeline' | 'acknowledgeEvent' | 'shelveEvent' | 'unshelveEvent';

/** Data time now: the latest packet's time, else the wall clock (no feed yet). */
export const dataNow = (ctx: EngineContext): number => ctx.coordinator.packet?.timeMs ?? ctx.clock();

async function findEvent(ctx: EngineContext, id: string): Promise<AlarmEvent | null> {
  return ctx.coordinator.events.get(id) ?? (await ctx.storage.getEvent(id));
}

export const eventCommands: CommandModule<EventCommand> = (ctx) => ({
  getEvents: async (r) => {
    const state = r.state ?? 'open';
    const stored = await ctx.storage.listEvents({ state, fault: r.fault, sinceMs: r.sinceMs, untilMs: r.untilMs, limit: r.limit ?? 200 });
    // The tracker's copy is newer than the store's for open events (saves are queued).
    const live = new Map(ctx.coordinator.events.openEvents().map((e) => [e.id, e]));
    return ok(stored.map((e) => live.get(e.id) ?? e).filter((e) => state === 'any' || (state === 'open' ? e.state !== 'normal' : e.state === state)));
  },
  getEventTimeline: async (r) => {
    const event = await findEvent(ctx, r.eventId);
    if (!event) return fail('not-found', `no event with id ${r.eventId}`);
    const entries = await ctx.storage.listAudit({ kind: 'alarm-event', subject: r.eventId, limit: 5000 });
    const transitions = entries.map((e) => e.after).filter((t): t is EventTransition => !!t).reverse();
    const acknowledgements = (await ctx.storage.listAcknowledgements({ limit: 5000 })).filter((a) => a.eventId === r.eventId);
    return ok({ event, transitions, acknowledgements });
  },
  acknowledgeEvent: async (r) => {
    const tracker = ctx.coordinator.events;
    const timeMs = dataNow(ctx);
    const result = tracker.acknowledge(r.eventId, r.actor, r.action, timeMs);
    if (!result.ok) return fail(result.code, result.error);
    const event = tracker.get(r.eventId) as AlarmEvent;
    const summary = `${event.riskLevel} ${event.fault} event ${event.id} acknowledged: ${r.action}`;
    let stored;
    try {
      stored = await ctx.storage.acknowledgeWithAudit(
        { advisoryId: event.latestAdvisoryId, eventId: event.id, timeMs: ctx.clock(), actor: r.actor, action: r.action, notes: r.notes },
        summary,
      );
    } catch (e) {
      if (!isStorageError(e)) throw e;
      // The event state has moved on in memory; the record could not be written: say so.
      return fail('unavailable', `event acknowledged on screen but not stored: ${(e as Error).message}; acknowledge again once the disk has space`);
    }
    const ack = stored.acknowledgement;
    ctx.events.emit('audit', stored.audit);
    ctx.events.emit('acknowledgement', ack);
    void ctx.alarms.publish(result.transitions); // the state has changed; the record follows in order
    if (r.outcome) {
      // How it ended belongs to the advisory acknowledged with the event (its episode for recall).
      const advisory = await ctx.advisories.find(event.latestAdvisoryId);
      if (!advisory) return fail('not-found', `event ${event.id} acknowledged, but its advisory ${event.latestAdvisoryId} was not found for the outcome`);
      try {
        await ctx.outcomes.record(advisory, r.outcome, r.actor, r.notes);
      } catch (e) {
        if (!isStorageError(e)) throw e;
        return fail('unavailable', `event ${event.id} acknowledged, but its outcome was not recorded (${(e as Error).message}); set the outcome again later`);
      }
    }
    return ok({ event: tracker.get(r.eventId) ?? event, acknowledgement: ack });
  },
  shelveEvent: async (r) => {
    const result = ctx.coordinator.events.shelve(r.eventId, r.actor, r.reason, r.durationS, dataNow(ctx));
    if (!result.ok) return fail(result.code, result.error);
    await ctx.alarms.publish(result.transitions);
    return ok(ctx.coordinator.events.get(r.eventId) as AlarmEvent);
  },
  unshelveEvent: async (r) => {
    const result = ctx.coordinator.events.unshelve(r.eventId, r.actor, dataNow(ctx));
    if (!result.ok) return fail(result.code, result.error);
    await ctx.alarms.publish(result.transitions);
    return ok(ctx.coordinator.events.get(r.eventId) as AlarmEvent);
  },
});
