// MemoryStore's record of what people did: acknowledgements and audit entries, appended in
// order (seq counts from 1); lists read them back newest first.
import type { Acknowledgement, AuditEntry } from '../../src-shared/advisory.js';
import { newAcknowledgement } from './audit-records.js';
import type { AuditQuery, NewAuditEntry } from './persistence.js';
import { clampLimit, inTimeRange, newestFirst } from './query-filters.js';

const clone = <T>(v: T): T => structuredClone(v);

export class MemoryAuditLog {
  private readonly acks: Acknowledgement[] = [];
  private readonly audit: AuditEntry[] = [];

  acknowledge(ack: Omit<Acknowledgement, 'id'>): Acknowledgement {
    const saved = newAcknowledgement(ack);
    this.acks.push(saved);
    return clone(saved);
  }

  acknowledgeWithAudit(ack: Omit<Acknowledgement, 'id'>, summary: string): { acknowledgement: Acknowledgement; audit: AuditEntry } {
    const acknowledgement = this.acknowledge(ack);
    const audit = this.append({ timeMs: ack.timeMs, actor: ack.actor, kind: 'acknowledgement', summary, after: acknowledgement, subject: ack.eventId ?? null });
    return { acknowledgement, audit };
  }

  listAcknowledgements(q: { advisoryId?: string; limit?: number; sinceMs?: number; untilMs?: number }): Acknowledgement[] {
    return newestFirst(this.acks, clampLimit(q.limit), (k) => (q.advisoryId === undefined || k.advisoryId === q.advisoryId) && inTimeRange(k.timeMs, q));
  }

  append(e: NewAuditEntry): AuditEntry {
    const entry: AuditEntry = {
      seq: this.audit.length + 1,
      timeMs: e.timeMs,
      actor: e.actor,
      kind: e.kind,
      summary: e.summary,
      before: e.before === undefined ? null : clone(e.before),
      after: e.after === undefined ? null : clone(e.after),
      subject: e.subject ?? null,
    };
    this.audit.push(entry);
    return clone(entry);
  }

  list(q: AuditQuery): AuditEntry[] {
    return newestFirst(
      this.audit,
      clampLimit(q.limit),
      (e) => (q.kind === undefined || e.kind === q.kind) && (q.subject === undefined || e.subject === q.subject) && inTimeRange(e.timeMs, q),
    );
  }

  /** Every acknowledgement as kept (not copies: for summaries that only read). */
  acknowledgements(): readonly Acknowledgement[] {
    return this.acks;
  }
}
