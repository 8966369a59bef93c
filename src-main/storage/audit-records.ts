// What every store makes the same way for acknowledgements and audit entries: the new
// acknowledgement's id, the entry returned once a row is written, and an acknowledgement read
// back from its row (SQLite and PostgreSQL share the column names).
import { randomBytes } from 'node:crypto';
import type { Acknowledgement, AuditEntry } from '../../src-shared/advisory.js';
import type { NewAuditEntry } from './persistence.js';

export interface AckRow {
  id: string;
  advisory_id: string;
  time_ms: number;
  actor: string;
  action: string;
  notes: string;
  event_id: string | null;
}

/** The caller's acknowledgement with its new id (ACK- and 8 hex digits). */
export function newAcknowledgement(ack: Omit<Acknowledgement, 'id'>): Acknowledgement {
  return { id: `ACK-${randomBytes(4).toString('hex')}`, ...ack };
}

/** The audit entry written in the same transaction as the acknowledgement `saved`. */
export function acknowledgementAudit(seq: number, saved: Acknowledgement, summary: string): AuditEntry {
  return { seq, timeMs: saved.timeMs, actor: saved.actor, kind: 'acknowledgement', summary, before: null, after: structuredClone(saved), subject: saved.eventId ?? null };
}

/** What the entry holds before and after (null where the caller gave none), as written. */
export function auditStates(e: NewAuditEntry): { before: unknown; after: unknown } {
  return { before: e.before === undefined ? null : e.before, after: e.after === undefined ? null : e.after };
}

/** The entry appendAudit returns once its row is written as number `seq`. */
export function appendedAudit(seq: number, e: NewAuditEntry): AuditEntry {
  const { before, after } = auditStates(e);
  return {
    seq,
    timeMs: e.timeMs,
    actor: e.actor,
    kind: e.kind,
    summary: e.summary,
    before: structuredClone(before),
    after: structuredClone(after),
    subject: e.subject ?? null,
  };
}

export function acknowledgementFromRow(r: AckRow): Acknowledgement {
  return {
    id: r.id,
    advisoryId: r.advisory_id,
    timeMs: r.time_ms,
    actor: r.actor,
    action: r.action,
    notes: r.notes,
    ...(r.event_id ? { eventId: r.event_id } : {}),
  };
}
