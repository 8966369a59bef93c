// The curator turns uploaded events into library episodes: near-duplicates merged (same rig and
// category, depth within 100 ft, time within 10 min; the better outcome wins), scored, pruned to
// the cap, and the library version bumped once per run. Runs are serialised across every hub
// instance by a PostgreSQL advisory lock held for the run's transaction, so a reader that sees
// version V sees every change up to V. Several instances may ask at once; each waits its turn.
import type pg from 'pg';
import type { FleetEvent, FleetOutcome } from '../../src-shared/fleet.js';
import { stableStringify } from '../../src-shared/fleet.js';
import { LOCK_CURATOR, LOCK_NAMESPACE } from '../db/migrations.js';
import { inTransaction } from '../db/pool.js';
import { zstdDecompressBounded } from '../zstd.js';
import { DUPLICATE_TIME_MS, placeEvents, type Anchor, type EpisodeWrite } from './placement.js';
import { episodeScore, isArchived } from './score.js';
const MAX_EVENT_JSON_BYTES = 64 * 1024 * 1024;

export interface CuratorOptions {
  /** Library size cap (lowest scores out). */
  cap: number;
  /** Events per transaction. */
  batch?: number;
  clock?: () => number;
  log?: (line: string) => void;
}

export interface CuratorRun {
  events: number;
  added: number;
  updated: number;
  duplicates: number;
  pruned: number;
  version: number;
}

interface PendingRow {
  id: string;
  body: Buffer;
  outcome: FleetOutcome;
  notes: string;
  episode_id: string | null;
}

const yieldToUploads = () => new Promise<void>((resolve) => setImmediate(resolve));

const emptyRun = (version: number): CuratorRun => ({ events: 0, added: 0, updated: 0, duplicates: 0, pruned: 0, version });

export class Curator {
  private readonly batch: number;
  private readonly clock: () => number;
  private current: Promise<CuratorRun> | null = null;
  private next: Promise<CuratorRun> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly opts: CuratorOptions,
  ) {
    this.batch = opts.batch ?? 200;
    this.clock = opts.clock ?? Date.now;
  }

  /**
   * Asks for a run that starts after this call; resolves when it has finished. Calls made while
   * a run is going coalesce into one follow-up run.
   */
  request(): Promise<CuratorRun> {
    if (!this.current) {
      this.current = this.drain().finally(() => {
        this.current = null;
      });
      return this.current;
    }
    if (!this.next) {
      this.next = this.current
        .catch(() => undefined)
        .then(() => {
          this.next = null;
          return this.request();
        });
    }
    return this.next;
  }

  /** A background pass: events another instance stored but did not curate, and archiving. */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.archive()
        .then(() => this.request())
        .catch((e) => this.opts.log?.(`curator pass failed: ${(e as Error).message}`));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([this.current, this.next]);
  }

  private async drain(): Promise<CuratorRun> {
    const total = emptyRun(0);
    for (;;) {
      const r = await inTransaction(this.pool, (c) => this.runBatch(c));
      total.events += r.events;
      total.added += r.added;
      total.updated += r.updated;
      total.duplicates += r.duplicates;
      total.pruned += r.pruned;
      total.version = r.version;
      if (r.events < this.batch) return total;
    }
  }

  private async runBatch(c: pg.PoolClient): Promise<CuratorRun> {
    await c.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, LOCK_CURATOR]);
    const version = (await c.query<{ version: number }>('SELECT version FROM library_meta')).rows[0].version;
    const rows = (
      await c.query<PendingRow>(
        'SELECT id, body, outcome, notes, episode_id FROM events WHERE NOT curated ORDER BY received_ms, id LIMIT $1 FOR UPDATE',
        [this.batch],
      )
    ).rows;
    const run = emptyRun(version);
    if (rows.length === 0) return run;
    const batch: { event: FleetEvent; episodeId: string | null }[] = [];
    for (const row of rows) {
      const event = JSON.parse(zstdDecompressBounded(row.body, MAX_EVENT_JSON_BYTES).toString('utf8')) as FleetEvent;
      event.outcome = row.outcome;
      event.notes = row.notes;
      batch.push({ event, episodeId: row.episode_id });
      // Uploads share this event loop: let them in between events.
      if (batch.length % 10 === 0) await yieldToUploads();
    }
    const placed = placeEvents(batch, await this.anchorsFor(c, batch));
    Object.assign(run, { events: rows.length, added: placed.added, updated: placed.updated, duplicates: placed.duplicates });
    await c.query(
      'UPDATE events e SET curated = true, episode_id = u.episode FROM unnest($1::text[], $2::text[]) AS u(id, episode) WHERE e.id = u.id',
      [[...placed.episodeOf.keys()], [...placed.episodeOf.values()]],
    );
    if (placed.writes.size === 0) return run;
    const newVersion = version + 1;
    await this.write(c, [...placed.writes.values()], newVersion);
    run.pruned = await this.pruneToCap(c, newVersion);
    await c.query('UPDATE library_meta SET version = $1, updated_ms = $2', [newVersion, this.clock()]);
    run.version = newVersion;
    return run;
  }

  /** Episodes the batch may land in: the ones its events already have, and near neighbours. */
  private async anchorsFor(c: pg.PoolClient, batch: { event: FleetEvent; episodeId: string | null }[]): Promise<Anchor[]> {
    const windows = new Map<string, { rig: string; cat: string; t0: number; t1: number }>();
    for (const { event } of batch) {
      const k = `${event.rigId}\u0000${event.category}`;
      const w = windows.get(k) ?? { rig: event.rigId, cat: event.category, t0: Infinity, t1: -Infinity };
      w.t0 = Math.min(w.t0, Math.round(event.timeMs) - DUPLICATE_TIME_MS);
      w.t1 = Math.max(w.t1, Math.round(event.timeMs) + DUPLICATE_TIME_MS);
      windows.set(k, w);
    }
    const ws = [...windows.values()];
    const cols = 'e.id, e.event_id, e.source_rig, e.category, e.time_ms, e.depth_ft, e.outcome_value';
    const r = await c.query<{ id: string; event_id: string; source_rig: string; category: string; time_ms: number; depth_ft: number | null; outcome_value: number }>(
      `SELECT ${cols} FROM episodes e
         JOIN unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) AS w(rig, cat, t0, t1)
           ON e.source_rig = w.rig AND e.category = w.cat AND e.time_ms BETWEEN w.t0 AND w.t1
       UNION SELECT ${cols} FROM episodes e WHERE e.id = ANY($5::text[])`,
      [ws.map((w) => w.rig), ws.map((w) => w.cat), ws.map((w) => w.t0), ws.map((w) => w.t1), batch.map((b) => b.episodeId).filter((x): x is string => x !== null)],
    );
    return r.rows.map((x) => ({ id: x.id, eventId: x.event_id, rigId: x.source_rig, category: x.category, timeMs: x.time_ms, depthFt: x.depth_ft, outcomeValue: x.outcome_value }));
  }

  /** One bulk upsert for the batch, each episode scored against the library's category mix. */
  private async write(c: pg.PoolClient, writes: EpisodeWrite[], version: number): Promise<void> {
    const counts = await this.categoryCounts(c);
    for (const w of writes) if (w.isNew) counts.set(w.anchor.category, (counts.get(w.anchor.category) ?? 0) + 1);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const now = this.clock();
    const score = (w: EpisodeWrite) =>
      episodeScore({ outcomeKind: w.episode.outcome.kind, outcomeValue: w.anchor.outcomeValue, detail: w.detail, timeMs: w.anchor.timeMs, categoryShare: (counts.get(w.anchor.category) ?? 0) / total }, now);
    await c.query(
      `INSERT INTO episodes (id, event_id, source_rig, category, outcome_kind, outcome_value, detail, time_ms, depth_ft, score, version, json)
       SELECT u.id, u.event_id, u.rig, u.cat, u.kind, u.ov, u.detail, u.t, u.d, u.score, $11, u.json
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::bigint[], $9::float8[], $10::float8[], $12::text[])
         AS u(id, event_id, rig, cat, kind, ov, detail, t, d, score, json)
       ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id, outcome_kind = excluded.outcome_kind, outcome_value = excluded.outcome_value,
         detail = excluded.detail, score = excluded.score, version = excluded.version, json = excluded.json`,
      [
        writes.map((w) => w.anchor.id), writes.map((w) => w.anchor.eventId), writes.map((w) => w.anchor.rigId), writes.map((w) => w.anchor.category),
        writes.map((w) => w.episode.outcome.kind), writes.map((w) => w.anchor.outcomeValue), writes.map((w) => w.detail),
        writes.map((w) => Math.round(w.anchor.timeMs)), writes.map((w) => w.anchor.depthFt), writes.map(score), version, writes.map((w) => stableStringify(w.episode)),
      ],
    );
    await c.query('DELETE FROM episode_tombstones WHERE id = ANY($1::text[])', [writes.map((w) => w.anchor.id)]);
  }

  private async categoryCounts(c: pg.PoolClient): Promise<Map<string, number>> {
    const r = await c.query<{ category: string; n: number }>('SELECT category, COUNT(*)::int AS n FROM episodes GROUP BY category');
    return new Map(r.rows.map((x) => [x.category, x.n]));
  }

  /** Over the cap: every score is worked out afresh (age moves them) and the lowest go. */
  private async pruneToCap(c: pg.PoolClient, version: number): Promise<number> {
    const counts = await this.categoryCounts(c);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if (total <= this.opts.cap) return 0;
    // Prune 1 % below the cap so a full library is not pruned on every single upload.
    const keep = Math.max(0, this.opts.cap - Math.ceil(this.opts.cap * 0.01));
    const now = this.clock();
    const rows = (
      await c.query<{ id: string; category: string; outcome_kind: FleetOutcome['kind']; outcome_value: number; detail: number; time_ms: number }>(
        'SELECT id, category, outcome_kind, outcome_value, detail, time_ms FROM episodes',
      )
    ).rows;
    const ranked = rows
      .map((r) => ({ id: r.id, score: episodeScore({ outcomeKind: r.outcome_kind, outcomeValue: r.outcome_value, detail: r.detail, timeMs: r.time_ms, categoryShare: (counts.get(r.category) ?? 0) / total }, now) }))
      .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1));
    const out = ranked.slice(0, ranked.length - keep).map((r) => r.id);
    await this.remove(c, out, version);
    return out.length;
  }

  private async remove(c: pg.PoolClient, ids: string[], version: number): Promise<void> {
    if (ids.length === 0) return;
    await c.query('DELETE FROM episodes WHERE id = ANY($1::text[])', [ids]);
    await c.query(
      `INSERT INTO episode_tombstones (id, version) SELECT unnest($1::text[]), $2
       ON CONFLICT (id) DO UPDATE SET version = excluded.version`,
      [ids, version],
    );
  }

  /** Archives episodes past their age (a year; three months for false alarms), as one version. */
  async archive(): Promise<number> {
    return inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, LOCK_CURATOR]);
      const now = this.clock();
      const rows = (await c.query<{ id: string; outcome_kind: FleetOutcome['kind']; time_ms: number }>(
        `SELECT id, outcome_kind, time_ms FROM episodes WHERE time_ms < $1`,
        [now - 90 * 86_400_000],
      )).rows;
      const old = rows.filter((r) => isArchived(r.outcome_kind, r.time_ms, now)).map((r) => r.id);
      if (old.length === 0) return 0;
      const version = (await c.query<{ version: number }>('SELECT version FROM library_meta')).rows[0].version + 1;
      await this.remove(c, old, version);
      await c.query('UPDATE library_meta SET version = $1, updated_ms = $2', [version, now]);
      return old.length;
    });
  }
}
