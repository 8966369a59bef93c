// SqliteStore's append-only record of what people did: acknowledgements and audit entries
// (triggers refuse UPDATE and DELETE, migration 1). An acknowledgement with its audit entry is one
// transaction: both or neither, even across kill -9.
import type Database from 'better-sqlite3';
import type { Acknowledgement, AuditEntry, AuditKind } from '../../src-shared/advisory.js';
import { acknowledgementAudit, acknowledgementFromRow, appendedAudit, auditStates, newAcknowledgement, type AckRow } from './audit-records.js';
import type { AuditQuery, NewAuditEntry } from './persistence.js';
import { clampLimit } from './query-filters.js';
import type { SqliteWriteGuard } from './sqlite-write-guard.js';
import { advisoryRecordConditions, auditConditions } from './query-conditions.js';
import { whereClause } from './where-clause.js';

interface AuditRow {
  seq: number;
  time_ms: number;
  actor: string;
  kind: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  subject: string | null;
}

export class SqliteAuditLog {
  private readonly insertAck: Database.Statement;
  private readonly insertAudit: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly guard: SqliteWriteGuard,
  ) {
    this.insertAck = db.prepare('INSERT INTO acknowledgements (id, advisory_id, time_ms, actor, action, notes, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.insertAudit = db.prepare('INSERT INTO audit (time_ms, actor, kind, summary, before_json, after_json, subject) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  private writeAck(saved: Acknowledgement): void {
    this.insertAck.run(saved.id, saved.advisoryId, saved.timeMs, saved.actor, saved.action, saved.notes, saved.eventId ?? null);
  }

  acknowledge(ack: Omit<Acknowledgement, 'id'>): Acknowledgement {
    const saved = newAcknowledgement(ack);
    this.guard.write(`acknowledgement of ${ack.advisoryId}`, () => this.writeAck(saved));
    return saved;
  }

  acknowledgeWithAudit(ack: Omit<Acknowledgement, 'id'>, summary: string): { acknowledgement: Acknowledgement; audit: AuditEntry } {
    const saved = newAcknowledgement(ack);
    const after = JSON.stringify(saved);
    const info = this.guard.write(`acknowledgement of ${ack.advisoryId} with its audit entry`, () =>
      this.db.transaction(() => {
        this.writeAck(saved);
        return this.insertAudit.run(saved.timeMs, saved.actor, 'acknowledgement', summary, 'null', after, saved.eventId ?? null);
      })(),
    );
    return { acknowledgement: saved, audit: acknowledgementAudit(Number(info.lastInsertRowid), saved, summary) };
  }

  listAcknowledgements(q: { advisoryId?: string; limit?: number; sinceMs?: number; untilMs?: number }): Acknowledgement[] {
    const { where, args } = whereClause(advisoryRecordConditions(q));
    const sql = `SELECT id, advisory_id, time_ms, actor, action, notes, event_id FROM acknowledgements ${where} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, clampLimit(q.limit)) as AckRow[]).map(acknowledgementFromRow);
  }

  append(e: NewAuditEntry): AuditEntry {
    const { before, after } = auditStates(e);
    const info = this.guard.write(`audit entry (${e.kind})`, () =>
      this.insertAudit.run(e.timeMs, e.actor, e.kind, e.summary, JSON.stringify(before), JSON.stringify(after), e.subject ?? null),
    );
    return appendedAudit(Number(info.lastInsertRowid), e);
  }

  list(q: AuditQuery): AuditEntry[] {
    const { where, args } = whereClause(auditConditions(q));
    const sql = `SELECT seq, time_ms, actor, kind, summary, before_json, after_json, subject FROM audit ${where} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, clampLimit(q.limit)) as AuditRow[]).map((r) => ({
      seq: r.seq,
      timeMs: r.time_ms,
      actor: r.actor,
      kind: r.kind as AuditKind,
      summary: r.summary,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      subject: r.subject,
    }));
  }
}
