// The rows of a shift summary from PostgreSQL; the arithmetic is shared (shift-summary.ts).
import type pg from 'pg';
import type { VerificationStatus } from '../../src-shared/advisory.js';
import { ONE_MIN_MS, bucketStart } from './metric-buckets.js';
import type { ChannelIds } from './postgres-metrics.js';
import type { ShiftSummary } from './persistence.js';
import { buildShiftSummary } from './shift-summary.js';

export async function pgShiftSummary(pool: pg.Pool, channels: ChannelIds, fromMs: number, toMs: number): Promise<ShiftSummary> {
  const fromMin = bucketStart(fromMs, ONE_MIN_MS);
  const one = async <T>(sql: string, args: unknown[]): Promise<T | null> => {
    const r = await pool.query({ text: sql, values: args, rowMode: 'array' });
    return (r.rows[0]?.[0] ?? null) as T | null;
  };
  const eff = channels.get('mseEfficiencyPercent');
  const depth = channels.get('holeDepthFt');
  const depthAt = (order: 'ASC' | 'DESC') =>
    depth === undefined
      ? Promise.resolve(null)
      : one<number>(`SELECT value FROM metrics_raw WHERE channel_id = $1 AND time_ms >= $2 AND time_ms <= $3 ORDER BY time_ms ${order} LIMIT 1`, [depth, fromMs, toMs]);
  const [advisories, statuses, packets, tickets, acks, effAvg, depthStart, depthEnd] = await Promise.all([
    pool.query<{ category: string; risk: string; acked: boolean }>(
      `SELECT category, risk, EXISTS (SELECT 1 FROM acknowledgements k WHERE k.advisory_id = a.id) AS acked
       FROM advisories a WHERE time_ms >= $1 AND time_ms <= $2`,
      [fromMs, toMs],
    ),
    pool.query<{ status: VerificationStatus }>('SELECT status FROM verifications WHERE time_ms >= $1 AND time_ms <= $2', [fromMs, toMs]),
    one<number>('SELECT SUM(packets) FROM packet_counts WHERE minute_ms >= $1 AND minute_ms <= $2', [fromMin, toMs]),
    one<number>('SELECT COUNT(*) FROM tickets WHERE time_ms >= $1 AND time_ms <= $2', [fromMs, toMs]),
    one<number>('SELECT COUNT(*) FROM acknowledgements WHERE time_ms >= $1 AND time_ms <= $2', [fromMs, toMs]),
    eff === undefined
      ? Promise.resolve(null)
      : one<number>('SELECT SUM(v_sum) / SUM(n) FROM metrics_1min WHERE channel_id = $1 AND bucket_ms >= $2 AND bucket_ms <= $3', [eff, fromMin, toMs]),
    depthAt('ASC'),
    depthAt('DESC'),
  ]);
  return buildShiftSummary({
    fromMs,
    toMs,
    packets: Number(packets ?? 0),
    tickets: Number(tickets ?? 0),
    verificationStatuses: statuses.rows.map((r) => r.status),
    advisories: advisories.rows.map((a) => ({ category: a.category, riskLevel: a.risk, acknowledged: a.acked })),
    acknowledgements: Number(acks ?? 0),
    avgMseEfficiencyPercent: effAvg,
    depthStartFt: depthStart,
    depthEndFt: depthEnd,
  });
}
