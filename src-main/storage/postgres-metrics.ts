// Metrics on PostgreSQL: one flush writes a batch of 1 Hz samples in a few set-based statements
// (unnest arrays), rolls up only the rows that were new (a repeated sample counts once), and
// trims raw rows past retention. Queries average into at most maxPoints buckets like SQLite.
import type pg from 'pg';
import type { MetricSeries } from '../../src-shared/bridge.js';
import { ONE_MIN_MS, TEN_MIN_MS, bucketStart, planBuckets, storableValue } from './metric-buckets.js';
import type { MetricSample } from './persistence.js';

const CHUNK_ROWS = 50_000;

interface Rollup {
  c: number;
  b: number;
  n: number;
  sum: number;
  min: number;
  max: number;
}

export class ChannelIds {
  private readonly ids = new Map<string, number>();

  get(name: string): number | undefined {
    return this.ids.get(name);
  }

  all(): number[] {
    return [...this.ids.values()];
  }

  async load(c: pg.ClientBase): Promise<void> {
    this.ids.clear();
    for (const r of (await c.query<{ id: number; name: string }>('SELECT id, name FROM metric_channels')).rows) this.ids.set(r.name, r.id);
  }

  async ensure(c: pg.ClientBase, names: Iterable<string>): Promise<void> {
    const missing = [...new Set(names)].filter((n) => !this.ids.has(n));
    if (missing.length === 0) return;
    await c.query('INSERT INTO metric_channels (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING', [missing]);
    const r = await c.query<{ id: number; name: string }>('SELECT id, name FROM metric_channels WHERE name = ANY($1::text[])', [missing]);
    for (const row of r.rows) this.ids.set(row.name, row.id);
  }
}

function addTo(m: Map<string, Rollup>, c: number, b: number, v: number): void {
  const k = `${c}:${b}`;
  const a = m.get(k);
  if (!a) m.set(k, { c, b, n: 1, sum: v, min: v, max: v });
  else {
    a.n++;
    a.sum += v;
    if (v < a.min) a.min = v;
    if (v > a.max) a.max = v;
  }
}

async function upsertRollups(c: pg.ClientBase, table: 'metrics_1min' | 'metrics_10min', rows: Rollup[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const part = rows.slice(i, i + CHUNK_ROWS);
    await c.query(
      `INSERT INTO ${table} (channel_id, bucket_ms, n, v_sum, v_min, v_max)
       SELECT * FROM unnest($1::int[], $2::bigint[], $3::int[], $4::float8[], $5::float8[], $6::float8[])
       ON CONFLICT (channel_id, bucket_ms) DO UPDATE SET n = ${table}.n + excluded.n, v_sum = ${table}.v_sum + excluded.v_sum,
         v_min = LEAST(${table}.v_min, excluded.v_min), v_max = GREATEST(${table}.v_max, excluded.v_max)`,
      [part.map((r) => r.c), part.map((r) => r.b), part.map((r) => r.n), part.map((r) => r.sum), part.map((r) => r.min), part.map((r) => r.max)],
    );
  }
}

/** Writes one batch inside the caller's transaction; returns the newest sample time seen. */
export async function writeMetricBatch(
  c: pg.ClientBase, channels: ChannelIds, batch: MetricSample[], packets: Map<number, number>, rigStates: Map<string, number> = new Map(),
): Promise<number> {
  await channels.ensure(c, batch.flatMap((s) => Object.keys(s.values)));
  const ch: number[] = [];
  const ts: number[] = [];
  const vs: number[] = [];
  let newest = -Infinity;
  for (const s of batch) {
    for (const [name, v] of Object.entries(s.values)) {
      if (!storableValue(v)) continue;
      ch.push(channels.get(name) as number);
      ts.push(s.timeMs);
      vs.push(v);
    }
    if (s.timeMs > newest) newest = s.timeMs;
  }
  const r1 = new Map<string, Rollup>();
  const r10 = new Map<string, Rollup>();
  for (let i = 0; i < ch.length; i += CHUNK_ROWS) {
    // Only rows that were new come back: a duplicate (same channel and time) is not rolled up twice.
    const inserted = await c.query({
      text: `INSERT INTO metrics_raw (channel_id, time_ms, value) SELECT * FROM unnest($1::int[], $2::bigint[], $3::float8[])
             ON CONFLICT DO NOTHING RETURNING channel_id, time_ms, value`,
      values: [ch.slice(i, i + CHUNK_ROWS), ts.slice(i, i + CHUNK_ROWS), vs.slice(i, i + CHUNK_ROWS)],
      rowMode: 'array',
    });
    for (const [cid, t, v] of inserted.rows as [number, number, number][]) {
      addTo(r1, cid, bucketStart(t, ONE_MIN_MS), v);
      addTo(r10, cid, bucketStart(t, TEN_MIN_MS), v);
    }
  }
  await upsertRollups(c, 'metrics_1min', [...r1.values()]);
  await upsertRollups(c, 'metrics_10min', [...r10.values()]);
  if (packets.size > 0) {
    await c.query(
      `INSERT INTO packet_counts (minute_ms, packets) SELECT * FROM unnest($1::bigint[], $2::bigint[])
       ON CONFLICT (minute_ms) DO UPDATE SET packets = packet_counts.packets + excluded.packets`,
      [[...packets.keys()], [...packets.values()]],
    );
  }
  await writeRigStates(c, rigStates);
  return newest;
}

/** Adds a flush's packets per (minute, rig state), keyed `minute|state`. */
async function writeRigStates(c: pg.ClientBase, counts: Map<string, number>): Promise<void> {
  if (counts.size === 0) return;
  const minutes: number[] = [];
  const states: string[] = [];
  for (const key of counts.keys()) {
    const sep = key.indexOf('|');
    minutes.push(Number(key.slice(0, sep)));
    states.push(key.slice(sep + 1));
  }
  await c.query(
    `INSERT INTO rig_state_minutes (minute_ms, state, packets) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[])
     ON CONFLICT (minute_ms, state) DO UPDATE SET packets = rig_state_minutes.packets + excluded.packets`,
    [minutes, states, [...counts.values()]],
  );
}

export async function deleteRawBefore(c: pg.ClientBase, channelIds: number[], cutoffMs: number): Promise<void> {
  if (channelIds.length) await c.query('DELETE FROM metrics_raw WHERE channel_id = ANY($1::int[]) AND time_ms < $2', [channelIds, cutoffMs]);
}

export async function queryMetricSeries(pool: pg.Pool, channels: ChannelIds, names: string[], fromMs: number, toMs: number, maxPoints: number): Promise<MetricSeries[]> {
  const plan = planBuckets(fromMs, toMs, maxPoints);
  const step = plan.stepMs; // an integer from planBuckets, safe to inline
  const text =
    plan.resolution === 'raw'
      ? `SELECT (time_ms / ${step}) * ${step} AS t, AVG(value) AS v FROM metrics_raw
         WHERE channel_id = $1 AND time_ms >= $2 AND time_ms <= $3 GROUP BY time_ms / ${step} ORDER BY t`
      : `SELECT (bucket_ms / ${step}) * ${step} AS t, SUM(v_sum) / SUM(n) AS v FROM ${plan.resolution === '1min' ? 'metrics_1min' : 'metrics_10min'}
         WHERE channel_id = $1 AND bucket_ms >= $2 AND bucket_ms <= $3 GROUP BY bucket_ms / ${step} ORDER BY t`;
  return Promise.all(
    names.map(async (channel) => {
      const id = channels.get(channel);
      const points = id === undefined ? [] : ((await pool.query({ text, values: [id, plan.fromAlignedMs, plan.toMs], rowMode: 'array' })).rows as [number, number][]);
      return { channel, points, resolution: plan.resolution };
    }),
  );
}

/** Samples and packet counts waiting for the next flush, and the raw-data retention. */
export class MetricQueue {
  private samples: MetricSample[] = [];
  private packets = new Map<number, number>();
  private rigStates = new Map<string, number>();
  private newestSampleMs = -Infinity;
  private lastRetentionMs = -Infinity;

  /** Disk low on the database host: raw samples are not queued (rollups still are). */
  rawPaused = false;

  constructor(private retentionMs: number) {}

  /** Raw-data retention from the next flush. */
  setRetentionMs(ms: number): void {
    this.retentionMs = ms;
    this.lastRetentionMs = -Infinity;
  }

  record(sample: MetricSample): void {
    if (!this.rawPaused) this.samples.push(sample);
  }

  recordPackets(timeMs: number, packets: number): void {
    if (!Number.isFinite(packets)) return;
    const m = bucketStart(timeMs, ONE_MIN_MS);
    this.packets.set(m, (this.packets.get(m) ?? 0) + packets);
  }

  recordRigState(timeMs: number, rigState: string): void {
    const key = `${bucketStart(timeMs, ONE_MIN_MS)}|${rigState}`;
    this.rigStates.set(key, (this.rigStates.get(key) ?? 0) + 1);
  }

  /** Writes what is queued in one transaction; returns the error (the batch is then dropped). */
  async flush(pool: pg.Pool, channels: ChannelIds): Promise<unknown> {
    const batch = this.samples;
    const packets = this.packets;
    const rigStates = this.rigStates;
    if (batch.length === 0 && packets.size === 0 && rigStates.size === 0) return null;
    this.samples = [];
    this.packets = new Map();
    this.rigStates = new Map();
    let c: pg.PoolClient;
    try {
      c = await pool.connect();
    } catch (e) {
      return e; // the database is away: these samples are lost, health says why
    }
    try {
      await c.query('BEGIN');
      const newest = await writeMetricBatch(c, channels, batch, packets, rigStates);
      if (newest > this.newestSampleMs) this.newestSampleMs = newest;
      // Retention at most once a minute of data time.
      if (this.newestSampleMs - this.lastRetentionMs >= ONE_MIN_MS) {
        this.lastRetentionMs = this.newestSampleMs;
        await deleteRawBefore(c, channels.all(), this.newestSampleMs - this.retentionMs);
      }
      await c.query('COMMIT');
      return null;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      await channels.load(c).catch(() => undefined); // the rollback may have undone new channel rows
      return e;
    } finally {
      c.release();
    }
  }
}
