// The ml_reports table (migrations 1 and 2): one JSON report per row, with its id, outcome and
// analysed depth range in columns for the latest / by-time / nearest-depth queries.
import type Database from 'better-sqlite3';
import type { MlReport } from '../../src-shared/ml.js';
import type { MlReportQuery } from './persistence.js';
import { clampLimit } from './query-filters.js';

export class SqliteMlReports {
  private readonly insert: Database.Statement;
  private readonly latest: Database.Statement;
  private readonly nearest: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT OR IGNORE INTO ml_reports (time_ms, well_id, campaign, depth_ft, json, report_id, status, depth_from_ft, depth_to_ft)
      VALUES (@time_ms, @well_id, @campaign, @depth_ft, @json, @report_id, @status, @depth_from_ft, @depth_to_ft)`);
    this.latest = db.prepare('SELECT json FROM ml_reports ORDER BY time_ms DESC, report_id DESC LIMIT 1').pluck();
    this.nearest = db
      .prepare(`SELECT json FROM ml_reports WHERE status = 'success' AND depth_from_ft IS NOT NULL
        ORDER BY CASE WHEN @d < depth_from_ft THEN depth_from_ft - @d WHEN @d > depth_to_ft THEN @d - depth_to_ft ELSE 0 END ASC,
          time_ms DESC, report_id DESC LIMIT 1`)
      .pluck();
  }

  save(r: MlReport): void {
    this.insert.run({
      time_ms: r.timeMs,
      well_id: r.wellId,
      campaign: r.campaign,
      depth_ft: r.bitDepthFt,
      json: JSON.stringify(r),
      report_id: r.id,
      status: r.result.status,
      depth_from_ft: r.depthRange?.fromFt ?? null,
      depth_to_ft: r.depthRange?.toFt ?? null,
    });
  }

  latestReport(): MlReport | null {
    const json = this.latest.get() as string | undefined;
    return json ? (JSON.parse(json) as MlReport) : null;
  }

  list(q: MlReportQuery): MlReport[] {
    const rows = this.db
      .prepare(`SELECT json FROM ml_reports WHERE time_ms >= ? AND time_ms <= ? ORDER BY time_ms DESC, report_id DESC LIMIT ?`)
      .pluck()
      .all(q.sinceMs ?? -Number.MAX_SAFE_INTEGER, q.untilMs ?? Number.MAX_SAFE_INTEGER, clampLimit(q.limit)) as string[];
    return rows.map((j) => JSON.parse(j) as MlReport);
  }

  nearestOptimum(depthFt: number): MlReport | null {
    const json = this.nearest.get({ d: depthFt }) as string | undefined;
    return json ? (JSON.parse(json) as MlReport) : null;
  }
}
