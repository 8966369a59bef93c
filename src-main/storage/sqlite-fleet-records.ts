// SqliteStore's outcome and episode tables (migration 2), kept apart so the store stays one
// job per file. Outcomes are append-only rows (triggers refuse UPDATE/DELETE): a changed
// outcome is a new row and the newest per advisory counts. Episodes are a replaceable library.
import type Database from 'better-sqlite3';
import type { FleetEpisode, FleetOutcome } from '../../src-shared/fleet.js';
import type { OutcomeRecord, OutcomeStat } from '../../src-shared/outcome.js';
import { buildOutcomeStats, type StatInput } from './outcome-stats.js';
import type { OutcomeQuery } from './persistence.js';
import { advisoryRecordConditions } from './query-conditions.js';
import { clampLimit } from './query-filters.js';
import { whereClause } from './where-clause.js';

interface OutcomeRow {
  seq: number;
  advisory_id: string;
  time_ms: number;
  actor: string;
  outcome_json: string;
  notes: string;
}

const toRecord = (r: OutcomeRow): OutcomeRecord => ({
  seq: r.seq,
  advisoryId: r.advisory_id,
  timeMs: r.time_ms,
  actor: r.actor,
  outcome: JSON.parse(r.outcome_json) as FleetOutcome,
  notes: r.notes,
});

export class SqliteFleetRecords {
  private readonly st: ReturnType<typeof prepare>;

  constructor(private readonly db: Database.Database) {
    this.st = prepare(db);
  }

  recordOutcome(o: Omit<OutcomeRecord, 'seq'>): OutcomeRecord {
    const info = this.st.insertOutcome.run(o.advisoryId, o.timeMs, o.actor, o.outcome.kind, JSON.stringify(o.outcome), o.notes);
    return { seq: Number(info.lastInsertRowid), ...structuredClone(o) };
  }

  listOutcomes(q: OutcomeQuery): OutcomeRecord[] {
    const { where, args } = whereClause(advisoryRecordConditions(q));
    const sql = `SELECT seq, advisory_id, time_ms, actor, outcome_json, notes FROM advisory_outcomes ${where} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, clampLimit(q.limit)) as OutcomeRow[]).map(toRecord);
  }

  outcomeStats(q: { sinceMs?: number; untilMs?: number }): OutcomeStat[] {
    const rows = this.st.statRows.all(q.sinceMs ?? -Number.MAX_SAFE_INTEGER, q.untilMs ?? Number.MAX_SAFE_INTEGER) as StatInput[];
    return buildOutcomeStats(rows);
  }

  upsertEpisodes(episodes: readonly FleetEpisode[]): void {
    this.db.transaction(() => {
      for (const e of episodes) {
        this.st.upsertEpisode.run(e.id, e.timeMs, e.category, e.campaign, e.riskLevel, e.sourceRigId, e.outcome.kind, JSON.stringify(e));
      }
    })();
  }

  removeEpisodes(ids: readonly string[]): number {
    let n = 0;
    this.db.transaction(() => {
      for (const id of ids) n += this.st.deleteEpisode.run(id).changes;
    })();
    return n;
  }

  listEpisodes(): FleetEpisode[] {
    return (this.st.listEpisodes.all() as string[]).map((j) => JSON.parse(j) as FleetEpisode);
  }
}

function prepare(db: Database.Database) {
  return {
    insertOutcome: db.prepare('INSERT INTO advisory_outcomes (advisory_id, time_ms, actor, kind, outcome_json, notes) VALUES (?, ?, ?, ?, ?, ?)'),
    // Each advisory in range with the kind of its newest outcome (NULL when none).
    statRows: db.prepare(`SELECT a.fault AS fault, a.category AS category,
        (SELECT o.kind FROM advisory_outcomes o WHERE o.advisory_id = a.id ORDER BY o.seq DESC LIMIT 1) AS outcome
      FROM advisories a WHERE a.time_ms >= ? AND a.time_ms <= ?`),
    upsertEpisode: db.prepare(`INSERT INTO episodes (id, time_ms, category, campaign, risk, source_rig, outcome_kind, json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET time_ms = excluded.time_ms, category = excluded.category, campaign = excluded.campaign,
        risk = excluded.risk, source_rig = excluded.source_rig, outcome_kind = excluded.outcome_kind, json = excluded.json`),
    deleteEpisode: db.prepare('DELETE FROM episodes WHERE id = ?'),
    listEpisodes: db.prepare('SELECT json FROM episodes ORDER BY time_ms, id').pluck(),
  };
}
