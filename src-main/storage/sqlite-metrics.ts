// The metric tiers in SQLite: raw 1 Hz rows, 1-minute and 10-minute rollups, each with its own
// retention (storage.metrics_retention_days, rollup_1min_retention_days, rollup_10min_retention_days,
// counted back from the newest sample in data time), plus what the storage budget needs: how far
// back each tier reaches, and deleting the oldest rows first, raw before the rollups.
import type Database from 'better-sqlite3';
import type { MetricSeries } from '../../src-shared/bridge.js';
import { ONE_MIN_MS, TEN_MIN_MS, bucketStart, planBuckets, storableValue } from './metric-buckets.js';
import type { MetricSample } from './persistence.js';

export interface MetricRetentionDays {
  rawDays: number;
  oneMinDays: number;
  tenMinDays: number;
}

export type MetricTier = 'raw' | '1min' | '10min';

const DAY_MS = 86_400_000;
const TABLE: Record<MetricTier, { table: string; time: string }> = {
  raw: { table: 'metrics_raw', time: 'time_ms' },
  '1min': { table: 'metrics_1min', time: 'bucket_ms' },
  '10min': { table: 'metrics_10min', time: 'bucket_ms' },
};
/** Data time cut per step when pruning for the budget: raw by the hour, rollups by the day. */
const PRUNE_STEP_MS: Record<MetricTier, number> = { raw: 3_600_000, '1min': DAY_MS, '10min': 7 * DAY_MS };
/** What each tier keeps of its newest data until every tier is down to it. */
const KEEP_RECENT_MS: Record<MetricTier, number> = { raw: DAY_MS, '1min': 7 * DAY_MS, '10min': 30 * DAY_MS };

interface Rollup {
  c: number;
  b: number;
  n: number;
  sum: number;
  min: number;
  max: number;
}

function rollupUpsert(table: string): string {
  return `INSERT INTO ${table} (channel_id, bucket_ms, n, v_sum, v_min, v_max) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(channel_id, bucket_ms) DO UPDATE SET n = n + excluded.n, v_sum = v_sum + excluded.v_sum,
      v_min = MIN(v_min, excluded.v_min), v_max = MAX(v_max, excluded.v_max)`;
}

export class SqliteMetrics {
  readonly channelIds = new Map<string, number>();
  private newestSampleMs = -Infinity;
  private lastRetentionMs = -Infinity;
  private readonly st;

  constructor(
    private readonly db: Database.Database,
    private retention: MetricRetentionDays,
  ) {
    this.st = {
      channelId: db.prepare('SELECT id FROM metric_channels WHERE name = ?').pluck(),
      insertChannel: db.prepare('INSERT INTO metric_channels (name) VALUES (?)'),
      insertRaw: db.prepare('INSERT OR IGNORE INTO metrics_raw (channel_id, time_ms, value) VALUES (?, ?, ?)'),
      roll1: db.prepare(rollupUpsert('metrics_1min')),
      roll10: db.prepare(rollupUpsert('metrics_10min')),
      packets: db.prepare(`INSERT INTO packet_counts (minute_ms, packets) VALUES (?, ?)
        ON CONFLICT(minute_ms) DO UPDATE SET packets = packets + excluded.packets`),
      oldest: Object.fromEntries(
        Object.entries(TABLE).map(([tier, t]) => [tier, db.prepare(`SELECT MIN(${t.time}) FROM ${t.table} WHERE channel_id = ?`).pluck()]),
      ) as Record<MetricTier, Database.Statement>,
      newest: Object.fromEntries(
        Object.entries(TABLE).map(([tier, t]) => [tier, db.prepare(`SELECT MAX(${t.time}) FROM ${t.table} WHERE channel_id = ?`).pluck()]),
      ) as Record<MetricTier, Database.Statement>,
      deleteBefore: Object.fromEntries(
        Object.entries(TABLE).map(([tier, t]) => [tier, db.prepare(`DELETE FROM ${t.table} WHERE channel_id = ? AND ${t.time} < ?`)]),
      ) as Record<MetricTier, Database.Statement>,
    };
    this.loadChannelIds();
  }

  setRetention(r: MetricRetentionDays): void {
    this.retention = r;
    this.lastRetentionMs = -Infinity; // apply at the next flush
  }

  loadChannelIds(): void {
    this.channelIds.clear();
    for (const r of this.db.prepare('SELECT id, name FROM metric_channels').all() as { id: number; name: string }[]) {
      this.channelIds.set(r.name, r.id);
    }
  }

  private channelId(name: string): number {
    let id = this.channelIds.get(name);
    if (id === undefined) {
      id = (this.st.channelId.get(name) as number | undefined) ?? Number(this.st.insertChannel.run(name).lastInsertRowid);
      this.channelIds.set(name, id);
    }
    return id;
  }

  /**
   * Writes one batch (inside the caller's transaction). With `rawPaused` (disk space low) only the
   * small rollups and packet counts are written: the trends keep going at 1-minute resolution.
   */
  write(batch: MetricSample[], packets: Map<number, number>, rawPaused: boolean): void {
    // Rollups are summed in JS first so each bucket gets one upsert per flush.
    const r1 = new Map<string, Rollup>();
    const r10 = new Map<string, Rollup>();
    const add = (m: Map<string, Rollup>, c: number, b: number, v: number) => {
      const k = `${c}:${b}`;
      const a = m.get(k);
      if (a) {
        a.n++;
        a.sum += v;
        if (v < a.min) a.min = v;
        if (v > a.max) a.max = v;
      } else m.set(k, { c, b, n: 1, sum: v, min: v, max: v });
    };
    for (const s of batch) {
      for (const [channel, v] of Object.entries(s.values)) {
        if (!storableValue(v)) continue;
        const c = this.channelId(channel);
        // A duplicate (same channel and time) is ignored and must not count twice in a rollup.
        if (!rawPaused && this.st.insertRaw.run(c, s.timeMs, v).changes === 0) continue;
        add(r1, c, bucketStart(s.timeMs, ONE_MIN_MS), v);
        add(r10, c, bucketStart(s.timeMs, TEN_MIN_MS), v);
      }
      if (s.timeMs > this.newestSampleMs) this.newestSampleMs = s.timeMs;
    }
    for (const a of r1.values()) this.st.roll1.run(a.c, a.b, a.n, a.sum, a.min, a.max);
    for (const a of r10.values()) this.st.roll10.run(a.c, a.b, a.n, a.sum, a.min, a.max);
    for (const [m, n] of packets) this.st.packets.run(m, n);
    // Retention at most once a minute of data time; one indexed range delete per channel and tier.
    if (this.newestSampleMs - this.lastRetentionMs >= ONE_MIN_MS) {
      this.lastRetentionMs = this.newestSampleMs;
      const r = this.retention;
      this.deleteBefore('raw', this.newestSampleMs - r.rawDays * DAY_MS);
      this.deleteBefore('1min', this.newestSampleMs - r.oneMinDays * DAY_MS);
      this.deleteBefore('10min', this.newestSampleMs - r.tenMinDays * DAY_MS);
    }
  }

  /** One transaction for all channels: one sync to disk, not one per channel. */
  private deleteBefore(tier: MetricTier, cutoffMs: number): number {
    return this.db.transaction(() => {
      let n = 0;
      for (const id of this.channelIds.values()) n += this.st.deleteBefore[tier].run(id, cutoffMs).changes;
      return n;
    })();
  }

  query(channels: string[], fromMs: number, toMs: number, maxPoints: number): MetricSeries[] {
    const plan = planBuckets(fromMs, toMs, maxPoints);
    const step = plan.stepMs;
    const sql =
      plan.resolution === 'raw'
        ? `SELECT (time_ms / ${step}) * ${step} AS t, AVG(value) AS v FROM metrics_raw
           WHERE channel_id = ? AND time_ms >= ? AND time_ms <= ? GROUP BY time_ms / ${step} ORDER BY t`
        : `SELECT (bucket_ms / ${step}) * ${step} AS t, SUM(v_sum) / SUM(n) AS v FROM ${plan.resolution === '1min' ? 'metrics_1min' : 'metrics_10min'}
           WHERE channel_id = ? AND bucket_ms >= ? AND bucket_ms <= ? GROUP BY bucket_ms / ${step} ORDER BY t`;
    const stmt = this.db.prepare(sql).raw();
    return channels.map((channel) => {
      const id = this.channelIds.get(channel);
      // Integer division in SQL floors toward zero; times before 1970 are not a concern here.
      const points = id === undefined ? [] : (stmt.all(id, plan.fromAlignedMs, plan.toMs) as [number, number][]);
      return { channel, points, resolution: plan.resolution };
    });
  }

  /** Oldest and newest data time a tier holds (over every channel), null when empty. */
  span(tier: MetricTier): { oldestMs: number; newestMs: number } | null {
    let oldest = Infinity;
    let newest = -Infinity;
    for (const id of this.channelIds.values()) {
      const o = this.st.oldest[tier].get(id) as number | null;
      if (o === null || o === undefined) continue;
      oldest = Math.min(oldest, o);
      newest = Math.max(newest, this.st.newest[tier].get(id) as number);
    }
    return oldest === Infinity ? null : { oldestMs: oldest, newestMs: newest };
  }

  /**
   * Deletes the oldest step of the first tier that has anything, raw first (an hour of raw, a day
   * of 1-minute or a week of 10-minute rows). Each tier keeps its newest stretch (raw a day,
   * 1-minute a week, 10-minute a month) until every tier is down to it. Returns what it removed,
   * or null when every tier is empty.
   */
  pruneOldest(): { tier: MetricTier; rows: number; beforeMs: number } | null {
    const order: MetricTier[] = ['raw', '1min', '10min'];
    for (const keepRecent of [true, false]) {
      for (const tier of order) {
        const span = this.span(tier);
        if (!span) continue;
        const beforeMs = span.oldestMs + PRUNE_STEP_MS[tier];
        if (keepRecent && beforeMs > span.newestMs - KEEP_RECENT_MS[tier]) continue;
        const rows = this.deleteBefore(tier, Math.min(beforeMs, span.newestMs + 1));
        if (rows > 0) return { tier, rows, beforeMs };
      }
    }
    return null;
  }
}
