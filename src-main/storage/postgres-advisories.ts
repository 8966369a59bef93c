// PostgresStore's advisories: one JSONB row per advisory, replaced by id (LLM enrichment). A
// write that fails (server away, disk full) keeps the advisory in memory (reads include it) and
// retryPending writes it before the next metrics flush.
import type pg from 'pg';
import type { Advisory } from '../../src-shared/advisory.js';
import { StorageFullError, type AdvisoryQuery } from './persistence.js';
import { pgJson } from './postgres-text.js';
import type { PostgresWriteState } from './postgres-write-state.js';
import { advisoryMatches, clampLimit, compareAdvisoriesNewestFirst, riskRank } from './query-filters.js';
import { advisoryConditions } from './query-conditions.js';
import { pgWhereClause } from './where-clause.js';

export class PostgresAdvisories {
  /** Advisories not yet written, by id. */
  private readonly pending = new Map<string, Advisory>();

  constructor(
    private readonly pool: pg.Pool,
    /** Server, database and schema, for messages. */
    private readonly place: string,
    private readonly state: PostgresWriteState,
  ) {}

  get pendingCount(): number {
    return this.pending.size;
  }

  private async upsert(a: Advisory): Promise<void> {
    await this.pool.query(
      `INSERT INTO advisories (id, time_ms, category, fault, risk, risk_rank, severity, source, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET time_ms = excluded.time_ms, category = excluded.category, fault = excluded.fault, risk = excluded.risk,
         risk_rank = excluded.risk_rank, severity = excluded.severity, source = excluded.source, doc = excluded.doc`,
      [a.id, a.timeMs, a.category, a.fault, a.riskLevel, riskRank(a.riskLevel), a.severity, a.source, pgJson(a)],
    );
  }

  async save(a: Advisory): Promise<void> {
    try {
      await this.upsert(a);
      this.pending.delete(a.id);
      if (this.pending.size === 0) this.state.ok();
    } catch (e) {
      // Kept in memory (reads include it) and written on the next flush.
      this.pending.set(a.id, structuredClone(a));
      this.state.failed(`advisory ${a.id}`, e);
      if (this.state.isDiskFull) throw new StorageFullError(`database full: advisory ${a.id} kept in memory, will retry`, true);
      throw new Error(`advisory ${a.id} not written to ${this.place} (kept in memory, will retry): ${(e as Error).message}`, { cause: e });
    }
  }

  /** Writes the advisories kept in memory, one by one, stopping at the first failure. */
  async retryPending(): Promise<void> {
    if (this.pending.size === 0) return;
    for (const a of [...this.pending.values()]) {
      try {
        await this.upsert(a);
        if (this.pending.get(a.id) === a) this.pending.delete(a.id);
      } catch (e) {
        this.state.failed(`advisory retry ${a.id}`, e);
        return;
      }
    }
    if (this.pending.size === 0 && this.state.lastFailureWas('advisory')) this.state.ok();
  }

  async get(id: string): Promise<Advisory | null> {
    const p = this.pending.get(id);
    if (p) return structuredClone(p);
    const r = await this.pool.query<{ doc: Advisory }>('SELECT doc FROM advisories WHERE id = $1', [id]);
    return r.rows[0]?.doc ?? null;
  }

  async list(q: AdvisoryQuery): Promise<Advisory[]> {
    const w = pgWhereClause(advisoryConditions(q));
    const limit = clampLimit(q.limit);
    const rows = (await this.pool.query<{ doc: Advisory }>(`SELECT doc FROM advisories ${w.sql} ORDER BY time_ms DESC, id DESC LIMIT ${limit}`, w.args)).rows.map((r) => r.doc);
    if (this.pending.size === 0) return rows;
    const merged = new Map(rows.map((a) => [a.id, a]));
    for (const a of this.pending.values()) if (advisoryMatches(a, q)) merged.set(a.id, structuredClone(a));
    return [...merged.values()].sort(compareAdvisoriesNewestFirst).slice(0, limit);
  }
}
