// PostgresStore's ML reports (migrations 1 and 4, as in SQLite): one JSONB report per row, keyed
// by report id, with its outcome and analysed depth range in columns for the nearest-depth query.
import type pg from 'pg';
import type { MlReport } from '../../src-shared/ml.js';
import type { MlReportQuery } from './persistence.js';
import { pgJson } from './postgres-text.js';
import { clampLimit } from './query-filters.js';

export async function saveMlReport(pool: pg.Pool, r: MlReport): Promise<void> {
  await pool.query(
    `INSERT INTO ml_reports (time_ms, well_id, campaign, depth_ft, doc, report_id, status, depth_from_ft, depth_to_ft)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (report_id) DO NOTHING`,
    [r.timeMs, r.wellId, r.campaign, r.bitDepthFt, pgJson(r), r.id, r.result.status, r.depthRange?.fromFt ?? null, r.depthRange?.toFt ?? null],
  );
}

export async function latestMlReport(pool: pg.Pool): Promise<MlReport | null> {
  return (await pool.query<{ doc: MlReport }>('SELECT doc FROM ml_reports ORDER BY time_ms DESC, report_id DESC LIMIT 1')).rows[0]?.doc ?? null;
}

export async function listMlReports(pool: pg.Pool, q: MlReportQuery): Promise<MlReport[]> {
  const r = await pool.query<{ doc: MlReport }>(
    `SELECT doc FROM ml_reports WHERE time_ms >= $1 AND time_ms <= $2 ORDER BY time_ms DESC, report_id DESC LIMIT ${clampLimit(q.limit)}`,
    [q.sinceMs ?? -Number.MAX_SAFE_INTEGER, q.untilMs ?? Number.MAX_SAFE_INTEGER],
  );
  return r.rows.map((x) => x.doc);
}

/** Successful reports only: 0 inside a report's depth range, else to its nearer end; newest wins a tie. */
export async function nearestMlOptimum(pool: pg.Pool, depthFt: number): Promise<MlReport | null> {
  const r = await pool.query<{ doc: MlReport }>(
    `SELECT doc FROM ml_reports WHERE status = 'success' AND depth_from_ft IS NOT NULL
     ORDER BY CASE WHEN $1::float8 < depth_from_ft THEN depth_from_ft - $1::float8 WHEN $1::float8 > depth_to_ft THEN $1::float8 - depth_to_ft ELSE 0 END ASC,
       time_ms DESC, report_id DESC LIMIT 1`,
    [depthFt],
  );
  return r.rows[0]?.doc ?? null;
}
