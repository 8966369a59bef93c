// The reads reports need beyond the live screens: packets per rig state and per minute, the
// recorded span, when the hole first reached a depth. Kept apart from sqlite-store.ts so that
// file stays about writes and the live reads.
import type Database from 'better-sqlite3';
import { ONE_MIN_MS, bucketStart } from './metric-buckets.js';

export class SqliteReportQueries {
  private readonly st: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Database.Database,
    /** Channel name -> id, or undefined when the channel was never written. */
    private readonly channelId: (name: string) => number | undefined,
    /** Every channel id written so far. */
    private readonly channelIds: () => Iterable<number>,
  ) {
    this.st = prepare(db);
  }

  /** Writes a flush's rig-state counts (inside the caller's transaction). */
  writeRigStates(counts: Map<string, number>): void {
    for (const [key, n] of counts) {
      const sep = key.indexOf('|');
      this.st.upsertRigState.run(Number(key.slice(0, sep)), key.slice(sep + 1), n);
    }
  }

  rigStatePackets(fromMs: number, toMs: number): Record<string, number> {
    const rows = this.st.rigStatePackets.all(bucketStart(fromMs, ONE_MIN_MS), toMs) as { state: string; packets: number }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.packets]));
  }

  packetsPerMinute(fromMs: number, toMs: number): [number, number][] {
    return this.st.packetsPerMinute.all(bucketStart(fromMs, ONE_MIN_MS), toMs) as [number, number][];
  }

  recordedSpan(): { fromMs: number; toMs: number } | null {
    const r = this.st.span.get() as { first: number | null; last: number | null };
    if (r.first === null || r.last === null) return null;
    // To the second where the 1 Hz rows still exist (the first and last minute are partial).
    let first = Infinity;
    let last = -Infinity;
    for (const id of this.channelIds()) {
      const f = this.st.firstRawIn.get(id, r.first, r.first + ONE_MIN_MS) as number | null;
      const l = this.st.lastRawIn.get(id, r.last, r.last + ONE_MIN_MS) as number | null;
      if (f !== null && f < first) first = f;
      if (l !== null && l > last) last = l;
    }
    return { fromMs: Number.isFinite(first) ? first : r.first, toMs: Number.isFinite(last) ? last + 1 : r.last + ONE_MIN_MS };
  }

  firstTimeAtOrAbove(channel: string, value: number, sinceMs: number): number | null {
    const id = this.channelId(channel);
    if (id === undefined) return null;
    // Minute rollups find the minute quickly; the raw rows inside it give the second.
    let from = bucketStart(sinceMs, ONE_MIN_MS);
    for (;;) {
      const minute = this.st.firstMinuteAbove.get(id, from, value) as number | undefined;
      if (minute === undefined) return null;
      const exact = this.st.firstRawAbove.get(id, Math.max(minute, sinceMs), minute + ONE_MIN_MS, value) as number | undefined;
      if (exact !== undefined) return exact;
      // The minute's high came before sinceMs, or raw rows are past retention: use the minute.
      if (minute >= sinceMs && !this.st.anyRaw.get(id, minute, minute + ONE_MIN_MS)) return minute;
      from = minute + ONE_MIN_MS;
    }
  }
}

function prepare(db: Database.Database) {
  return {
    upsertRigState: db.prepare(`INSERT INTO rig_state_minutes (minute_ms, state, packets) VALUES (?, ?, ?)
      ON CONFLICT(minute_ms, state) DO UPDATE SET packets = packets + excluded.packets`),
    rigStatePackets: db.prepare(`SELECT state, SUM(packets) AS packets FROM rig_state_minutes
      WHERE minute_ms >= ? AND minute_ms <= ? GROUP BY state`),
    packetsPerMinute: db.prepare('SELECT minute_ms, packets FROM packet_counts WHERE minute_ms >= ? AND minute_ms <= ? ORDER BY minute_ms').raw(),
    span: db.prepare('SELECT MIN(minute_ms) AS first, MAX(minute_ms) AS last FROM packet_counts'),
    firstRawIn: db.prepare('SELECT MIN(time_ms) FROM metrics_raw WHERE channel_id = ? AND time_ms >= ? AND time_ms < ?').pluck(),
    lastRawIn: db.prepare('SELECT MAX(time_ms) FROM metrics_raw WHERE channel_id = ? AND time_ms >= ? AND time_ms < ?').pluck(),
    firstMinuteAbove: db
      .prepare('SELECT bucket_ms FROM metrics_1min WHERE channel_id = ? AND bucket_ms >= ? AND v_max >= ? ORDER BY bucket_ms LIMIT 1')
      .pluck(),
    firstRawAbove: db
      .prepare('SELECT time_ms FROM metrics_raw WHERE channel_id = ? AND time_ms >= ? AND time_ms < ? AND value >= ? ORDER BY time_ms LIMIT 1')
      .pluck(),
    anyRaw: db.prepare('SELECT 1 FROM metrics_raw WHERE channel_id = ? AND time_ms >= ? AND time_ms < ? LIMIT 1').pluck(),
  };
}
