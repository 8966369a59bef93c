// SqliteStore's advisories: one JSON row per advisory, replaced by id (LLM enrichment). When the
// disk is full an advisory is kept in memory (reads include it) and written by retryPending,
// all waiting ones in one transaction, before any metrics are.
import type Database from 'better-sqlite3';
import type { Advisory } from '../../src-shared/advisory.js';
import { StorageFullError, type AdvisoryQuery } from './persistence.js';
import { advisoryMatches, clampLimit, compareAdvisoriesNewestFirst, riskRank } from './query-filters.js';
import { isFull, type SqliteWriteGuard } from './sqlite-write-guard.js';
import { advisoryConditions } from './query-conditions.js';
import { whereClause } from './where-clause.js';

const advisoryRow = (a: Advisory) => ({
  id: a.id,
  time_ms: a.timeMs,
  category: a.category,
  fault: a.fault,
  risk: a.riskLevel,
  risk_rank: riskRank(a.riskLevel),
  severity: a.severity,
  source: a.source,
  json: JSON.stringify(a),
});

export class SqliteAdvisories {
  /** Advisories not written because the disk is full, by id. */
  private readonly pending = new Map<string, Advisory>();
  private readonly upsert: Database.Statement;
  private readonly byId: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly guard: SqliteWriteGuard,
  ) {
    this.upsert = db.prepare(`INSERT INTO advisories (id, time_ms, category, fault, risk, risk_rank, severity, source, json)
        VALUES (@id, @time_ms, @category, @fault, @risk, @risk_rank, @severity, @source, @json)
        ON CONFLICT(id) DO UPDATE SET time_ms = excluded.time_ms, category = excluded.category, fault = excluded.fault,
          risk = excluded.risk, risk_rank = excluded.risk_rank, severity = excluded.severity, source = excluded.source,
          json = excluded.json`);
    this.byId = db.prepare('SELECT json FROM advisories WHERE id = ?').pluck();
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  save(a: Advisory): void {
    const row = advisoryRow(a);
    try {
      this.guard.write(`advisory ${a.id}`, () => this.upsert.run(row), true);
      this.pending.delete(a.id); // an older copy waiting for retry is superseded
    } catch (err) {
      if (err instanceof StorageFullError) this.pending.set(a.id, structuredClone(a));
      throw err;
    }
  }

  /** Writes advisories kept in memory during a disk-full episode; true when none remain. */
  retryPending(): boolean {
    if (this.pending.size === 0) return true;
    const batch = [...this.pending.values()];
    try {
      this.db.transaction(() => {
        for (const a of batch) this.upsert.run(advisoryRow(a));
      })();
    } catch (err) {
      if (isFull(err)) return false;
      this.guard.noteError(`advisory retry failed: ${(err as Error).message}`);
      return false;
    }
    for (const a of batch) if (this.pending.get(a.id) === a) this.pending.delete(a.id);
    if (this.pending.size === 0) this.guard.clearDiskFull();
    return this.pending.size === 0;
  }

  get(id: string): Advisory | null {
    const p = this.pending.get(id);
    if (p) return structuredClone(p);
    const json = this.byId.get(id) as string | undefined;
    return json ? (JSON.parse(json) as Advisory) : null;
  }

  list(q: AdvisoryQuery): Advisory[] {
    const { where, args } = whereClause(advisoryConditions(q));
    const limit = clampLimit(q.limit);
    const sql = `SELECT json FROM advisories ${where}
      ORDER BY time_ms DESC, id DESC LIMIT ?`;
    const rows = (this.db.prepare(sql).pluck().all(...args, limit) as string[]).map((j) => JSON.parse(j) as Advisory);
    if (this.pending.size === 0) return rows;
    const merged = new Map(rows.map((a) => [a.id, a]));
    for (const a of this.pending.values()) if (advisoryMatches(a, q)) merged.set(a.id, structuredClone(a));
    return [...merged.values()].sort(compareAdvisoriesNewestFirst).slice(0, limit);
  }
}
