// PostgresStore's outcome and episode tables (migration 2, as in SQLite): outcomes are
// append-only rows (a trigger refuses UPDATE/DELETE) and the newest per advisory counts;
// episodes are a replaceable library, written in one statement per call.
import type pg from 'pg';
import type { FleetEpisode, FleetOutcome } from '../../src-shared/fleet.js';
import type { OutcomeRecord, OutcomeStat } from '../../src-shared/outcome.js';
import { buildOutcomeStats, type StatInput } from './outcome-stats.js';
import type { OutcomeQuery } from './persistence.js';
import { pgJson, pgText } from './postgres-text.js';
import { advisoryRecordConditions } from './query-conditions.js';
import { clampLimit } from './query-filters.js';
import { pgWhereClause } from './where-clause.js';


interface OutcomeRow {
  seq: number;
  advisory_id: string;
  time_ms: number;
  actor: string;
  outcome: FleetOutcome;
  notes: string;
}

const toRecord = (r: OutcomeRow): OutcomeRecord => ({ seq: r.seq, advisoryId: r.advisory_id, timeMs: r.time_ms, actor: r.actor, outcome: r.outcome, notes: r.notes });

export async function recordOutcome(pool: pg.Pool, o: Omit<OutcomeRecord, 'seq'>): Promise<OutcomeRecord> {
  const r = await pool.query<{ seq: number }>(
    'INSERT INTO advisory_outcomes (advisory_id, time_ms, actor, kind, outcome, notes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq',
    [o.advisoryId, o.timeMs, pgText(o.actor), o.outcome.kind, pgJson(o.outcome), pgText(o.notes)],
  );
  return { seq: r.rows[0].seq, ...structuredClone(o) };
}

export async function listOutcomes(pool: pg.Pool, q: OutcomeQuery): Promise<OutcomeRecord[]> {
  const w = pgWhereClause(advisoryRecordConditions(q));
  const r = await pool.query<OutcomeRow>(
    `SELECT seq, advisory_id, time_ms, actor, outcome, notes FROM advisory_outcomes ${w.sql} ORDER BY seq DESC LIMIT ${clampLimit(q.limit)}`,
    w.args,
  );
  return r.rows.map(toRecord);
}

export async function outcomeStats(pool: pg.Pool, q: { sinceMs?: number; untilMs?: number }): Promise<OutcomeStat[]> {
  // Each advisory in range with the kind of its newest outcome (NULL when none).
  const r = await pool.query<StatInput>(
    `SELECT a.fault AS fault, a.category AS category,
       (SELECT o.kind FROM advisory_outcomes o WHERE o.advisory_id = a.id ORDER BY o.seq DESC LIMIT 1) AS outcome
     FROM advisories a WHERE a.time_ms >= $1 AND a.time_ms <= $2`,
    [q.sinceMs ?? -Number.MAX_SAFE_INTEGER, q.untilMs ?? Number.MAX_SAFE_INTEGER],
  );
  return buildOutcomeStats(r.rows);
}

export async function upsertEpisodes(pool: pg.Pool, episodes: readonly FleetEpisode[]): Promise<void> {
  if (episodes.length === 0) return;
  // One row per id: the last copy of an id in the call wins, as upserting one by one would.
  const byId = new Map(episodes.map((e) => [e.id, e]));
  const list = [...byId.values()];
  await pool.query(
    `INSERT INTO episodes (id, time_ms, category, campaign, risk, source_rig, outcome_kind, doc)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[])
     ON CONFLICT (id) DO UPDATE SET time_ms = excluded.time_ms, category = excluded.category, campaign = excluded.campaign,
       risk = excluded.risk, source_rig = excluded.source_rig, outcome_kind = excluded.outcome_kind, doc = excluded.doc`,
    [
      list.map((e) => e.id), list.map((e) => Math.round(e.timeMs)), list.map((e) => e.category), list.map((e) => e.campaign),
      list.map((e) => e.riskLevel), list.map((e) => e.sourceRigId), list.map((e) => e.outcome.kind), list.map((e) => pgJson(e)),
    ],
  );
}

export async function removeEpisodes(pool: pg.Pool, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await pool.query('DELETE FROM episodes WHERE id = ANY($1::text[])', [[...ids]])).rowCount ?? 0;
}

export async function listEpisodes(pool: pg.Pool): Promise<FleetEpisode[]> {
  return (await pool.query<{ doc: FleetEpisode }>('SELECT doc FROM episodes ORDER BY time_ms, id')).rows.map((r) => r.doc);
}
