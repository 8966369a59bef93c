// The PersistenceLayer on PostgreSQL (storage.kind = "postgres"), for rigs that want SQL
// reporting on their record. Same contract as SQLite: advisories, acknowledgements and audit
// entries resolve once committed; metrics are queued and flushed in one transaction per tick.
// One engine per database (schema) at a time, held by a session advisory lock.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Acknowledgement, Advisory, AuditEntry, AuditKind, Ticket, VerificationResult } from '../../src-shared/advisory.js';
import type { MetricSeries } from '../../src-shared/bridge.js';
import type { AlarmEvent } from '../../src-shared/events.js';
import type { FleetEpisode } from '../../src-shared/fleet.js';
import type { MlReport } from '../../src-shared/ml.js';
import type { OutcomeRecord, OutcomeStat } from '../../src-shared/outcome.js';
import { migratePostgres } from './postgres-migrations.js';
import { ChannelIds, MetricQueue, queryMetricSeries } from './postgres-metrics.js';
import { StorageFullError, type AdvisoryQuery, type AuditQuery, type BudgetResult, type MetricRetentionDays, type StorageUsage, type MetricSample, type MlReportQuery, type EventQuery, type NewAuditEntry, type OutcomeQuery, type PersistenceLayer, type ShiftSummary, type StorageHealth } from './persistence.js';
import * as alarmEvents from './postgres-events.js';
import * as fleetRecords from './postgres-fleet-records.js';
import * as mlReports from './postgres-ml-reports.js';
import { pgJson, pgText } from './postgres-fleet-records.js';
import { asStorageError, guardQueries } from './postgres-errors.js';
import { pgShiftSummary } from './postgres-shift-summary.js';
import * as reportQueries from './postgres-report-queries.js';
import { advisoryMatches, clampLimit, compareAdvisoriesNewestFirst, riskRank } from './query-filters.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (a secret: never logged). */
  url: string;
  /** Schema for the tables (default public). */
  schema?: string;
  metricsFlushMs?: number;
  metricsRetentionDays?: number;
  poolSize?: number;
  /** Called once the store has closed (releases the data-directory lock the caller took). */
  onClose?: () => void;
}

const LOCK_NAMESPACE = 0x5a1f;
const DISK_FULL = '53100';

/** BIGINT holds epoch ms and sequence numbers, all below 2^53: read as numbers, per pool. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** The URL without its password, for messages. */
export function describePgUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

interface AckRow {
  id: string;
  advisory_id: string;
  time_ms: number;
  actor: string;
  action: string;
  notes: string;
  event_id: string | null;
}

/** `WHERE a = $1 AND b >= $2` from the filters that are set. */
function where(conds: [string, string | number | undefined][]): { sql: string; args: (string | number)[] } {
  const set = conds.filter((c): c is [string, string | number] => c[1] !== undefined);
  return { sql: set.length ? `WHERE ${set.map(([s], i) => s.replace('?', `$${i + 1}`)).join(' AND ')}` : '', args: set.map(([, v]) => v) };
}

export class PostgresStore implements PersistenceLayer {
  readonly kind = 'postgres' as const;
  private readonly channels = new ChannelIds();
  private readonly pending = new Map<string, Advisory>();
  private readonly metrics: MetricQueue;
  private flushChain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private lastError: string | null = null;
  private diskFull = false;
  private closed = false;
  private readonly onClose: (() => void) | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly session: pg.Client,
    private readonly where: string,
    opts: PostgresStoreOptions,
  ) {
    this.metrics = new MetricQueue((opts.metricsRetentionDays ?? 90) * 86_400_000);
    this.onClose = opts.onClose;
    const flushMs = opts.metricsFlushMs ?? 1000;
    if (flushMs > 0) {
      this.timer = setInterval(() => void this.flushMetrics(), flushMs);
      this.timer.unref();
    }
  }

  /** Connects, takes the one-engine lock, migrates. Throws a readable Error (no password in it). */
  static async open(opts: PostgresStoreOptions): Promise<PostgresStore> {
    const schema = opts.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`PostgreSQL schema "${schema}" must be lower-case letters, digits and _`);
    const place = `${describePgUrl(opts.url)} (schema ${schema})`;
    const config = { connectionString: opts.url, options: `-c search_path=${schema}`, types, connectionTimeoutMillis: 10_000 };
    const session = new pg.Client(config);
    session.on('error', () => undefined);
    try {
      await session.connect();
      await session.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      const locked = (await session.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_NAMESPACE, schema])).rows[0].ok;
      if (!locked) throw new Error('another SAIREN engine is using this database; stop it or choose another database');
      await migratePostgres(session);
    } catch (e) {
      await session.end().catch(() => undefined);
      throw new Error(`cannot open PostgreSQL storage ${place}: ${(e as Error).message}`, { cause: e });
    }
    const pool = new pg.Pool({ ...config, max: opts.poolSize ?? 4, idleTimeoutMillis: 30_000 });
    pool.on('error', () => undefined);
    guardQueries(pool, place);
    const store = new PostgresStore(pool, session, place, opts);
    await store.channels.load(session);
    return store;
  }

  private live(): void {
    if (this.closed) throw new Error(`storage ${this.where} is closed`);
  }

  private ok(): void {
    this.lastError = null;
    this.diskFull = false;
  }

  private failed(what: string, e: unknown): void {
    this.lastError = `${what}: ${(e as Error).message}`;
    if ((e as { code?: string }).code === DISK_FULL) this.diskFull = true;
  }

  private async upsertAdvisory(c: pg.Pool | pg.PoolClient, a: Advisory): Promise<void> {
    await c.query(
      `INSERT INTO advisories (id, time_ms, category, fault, risk, risk_rank, severity, source, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET time_ms = excluded.time_ms, category = excluded.category, fault = excluded.fault, risk = excluded.risk,
         risk_rank = excluded.risk_rank, severity = excluded.severity, source = excluded.source, doc = excluded.doc`,
      [a.id, a.timeMs, a.category, a.fault, a.riskLevel, riskRank(a.riskLevel), a.severity, a.source, pgJson(a)],
    );
  }

  async saveAdvisory(a: Advisory): Promise<void> {
    this.live();
    try {
      await this.upsertAdvisory(this.pool, a);
      this.pending.delete(a.id);
      if (this.pending.size === 0) this.ok();
    } catch (e) {
      // Kept in memory (reads include it) and written on the next flush.
      this.pending.set(a.id, structuredClone(a));
      this.failed(`advisory ${a.id}`, e);
      if (this.diskFull) throw new StorageFullError(`database full: advisory ${a.id} kept in memory, will retry`, true);
      throw new Error(`advisory ${a.id} not written to ${this.where} (kept in memory, will retry): ${(e as Error).message}`, { cause: e });
    }
  }

  async getAdvisory(id: string): Promise<Advisory | null> {
    const p = this.pending.get(id);
    if (p) return structuredClone(p);
    const r = await this.pool.query<{ doc: Advisory }>('SELECT doc FROM advisories WHERE id = $1', [id]);
    return r.rows[0]?.doc ?? null;
  }

  async listAdvisories(q: AdvisoryQuery): Promise<Advisory[]> {
    const w = where([
      ['category = ?', q.category],
      ['time_ms >= ?', q.sinceMs],
      ['time_ms <= ?', q.untilMs],
      ['risk_rank >= ?', q.minRisk === undefined ? undefined : riskRank(q.minRisk)],
    ]);
    const limit = clampLimit(q.limit);
    const rows = (await this.pool.query<{ doc: Advisory }>(`SELECT doc FROM advisories ${w.sql} ORDER BY time_ms DESC, id DESC LIMIT ${limit}`, w.args)).rows.map((r) => r.doc);
    if (this.pending.size === 0) return rows;
    const merged = new Map(rows.map((a) => [a.id, a]));
    for (const a of this.pending.values()) if (advisoryMatches(a, q)) merged.set(a.id, structuredClone(a));
    return [...merged.values()].sort(compareAdvisoriesNewestFirst).slice(0, limit);
  }

  async saveTicket(t: Ticket): Promise<void> {
    this.live();
    await this.pool.query(
      'INSERT INTO tickets (id, time_ms, category, fault, severity, doc) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
      [t.id, t.timeMs, t.category, t.fault, t.severity, pgJson(t)],
    );
  }

  async saveVerification(v: VerificationResult): Promise<void> {
    this.live();
    await this.pool.query('INSERT INTO verifications (ticket_id, time_ms, status, doc) VALUES ($1, $2, $3, $4)', [v.ticketId, v.timeMs, v.status, pgJson(v)]);
  }

  async latestVerification(): Promise<VerificationResult | null> {
    const r = await this.pool.query<{ doc: VerificationResult }>('SELECT doc FROM verifications ORDER BY time_ms DESC, seq DESC LIMIT 1');
    return r.rows[0]?.doc ?? null;
  }

  async acknowledge(ack: Omit<Acknowledgement, 'id'>): Promise<Acknowledgement> {
    this.live();
    const saved: Acknowledgement = { id: `ACK-${randomBytes(4).toString('hex')}`, ...ack };
    await this.pool.query('INSERT INTO acknowledgements (id, advisory_id, time_ms, actor, action, notes, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      saved.id, saved.advisoryId, saved.timeMs, pgText(saved.actor), pgText(saved.action), pgText(saved.notes), saved.eventId ?? null,
    ]);
    return saved;
  }

  /** The acknowledgement and its audit entry in one transaction: both or neither. */
  async acknowledgeWithAudit(ack: Omit<Acknowledgement, 'id'>, summary: string): Promise<{ acknowledgement: Acknowledgement; audit: AuditEntry }> {
    this.live();
    const saved: Acknowledgement = { id: `ACK-${randomBytes(4).toString('hex')}`, ...ack };
    const c = await this.pool.connect().catch((e: unknown) => Promise.reject(asStorageError(e, this.where)));
    try {
      await c.query('BEGIN');
      await c.query('INSERT INTO acknowledgements (id, advisory_id, time_ms, actor, action, notes, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        saved.id, saved.advisoryId, saved.timeMs, pgText(saved.actor), pgText(saved.action), pgText(saved.notes), saved.eventId ?? null,
      ]);
      const r = await c.query<{ seq: number }>(
        `INSERT INTO audit (time_ms, actor, kind, summary, before_doc, after_doc, subject) VALUES ($1, $2, 'acknowledgement', $3, 'null', $4, $5) RETURNING seq`,
        [saved.timeMs, pgText(saved.actor), pgText(summary), pgJson(saved), saved.eventId ?? null],
      );
      await c.query('COMMIT');
      const audit: AuditEntry = { seq: r.rows[0].seq, timeMs: saved.timeMs, actor: saved.actor, kind: 'acknowledgement', summary, before: null, after: structuredClone(saved), subject: saved.eventId ?? null };
      return { acknowledgement: saved, audit };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw asStorageError(e, this.where);
    } finally {
      c.release();
    }
  }

  async listAcknowledgements(q: { advisoryId?: string; limit?: number; sinceMs?: number; untilMs?: number }): Promise<Acknowledgement[]> {
    const w = where([
      ['advisory_id = ?', q.advisoryId],
      ['time_ms >= ?', q.sinceMs],
      ['time_ms <= ?', q.untilMs],
    ]);
    const r = await this.pool.query<AckRow>(`SELECT id, advisory_id, time_ms, actor, action, notes, event_id FROM acknowledgements ${w.sql} ORDER BY seq DESC LIMIT ${clampLimit(q.limit)}`, w.args);
    return r.rows.map((x) => ({
      id: x.id, advisoryId: x.advisory_id, timeMs: x.time_ms, actor: x.actor, action: x.action, notes: x.notes, ...(x.event_id ? { eventId: x.event_id } : {}),
    }));
  }

  async appendAudit(e: NewAuditEntry): Promise<AuditEntry> {
    this.live();
    const before = e.before === undefined ? null : e.before;
    const after = e.after === undefined ? null : e.after;
    const r = await this.pool.query<{ seq: number }>(
      'INSERT INTO audit (time_ms, actor, kind, summary, before_doc, after_doc, subject) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq',
      [e.timeMs, pgText(e.actor), e.kind, pgText(e.summary), pgJson(before), pgJson(after), e.subject ?? null],
    );
    return {
      seq: r.rows[0].seq, timeMs: e.timeMs, actor: e.actor, kind: e.kind, summary: e.summary,
      before: structuredClone(before), after: structuredClone(after), subject: e.subject ?? null,
    };
  }

  async listAudit(q: AuditQuery): Promise<AuditEntry[]> {
    const w = where([
      ['kind = ?', q.kind],
      ['subject = ?', q.subject],
      ['time_ms >= ?', q.sinceMs],
      ['time_ms <= ?', q.untilMs],
    ]);
    const r = await this.pool.query(`SELECT seq, time_ms, actor, kind, summary, before_doc, after_doc, subject FROM audit ${w.sql} ORDER BY seq DESC LIMIT ${clampLimit(q.limit)}`, w.args);
    return r.rows.map((x) => ({
      seq: x.seq, timeMs: x.time_ms, actor: x.actor, kind: x.kind as AuditKind, summary: x.summary, before: x.before_doc, after: x.after_doc, subject: x.subject,
    }));
  }

  recordMetrics(sample: MetricSample): void {
    if (!this.closed) this.metrics.record(sample);
  }

  recordPacketCounts(timeMs: number, packets: number): void {
    if (!this.closed) this.metrics.recordPackets(timeMs, packets);
  }

  recordRigState(timeMs: number, rigState: string): void {
    if (!this.closed) this.metrics.recordRigState(timeMs, rigState);
  }

  /** Flushes are queued one after another; each writes what was recorded before it started. */
  flushMetrics(): Promise<void> {
    const run = this.flushChain.then(async () => {
      await this.retryPending();
      const err = await this.metrics.flush(this.pool, this.channels);
      if (err) this.failed('metrics flush', err);
      else if (this.pending.size === 0 && this.lastError?.startsWith('metrics')) this.ok();
    });
    this.flushChain = run.catch(() => undefined);
    return run;
  }

  private async retryPending(): Promise<void> {
    if (this.pending.size === 0) return;
    for (const a of [...this.pending.values()]) {
      try {
        await this.upsertAdvisory(this.pool, a);
        if (this.pending.get(a.id) === a) this.pending.delete(a.id);
      } catch (e) {
        this.failed(`advisory retry ${a.id}`, e);
        return;
      }
    }
    if (this.pending.size === 0 && this.lastError?.startsWith('advisory')) this.ok();
  }

  async queryMetrics(channels: string[], fromMs: number, toMs: number, maxPoints: number): Promise<MetricSeries[]> {
    await this.flushMetrics();
    return queryMetricSeries(this.pool, this.channels, channels, fromMs, toMs, maxPoints);
  }

  async shiftSummary(fromMs: number, toMs: number): Promise<ShiftSummary> {
    await this.flushMetrics();
    return pgShiftSummary(this.pool, this.channels, fromMs, toMs);
  }

  // Report reads see what was recorded before them (flushed first, like queryMetrics).
  async rigStatePackets(fromMs: number, toMs: number): Promise<Record<string, number>> {
    await this.flushMetrics();
    return reportQueries.rigStatePackets(this.pool, fromMs, toMs);
  }

  async packetsPerMinute(fromMs: number, toMs: number): Promise<[number, number][]> {
    await this.flushMetrics();
    return reportQueries.packetsPerMinute(this.pool, fromMs, toMs);
  }

  async recordedSpan(): Promise<{ fromMs: number; toMs: number } | null> {
    await this.flushMetrics();
    return reportQueries.recordedSpan(this.pool, this.channels);
  }

  async firstTimeAtOrAbove(channel: string, value: number, sinceMs = -Number.MAX_SAFE_INTEGER): Promise<number | null> {
    await this.flushMetrics();
    return reportQueries.firstTimeAtOrAbove(this.pool, this.channels, channel, value, sinceMs);
  }

  async recordOutcome(o: Omit<OutcomeRecord, 'seq'>): Promise<OutcomeRecord> {
    this.live();
    return fleetRecords.recordOutcome(this.pool, o);
  }

  listOutcomes(q: OutcomeQuery): Promise<OutcomeRecord[]> {
    return fleetRecords.listOutcomes(this.pool, q);
  }

  outcomeStats(q: { sinceMs?: number; untilMs?: number }): Promise<OutcomeStat[]> {
    return fleetRecords.outcomeStats(this.pool, q);
  }

  async upsertEpisodes(episodes: readonly FleetEpisode[]): Promise<void> {
    this.live();
    await fleetRecords.upsertEpisodes(this.pool, episodes);
  }

  async removeEpisodes(ids: readonly string[]): Promise<number> {
    this.live();
    return fleetRecords.removeEpisodes(this.pool, ids);
  }

  listEpisodes(): Promise<FleetEpisode[]> {
    return fleetRecords.listEpisodes(this.pool);
  }

  async saveEvent(e: AlarmEvent): Promise<void> {
    this.live();
    await alarmEvents.saveEvent(this.pool, e);
  }

  getEvent(id: string): Promise<AlarmEvent | null> {
    return alarmEvents.getEvent(this.pool, id);
  }

  listEvents(q: EventQuery): Promise<AlarmEvent[]> {
    return alarmEvents.listEvents(this.pool, q);
  }

  async saveMlReport(r: MlReport): Promise<void> {
    this.live();
    await mlReports.saveMlReport(this.pool, r);
  }

  latestMlReport(): Promise<MlReport | null> {
    return mlReports.latestMlReport(this.pool);
  }

  listMlReports(q: MlReportQuery): Promise<MlReport[]> {
    return mlReports.listMlReports(this.pool, q);
  }

  nearestMlOptimum(depthFt: number): Promise<MlReport | null> {
    return mlReports.nearestMlOptimum(this.pool, depthFt);
  }

  reduceWrites(reason: string | null): void {
    this.metrics.rawPaused = reason !== null;
  }

  setRetention(r: MetricRetentionDays): void {
    this.metrics.setRetentionMs(r.rawDays * 86_400_000);
  }

  /** The database lives on its server, not in the data directory: nothing here to prune. */
  enforceBudget(_capBytes: number, dataDirBytes: number): BudgetResult {
    return { dataDirBytes, pruned: null, steps: 0, rawRows: 0, detail: null };
  }

  usage(): StorageUsage | null {
    return null;
  }

  databaseFile(): string | null {
    return null;
  }

  health(): StorageHealth {
    if (this.closed) return { status: 'unhealthy', detail: `PostgreSQL ${this.where} is closed`, diskFull: false, pendingAdvisories: 0 };
    if (this.lastError) {
      return {
        status: this.pending.size > 0 || this.diskFull ? 'unhealthy' : 'degraded',
        detail: `PostgreSQL ${this.where}: ${this.lastError}${this.pending.size ? ` (${this.pending.size} advisories kept in memory, retried)` : ''}`,
        diskFull: this.diskFull,
        pendingAdvisories: this.pending.size,
      };
    }
    return { status: 'healthy', detail: `PostgreSQL ${this.where}`, diskFull: false, pendingAdvisories: 0 };
  }

  async dispose(): Promise<void> {
    if (this.closed) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flushMetrics().catch(() => undefined);
    this.closed = true;
    await this.pool.end().catch(() => undefined);
    await this.session.end().catch(() => undefined); // ends the session: the one-engine lock goes with it
    this.onClose?.();
  }
}
