// Alarm events leave the engine here: each transition is saved (the event row, and every state
// change in the append-only audit log; an 'updated' with new numbers only refreshes the row)
// before the screens are told, in order.
import type { AlarmEvent, EventTransition } from '../../src-shared/events.js';
import type { EventTracker } from '../advisory/event-tracker.js';
import type { NewAuditEntry, PersistenceLayer } from '../storage/persistence.js';
import type { EventBus } from './event-bus.js';

export interface AlarmPublisherDeps {
  storage: PersistenceLayer;
  tracker: () => EventTracker;
  events: EventBus;
  audit: (e: NewAuditEntry) => Promise<unknown>;
  log: (line: string) => void;
}

const describe = (t: EventTransition): string => {
  const what = `${t.riskLevel} ${t.fault} event ${t.eventId}`;
  const by = t.actor === 'system' ? '' : ` by ${t.actor}`;
  return `${what} ${t.kind}${by}${t.note ? `: ${t.note}` : ''}${t.alarm ? ' (alarm)' : ''}`;
};

export class AlarmPublisher {
  /** Transitions are written one batch after another, so the record keeps their order. */
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly d: AlarmPublisherDeps) {}

  publish(transitions: readonly EventTransition[]): Promise<void> {
    if (transitions.length === 0) return this.chain;
    // The event as it stands now, taken at once: the writes are queued, the tracker moves on.
    const batch = transitions.map((t) => ({ t, event: this.d.tracker().get(t.eventId) }));
    this.chain = this.chain.then(() => this.write(batch)).catch((e) => this.d.log(`alarm events not saved: ${(e as Error).message}`));
    return this.chain;
  }

  private async write(batch: { t: EventTransition; event: AlarmEvent | null }[]): Promise<void> {
    for (const { t, event: snapshot } of batch) {
      const event = snapshot ?? (await this.d.storage.getEvent(t.eventId));
      if (!event) continue;
      try {
        await this.d.storage.saveEvent(event);
        if (t.kind !== 'updated') {
          await this.d.audit({ timeMs: t.timeMs, actor: t.actor, kind: 'alarm-event', summary: describe(t), after: t, subject: t.eventId });
        }
      } catch (e) {
        // Never keep an alarm from the driller because the disk failed; health shows the store.
        this.d.log(`event ${t.eventId} ${t.kind} not saved: ${(e as Error).message}`);
      }
      this.d.events.emit('alarmEvent', { event, transition: t });
    }
  }
}
