// SqliteStore's verifier record: tickets (replaced by id) and verification results (appended).
// Both are diagnostics: the store stops writing them first when disk space is low.
import type Database from 'better-sqlite3';
import type { Ticket, VerificationResult } from '../../src-shared/advisory.js';
import type { SqliteWriteGuard } from './sqlite-write-guard.js';

export class SqliteTickets {
  private readonly upsertTicket: Database.Statement;
  private readonly insertVerification: Database.Statement;
  private readonly latest: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly guard: SqliteWriteGuard,
  ) {
    this.upsertTicket = db.prepare(`INSERT INTO tickets (id, time_ms, category, fault, severity, json) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET json = excluded.json`);
    this.insertVerification = db.prepare('INSERT INTO verifications (ticket_id, time_ms, status, json) VALUES (?, ?, ?, ?)');
    this.latest = db.prepare('SELECT json FROM verifications ORDER BY time_ms DESC, seq DESC LIMIT 1').pluck();
  }

  saveTicket(t: Ticket): void {
    this.guard.write(`ticket ${t.id}`, () =>
      this.upsertTicket.run(t.id, t.timeMs, t.category, t.fault, t.severity, JSON.stringify(t)),
    );
  }

  saveVerification(v: VerificationResult): void {
    this.guard.write(`verification of ${v.ticketId}`, () =>
      this.insertVerification.run(v.ticketId, v.timeMs, v.status, JSON.stringify(v)),
    );
  }

  latestVerification(): VerificationResult | null {
    const json = this.latest.get() as string | undefined;
    return json ? (JSON.parse(json) as VerificationResult) : null;
  }
}
