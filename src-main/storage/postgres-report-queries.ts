// The reads reports need on PostgreSQL (as sqlite-report-queries.ts): packets per rig state and
// per minute, the recorded span, when the hole first reached a depth.
import type pg from 'pg';
import { ONE_MIN_MS, bucketStart } from './metric-buckets.js';
import type { ChannelIds } from './postgres-metrics.js';

export async function rigStatePackets(pool: pg.Pool, fromMs: number, toMs: number): Promise<Record<string, number>> {
  const r = await pool.query<{ state: string; packets: number }>(
    'SELECT state, SUM(packets)::bigint AS packets FROM rig_state_minutes WHERE minute_ms >= $1 AND minute_ms <= $2 GROUP BY state',
    [bucketStart(fromMs, ONE_MIN_MS), toMs],
  );
  return Object.fromEntries(r.rows.map((x) => [x.state, x.packets]));
}

export async function packetsPerMinute(pool: pg.Pool, fromMs: number, toMs: number): Promise<[number, number][]> {
  const r = await pool.query({
    text: 'SELECT minute_ms, packets FROM packet_counts WHERE minute_ms >= $1 AND minute_ms <= $2 ORDER BY minute_ms',
    values: [bucketStart(fromMs, ONE_MIN_MS), toMs],
    rowMode: 'array',
  });
  return r.rows as [number, number][];
}

export async function recordedSpan(pool: pg.Pool, channels: ChannelIds): Promise<{ fromMs: number; toMs: number } | null> {
  const span = (await pool.query<{ first: number | null; last: number | null }>('SELECT MIN(minute_ms) AS first, MAX(minute_ms) AS last FROM packet_counts')).rows[0];
  if (span.first === null || span.last === null) return null;
  // To the second where the 1 Hz rows still exist (the first and last minute are partial).
  const ids = channels.all();
  const raw = (
    await pool.query<{ first: number | null; last: number | null }>(
      `SELECT (SELECT MIN(time_ms) FROM metrics_raw WHERE channel_id = ANY($1::int[]) AND time_ms >= $2 AND time_ms < $3) AS first,
              (SELECT MAX(time_ms) FROM metrics_raw WHERE channel_id = ANY($1::int[]) AND time_ms >= $4 AND time_ms < $5) AS last`,
      [ids, span.first, span.first + ONE_MIN_MS, span.last, span.last + ONE_MIN_MS],
    )
  ).rows[0];
  return { fromMs: raw.first ?? span.first, toMs: raw.last !== null ? raw.last + 1 : span.last + ONE_MIN_MS };
}

export async function firstTimeAtOrAbove(pool: pg.Pool, channels: ChannelIds, channel: string, value: number, sinceMs: number): Promise<number | null> {
  const id = channels.get(channel);
  if (id === undefined) return null;
  const one = async (text: string, values: unknown[]): Promise<number | null> => {
    const r = await pool.query({ text, values, rowMode: 'array' });
    return r.rows.length ? (r.rows[0][0] as number) : null;
  };
  // Minute rollups find the minute quickly; the raw rows inside it give the second.
  let from = bucketStart(sinceMs, ONE_MIN_MS);
  for (;;) {
    const minute = await one('SELECT bucket_ms FROM metrics_1min WHERE channel_id = $1 AND bucket_ms >= $2 AND v_max >= $3 ORDER BY bucket_ms LIMIT 1', [id, from, value]);
    if (minute === null) return null;
    const exact = await one(
      'SELECT time_ms FROM metrics_raw WHERE channel_id = $1 AND time_ms >= $2 AND time_ms < $3 AND value >= $4 ORDER BY time_ms LIMIT 1',
      [id, Math.max(minute, sinceMs), minute + ONE_MIN_MS, value],
    );
    if (exact !== null) return exact;
    // The minute's high came before sinceMs, or raw rows are past retention: use the minute.
    if (minute >= sinceMs && (await one('SELECT 1 FROM metrics_raw WHERE channel_id = $1 AND time_ms >= $2 AND time_ms < $3 LIMIT 1', [id, minute, minute + ONE_MIN_MS])) === null) return minute;
    from = minute + ONE_MIN_MS;
  }
}
