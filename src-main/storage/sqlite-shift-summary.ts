// The rows of a shift summary from SQLite; the arithmetic is shared (shift-summary.ts).
import type Database from 'better-sqlite3';
import type { VerificationResult } from '../../src-shared/advisory.js';
import { ONE_MIN_MS, bucketStart } from './metric-buckets.js';
import type { ShiftSummary } from './persistence.js';
import { buildShiftSummary } from './shift-summary.js';

export function sqliteShiftSummary(db: Database.Database, channelIds: ReadonlyMap<string, number>, fromMs: number, toMs: number): ShiftSummary {
  const fromMin = bucketStart(fromMs, ONE_MIN_MS);
  const one = <T>(sql: string, ...args: (number | string)[]) => db.prepare(sql).pluck().get(...args) as T;
  const advisories = db
    .prepare(`SELECT category, risk AS riskLevel,
        EXISTS (SELECT 1 FROM acknowledgements k WHERE k.advisory_id = a.id) AS acked
      FROM advisories a WHERE time_ms >= ? AND time_ms <= ?`)
    .all(fromMs, toMs) as { category: string; riskLevel: string; acked: number }[];
  const statuses = db
    .prepare('SELECT status FROM verifications WHERE time_ms >= ? AND time_ms <= ?')
    .pluck()
    .all(fromMs, toMs) as VerificationResult['status'][];
  const eff = channelIds.get('mseEfficiencyPercent');
  const effAvg =
    eff === undefined
      ? null
      : one<number | null>('SELECT SUM(v_sum) / SUM(n) FROM metrics_1min WHERE channel_id = ? AND bucket_ms >= ? AND bucket_ms <= ?', eff, fromMin, toMs);
  const depth = channelIds.get('holeDepthFt');
  const depthAt = (order: 'ASC' | 'DESC') =>
    depth === undefined
      ? null
      : (one<number | undefined>(
          `SELECT value FROM metrics_raw WHERE channel_id = ? AND time_ms >= ? AND time_ms <= ? ORDER BY time_ms ${order} LIMIT 1`,
          depth, fromMs, toMs,
        ) ?? null);
  return buildShiftSummary({
    fromMs,
    toMs,
    packets: one<number | null>('SELECT SUM(packets) FROM packet_counts WHERE minute_ms >= ? AND minute_ms <= ?', fromMin, toMs) ?? 0,
    tickets: one<number>('SELECT COUNT(*) FROM tickets WHERE time_ms >= ? AND time_ms <= ?', fromMs, toMs),
    verificationStatuses: statuses,
    advisories: advisories.map((a) => ({ category: a.category, riskLevel: a.riskLevel, acknowledged: a.acked === 1 })),
    acknowledgements: one<number>('SELECT COUNT(*) FROM acknowledgements WHERE time_ms >= ? AND time_ms <= ?', fromMs, toMs),
    avgMseEfficiencyPercent: effAvg ?? null,
    depthStartFt: depthAt('ASC'),
    depthEndFt: depthAt('DESC'),
  });
}
