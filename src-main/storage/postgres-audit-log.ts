// PostgresStore's append-only record of what people did: acknowledgements and audit entries (as
// in SQLite, triggers refuse UPDATE and DELETE). An acknowledgement with its audit entry is one
// transaction: both or neither.
import type pg from 'pg';
import type { Acknowledgement, AuditEntry, AuditKind } from '../../src-shared/advisory.js';
import { acknowledgementAudit, acknowledgementFromRow, appendedAudit, auditStates, newAcknowledgement, type AckRow } from './audit-records.js';
import type { AuditQuery, NewAuditEntry } from './persistence.js';
import { asStorageError } from './postgres-errors.js';
import { pgJson, pgText } from './postgres-text.js';
import { clampLimit } from './query-filters.js';
import { advisoryRecordConditions, auditConditions } from './query-conditions.js';
import { pgWhereClause } from './where-clause.js';

const INSERT_ACK = 'INSERT INTO acknowledgements (id, advisory_id, time_ms, actor, action, notes, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7)';

const ackArgs = (saved: Acknowledgement) => [
  saved.id, saved.advisoryId, saved.timeMs, pgText(saved.actor), pgText(saved.action), pgText(saved.notes), saved.eventId ?? null,
];

export async function acknowledge(pool: pg.Pool, ack: Omit<Acknowledgement, 'id'>): Promise<Acknowledgement> {
  const saved = newAcknowledgement(ack);
  await pool.query(INSERT_ACK, ackArgs(saved));
  return saved;
}

/** The acknowledgement and its audit entry in one transaction: both or neither. */
export async function acknowledgeWithAudit(
  pool: pg.Pool, place: string, ack: Omit<Acknowledgement, 'id'>, summary: string,
): Promise<{ acknowledgement: Acknowledgement; audit: AuditEntry }> {
  const saved = newAcknowledgement(ack);
  const c = await pool.connect().catch((e: unknown) => Promise.reject(asStorageError(e, place)));
  try {
    await c.query('BEGIN');
    await c.query(INSERT_ACK, ackArgs(saved));
    const r = await c.query<{ seq: number }>(
      `INSERT INTO audit (time_ms, actor, kind, summary, before_doc, after_doc, subject) VALUES ($1, $2, 'acknowledgement', $3, 'null', $4, $5) RETURNING seq`,
      [saved.timeMs, pgText(saved.actor), pgText(summary), pgJson(saved), saved.eventId ?? null],
    );
    await c.query('COMMIT');
    return { acknowledgement: saved, audit: acknowledgementAudit(r.rows[0].seq, saved, summary) };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw asStorageError(e, place);
  } finally {
    c.release();
  }
}

export async function listAcknowledgements(pool: pg.Pool, q: { advisoryId?: string; limit?: number; sinceMs?: number; untilMs?: number }): Promise<Acknowledgement[]> {
  const w = pgWhereClause(advisoryRecordConditions(q));
  const r = await pool.query<AckRow>(`SELECT id, advisory_id, time_ms, actor, action, notes, event_id FROM acknowledgements ${w.sql} ORDER BY seq DESC LIMIT ${clampLimit(q.limit)}`, w.args);
  return r.rows.map(acknowledgementFromRow);
}

export async function appendAudit(pool: pg.Pool, e: NewAuditEntry): Promise<AuditEntry> {
  const { before, after } = auditStates(e);
  const r = await pool.query<{ seq: number }>(
    'INSERT INTO audit (time_ms, actor, kind, summary, before_doc, after_doc, subject) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq',
    [e.timeMs, pgText(e.actor), e.kind, pgText(e.summary), pgJson(before), pgJson(after), e.subject ?? null],
  );
  return appendedAudit(r.rows[0].seq, e);
}

export async function listAudit(pool: pg.Pool, q: AuditQuery): Promise<AuditEntry[]> {
  const w = pgWhereClause(auditConditions(q));
  const r = await pool.query(`SELECT seq, time_ms, actor, kind, summary, before_doc, after_doc, subject FROM audit ${w.sql} ORDER BY seq DESC LIMIT ${clampLimit(q.limit)}`, w.args);
  return r.rows.map((x) => ({
    seq: x.seq, timeMs: x.time_ms, actor: x.actor, kind: x.kind as AuditKind, summary: x.summary, before: x.before_doc, after: x.after_doc, subject: x.subject,
  }));
}
