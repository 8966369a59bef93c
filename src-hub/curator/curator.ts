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
import { episodeFromEvent, episodeIdFor } from './episode.js';
import { detailValue, episodeScore, isArchived, outcomeValue } from './score.js';

const DUPLICATE_DEPTH_FT = 100;
const DUPLICATE_TIME_MS = 10 * 60_000;
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

interface Target {
  id: string;
  event_id: string;
  outcome_value: number;
}

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
    const newVersion = version + 1;
    const touched = new Set<string>();
    const curated: { id: string; episode: string }[] = [];
    for (const row of rows) {
      run.events++;
      const event = JSON.parse(zstdDecompressBounded(row.body, MAX_EVENT_JSON_BYTES).toString('utf8')) as FleetEvent;
      event.outcome = row.outcome;
      event.notes = row.notes;
      const episode = await this.place(c, event, row.episode_id, newVersion, run);
      if (episode.changed) touched.add(episode.id);
      curated.push({ id: row.id, episode: episode.id });
    }
    await c.query(
      `UPDATE events e SET curated = true, episode_id = u.episode FROM unnest($1::text[], $2::text[]) AS u(id, episode) WHERE e.id = u.id`,
      [curated.map((x) => x.id), curated.map((x) => x.episode)],
    );
    if (touched.size === 0) return run;
    await this.rescore(c, [...touched]);
    run.pruned = await this.pruneToCap(c, newVersion);
    await c.query('UPDATE library_meta SET version = $1, updated_ms = $2', [newVersion, this.clock()]);
    run.version = newVersion;
    return run;
  }

  /** Puts one event into the library; returns the episode that represents it. */
  private async place(c: pg.PoolClient, event: FleetEvent, episodeId: string | null, version: number, run: CuratorRun): Promise<{ id: string; changed: boolean }> {
    let target: Target | null = null;
    if (episodeId) {
      target = (await c.query<Target>('SELECT id, event_id, outcome_value FROM episodes WHERE id = $1', [episodeId])).rows[0] ?? null;
    }
    if (!target) target = await this.nearDuplicate(c, event);
    if (target && target.event_id !== event.id && outcomeValue(event.outcome) <= target.outcome_value) {
      run.duplicates++;
      return { id: target.id, changed: false };
    }
    // A merged episode keeps its first event's time and depth as the anchor for later
    // duplicates (rig, category, time and depth do not drift with each replacement).
    const id = target ? target.id : episodeIdFor(event.id);
    const ep = episodeFromEvent(event, id);
    const args = [
      id, event.id, event.rigId, event.category, event.outcome.kind, outcomeValue(event.outcome),
      detailValue(event.outcome, event.notes, ep.keyMetrics), Math.round(event.timeMs), event.depthFt ?? ep.depthToFt, version, stableStringify(ep),
    ];
    await c.query(
      `INSERT INTO episodes (id, event_id, source_rig, category, outcome_kind, outcome_value, detail, time_ms, depth_ft, score, version, json)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11)
       ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id, outcome_kind = excluded.outcome_kind,
         outcome_value = excluded.outcome_value, detail = excluded.detail, version = excluded.version, json = excluded.json`,
      args,
    );
    await c.query('DELETE FROM episode_tombstones WHERE id = $1', [id]);
    if (target) run.updated++;
    else run.added++;
    return { id, changed: true };
  }

  private async nearDuplicate(c: pg.PoolClient, e: FleetEvent): Promise<Target | null> {
    const r = await c.query<Target>(
      `SELECT id, event_id, outcome_value FROM episodes
       WHERE source_rig = $1 AND category = $2 AND time_ms BETWEEN $3::bigint - $5::bigint AND $3::bigint + $5::bigint
         AND ((depth_ft IS NULL AND $4::float8 IS NULL) OR abs(depth_ft - $4::float8) <= $6)
       ORDER BY abs(time_ms - $3::bigint), id LIMIT 1`,
      [e.rigId, e.category, Math.round(e.timeMs), e.depthFt, DUPLICATE_TIME_MS, DUPLICATE_DEPTH_FT],
    );
    return r.rows[0] ?? null;
  }

  private async categoryShares(c: pg.PoolClient): Promise<{ shares: Map<string, number>; total: number }> {
    const r = await c.query<{ category: string; n: number }>('SELECT category, COUNT(*)::int AS n FROM episodes GROUP BY category');
    const total = r.rows.reduce((s, x) => s + x.n, 0);
    return { shares: new Map(r.rows.map((x) => [x.category, total ? x.n / total : 0])), total };
  }

  private async rescore(c: pg.PoolClient, ids: string[]): Promise<void> {
    const { shares } = await this.categoryShares(c);
    const now = this.clock();
    const rows = (
      await c.query<{ id: string; category: string; outcome_kind: FleetOutcome['kind']; outcome_value: number; detail: number; time_ms: number }>(
        'SELECT id, category, outcome_kind, outcome_value, detail, time_ms FROM episodes WHERE id = ANY($1::text[])',
        [ids],
      )
    ).rows;
    const scores = rows.map((r) =>
      episodeScore({ outcomeKind: r.outcome_kind, outcomeValue: r.outcome_value, detail: r.detail, timeMs: r.time_ms, categoryShare: shares.get(r.category) ?? 0 }, now),
    );
    await c.query('UPDATE episodes e SET score = u.score FROM unnest($1::text[], $2::float8[]) AS u(id, score) WHERE e.id = u.id', [rows.map((r) => r.id), scores]);
  }

  /** Over the cap: every score is worked out afresh (age moves them) and the lowest go. */
  private async pruneToCap(c: pg.PoolClient, version: number): Promise<number> {
    const { shares, total } = await this.categoryShares(c);
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
      .map((r) => ({ id: r.id, score: episodeScore({ outcomeKind: r.outcome_kind, outcomeValue: r.outcome_value, detail: r.detail, timeMs: r.time_ms, categoryShare: shares.get(r.category) ?? 0 }, now) }))
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
