// Records how a confirmed advisory ended: stored (append-only), audited, published, and handed
// to the fleet side (this rig's recall episode, the queued fleet event). Nothing is tuned from
// it; getOutcomeStats shows the counts an engineer reads before changing a threshold.
import type { Advisory, AuditEntry } from '../../src-shared/advisory.js';
import type { FleetOutcome } from '../../src-shared/fleet.js';
import { outcomeText, type OutcomeRecord } from '../../src-shared/outcome.js';
import type { FleetRecorder } from '../fleet/fleet-recorder.js';
import type { NewAuditEntry, PersistenceLayer } from '../storage/persistence.js';
import type { EventBus } from './event-bus.js';

export interface OutcomeRecorderDeps {
  storage: PersistenceLayer;
  events: EventBus;
  fleet: FleetRecorder;
  audit: (e: NewAuditEntry) => Promise<AuditEntry>;
  clock: () => number;
}

export class OutcomeRecorder {
  constructor(private readonly d: OutcomeRecorderDeps) {}

  async record(a: Advisory, outcome: FleetOutcome, actor: string, notes: string): Promise<OutcomeRecord> {
    const [previous] = await this.d.storage.listOutcomes({ advisoryId: a.id, limit: 1 });
    const rec = await this.d.storage.recordOutcome({ advisoryId: a.id, timeMs: this.d.clock(), actor, outcome, notes });
    await this.d.audit({
      timeMs: rec.timeMs,
      actor,
      kind: 'outcome',
      summary: `${a.severity} ${a.fault} advisory ${a.id} ${previous ? 'outcome changed to' : 'outcome'}: ${outcomeText(outcome)}`,
      before: previous ? previous.outcome : null,
      after: rec,
    });
    this.d.events.emit('outcome', rec);
    // The recall episode and the queued event follow off the answer path (index add, fsyncs);
    // the outcome itself is already committed and audited. Failures are logged by the recorder.
    void this.d.fleet.outcomeRecorded(a, outcome, notes);
    return rec;
  }
}
