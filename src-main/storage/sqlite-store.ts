// The default PersistenceLayer: one SQLite file (better-sqlite3) in the data directory.
// WAL + synchronous=FULL: an advisory, acknowledgement or audit entry is on disk before its
// promise resolves. Metrics are queued in memory and flushed in one transaction per tick.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Acknowledgement, Advisory, AuditEntry, AuditKind, Ticket, VerificationResult } from '../../src-shared/advisory.js';
import type { MetricSeries } from '../../src-shared/bridge.js';
import type { StorageUsage } from '../../src-shared/health.js';
import type { MlReport } from '../../src-shared/ml.js';
import type { AlarmEvent } from '../../src-shared/events.js';
import type { FleetEpisode } from '../../src-shared/fleet.js';
import type { OutcomeRecord, OutcomeStat } from '../../src-shared/outcome.js';
import { DatabaseUnusableError, inspectDatabaseFile } from './database-file.js';
import { acquireInstanceLock, type InstanceLock } from './instance-lock.js';
import { setAsideDamagedFile } from './set-aside.js';
import { ONE_MIN_MS, bucketStart } from './metric-buckets.js';
import { migrate } from './migrations.js';
import { SqliteMlReports } from './sqlite-ml-reports.js';
import { SqliteMetrics, type MetricRetentionDays } from './sqlite-metrics.js';
import { describeUpgrade, ensureIncrementalVacuum, type AutoVacuumUpgrade } from './auto-vacuum.js';
import { databaseUsage, keepUnderBudget, type BudgetResult } from './storage-budget.js';
import {
  StorageFullError,
  type AdvisoryQuery,
  type AuditQuery,
  type EventQuery,
  type MetricSample,
  type MlReportQuery,
  type NewAuditEntry,
  type OutcomeQuery,
  type PersistenceLayer,
  type ShiftSummary,
  type StorageHealth,
} from './persistence.js';
import { advisoryMatches, clampLimit, compareAdvisoriesNewestFirst, riskRank } from './query-filters.js';
import { buildShiftSummary } from './shift-summary.js';
import { SqliteEvents } from './sqlite-events.js';
import { SqliteFleetRecords } from './sqlite-fleet-records.js';
import { whereClause } from './where-clause.js';
import { SqliteReportQueries } from './sqlite-report-queries.js';

export const DB_FILE = 'sairen.db';

export interface SqliteStoreOptions {
  dataDir: string;
  /** Metrics flush period (config storage.metrics_flush_ms). 0 = no timer; call flushMetrics(). */
  metricsFlushMs?: number;
  /** Raw 1 Hz rows older than this (relative to the newest sample) are deleted. */
  metricsRetentionDays?: number;
  /** 1-minute and 10-minute rollups: their own retention (default: kept 1 and 10 years). */
  rollup1minRetentionDays?: number;
  rollup10minRetentionDays?: number;
  /** While the disk is full, how often one metrics batch is let through to probe for space. */
  diskFullProbeMs?: number;
  /** Where open says what it did to the file (the auto-vacuum conversion). */
  log?: (line: string) => void;
  /** Test hook: runs on the open connection after migrations (e.g. PRAGMA max_page_count). */
  onOpen?: (db: Database.Database) => void;
}


const isFull = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'SQLITE_FULL';

function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    // access() passes for root on a read-only mount; a real write does not.
    const probe = path.join(dir, `.sairen-write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(
      `SAIREN data directory "${dir}" is not writable (${e.code ?? e.message}); ` +
        'choose another data directory or fix its permissions',
      { cause: err },
    );
  }
}

interface AuditRow {
  seq: number;
  time_ms: number;
  actor: string;
  kind: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  subject: string | null;
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

export class SqliteStore implements PersistenceLayer {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  private readonly db: Database.Database;
  private readonly lock: InstanceLock;
  private readonly probeMs: number;
  private readonly metrics: SqliteMetrics;
  private queue: MetricSample[] = [];
  private packetQueue = new Map<number, number>();
  /** "minuteMs|state" -> packets, flushed with the metrics. */
  private rigStateQueue = new Map<string, number>();
  private readonly pending = new Map<string, Advisory>();
  private timer: NodeJS.Timeout | null = null;
  private diskFull = false;
  private diskFullSinceMs = 0;
  private lastProbeMs = 0;
  private droppedSamples = 0;
  private lastError: string | null = null;
  /** Why raw metrics, tickets and verifications are not written (disk space low); null = they are. */
  private writesReduced: string | null = null;
  private lastUsage: StorageUsage | null = null;
  private prunedRawRows = 0;
  private closed = false;
  private readonly st: ReturnType<typeof prepareStatements>;
  private readonly ml: SqliteMlReports;
  private readonly fleet: SqliteFleetRecords;
  private readonly alarmEvents: SqliteEvents;
  private readonly reportQueries: SqliteReportQueries;
  /** What open did about auto-vacuum (an old database is converted once). */
  readonly autoVacuum: AutoVacuumUpgrade = { kind: 'not-needed' };
  /** Set when a damaged (0-byte) database was renamed aside at open. */
  readonly setAside: { movedTo: string; reason: string } | null = null;

  private constructor(opts: SqliteStoreOptions) {
    const dir = path.resolve(opts.dataDir);
    ensureWritableDir(dir);
    this.lock = acquireInstanceLock(dir);
    this.file = path.join(dir, DB_FILE);
    const state = inspectDatabaseFile(this.file);
    try {
      if (state.kind === 'damaged') throw new DatabaseUnusableError(this.file, state.reason);
      // A 0-byte database was truncated: kept aside, and a new one started (said in health and the audit).
      if (state.kind === 'empty') this.setAside = { movedTo: setAsideDamagedFile(this.file, Date.now(), ['-wal', '-shm']), reason: 'it was empty (0 bytes)' };
    } catch (err) {
      this.lock.release();
      throw err;
    }
    try {
      this.db = new Database(this.file);
      // Pruned pages go back to the disk (incremental_vacuum after a budget prune); a database made
      // without auto-vacuum is converted once, when the disk has room for it.
      this.autoVacuum = ensureIncrementalVacuum(this.db, this.file);
      const vacuumNote = describeUpgrade(this.autoVacuum, this.file);
      if (vacuumNote) opts.log?.(vacuumNote);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('journal_size_limit = 33554432'); // the WAL shrinks back to 32 MB after a checkpoint
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db);
      opts.onOpen?.(this.db);
    } catch (err) {
      this.lock.release();
      // Unreadable (malformed, not a database, no permission): the engine runs without recording.
      throw new DatabaseUnusableError(this.file, (err as Error).message.replace(/\.$/, ''));
    }
    this.probeMs = opts.diskFullProbeMs ?? 30_000;
    this.st = prepareStatements(this.db);
    this.ml = new SqliteMlReports(this.db);
    this.fleet = new SqliteFleetRecords(this.db);
    this.alarmEvents = new SqliteEvents(this.db);
    this.metrics = new SqliteMetrics(this.db, {
      rawDays: opts.metricsRetentionDays ?? 90,
      oneMinDays: opts.rollup1minRetentionDays ?? 365,
      tenMinDays: opts.rollup10minRetentionDays ?? 3650,
    });
    this.reportQueries = new SqliteReportQueries(this.db, (name) => this.metrics.channelIds.get(name), () => this.metrics.channelIds.values());
    const flushMs = opts.metricsFlushMs ?? 1000;
    if (flushMs > 0) {
      this.timer = setInterval(() => void this.flushMetrics(), flushMs);
      this.timer.unref(); // never keeps the process alive on its own
    }
  }

  /** Opens (creating if needed) `sairen.db` in dataDir. Throws a readable Error on failure. */
  static open(opts: SqliteStoreOptions): SqliteStore {
    return new SqliteStore(opts);
  }

  private live(): void {
    if (this.closed) throw new Error(`storage ${this.file} is closed`);
  }

  /** Runs a durable write; SQLITE_FULL raises the disk-full flag and a StorageFullError. */
  private write<T>(what: string, fn: () => T, queued = false): T {
    try {
      const out = fn();
      if (this.diskFull && this.pending.size === 0) this.clearDiskFull();
      return out;
    } catch (err) {
      if (!isFull(err)) throw err;
      this.raiseDiskFull(`${what}: ${(err as Error).message}`);
      throw new StorageFullError(
        `disk full: could not write ${what} to ${this.file}` + (queued ? ' (kept in memory, will retry)' : ''),
        queued,
      );
    }
  }

  private raiseDiskFull(detail: string): void {
    if (!this.diskFull) {
      this.diskFull = true;
      this.diskFullSinceMs = Date.now();
      this.lastProbeMs = Date.now();
    }
    this.lastError = detail;
  }

  private clearDiskFull(): void {
    this.diskFull = false;
    this.lastError = null;
  }

  async saveAdvisory(a: Advisory): Promise<void> {
    this.live();
    const row = {
      id: a.id,
      time_ms: a.timeMs,
      category: a.category,
      fault: a.fault,
      risk: a.riskLevel,
      risk_rank: riskRank(a.riskLevel),
      severity: a.severity,
      source: a.source,
      json: JSON.stringify(a),
    };
    try {
      this.write(`advisory ${a.id}`, () => this.st.upsertAdvisory.run(row), true);
      this.pending.delete(a.id); // an older copy waiting for retry is superseded
    } catch (err) {
      if (err instanceof StorageFullError) this.pending.set(a.id, structuredClone(a));
      throw err;
    }
  }

  /** Writes advisories kept in memory during a disk-full episode; true when none remain. */
  private retryPending(): boolean {
    if (this.pending.size === 0) return true;
    const batch = [...this.pending.values()];
    try {
      this.db.transaction(() => {
        for (const a of batch) {
          this.st.upsertAdvisory.run({
            id: a.id, time_ms: a.timeMs, category: a.category, fault: a.fault, risk: a.riskLevel,
            risk_rank: riskRank(a.riskLevel), severity: a.severity, source: a.source, json: JSON.stringify(a),
          });
        }
      })();
    } catch (err) {
      if (isFull(err)) return false;
      this.lastError = `advisory retry failed: ${(err as Error).message}`;
      return false;
    }
    for (const a of batch) if (this.pending.get(a.id) === a) this.pending.delete(a.id);
    if (this.pending.size === 0) this.clearDiskFull();
    return this.pending.size === 0;
  }

  async getAdvisory(id: string): Promise<Advisory | null> {
    const p = this.pending.get(id);
    if (p) return structuredClone(p);
    const json = this.st.getAdvisory.get(id) as string | undefined;
    return json ? (JSON.parse(json) as Advisory) : null;
  }

  async listAdvisories(q: AdvisoryQuery): Promise<Advisory[]> {
    const { where, args } = whereClause([
      ['category = ?', q.category],
      ['time_ms >= ?', q.sinceMs],
      ['time_ms <= ?', q.untilMs],
      ['risk_rank >= ?', q.minRisk === undefined ? undefined : riskRank(q.minRisk)],
    ]);
    const limit = clampLimit(q.limit);
    const sql = `SELECT json FROM advisories ${where}
      ORDER BY time_ms DESC, id DESC LIMIT ?`;
    const rows = (this.db.prepare(sql).pluck().all(...args, limit) as string[]).map((j) => JSON.parse(j) as Advisory);
    if (this.pending.size === 0) return rows;
    const merged = new Map(rows.map((a) => [a.id, a]));
    for (const a of this.pending.values()) if (advisoryMatches(a, q)) merged.set(a.id, structuredClone(a));
    return [...merged.values()].sort(compareAdvisoriesNewestFirst).slice(0, limit);
  }

  async saveTicket(t: Ticket): Promise<void> {
    this.live();
    if (this.writesReduced) return; // a diagnostic: the first thing to go when space is short
    this.write(`ticket ${t.id}`, () =>
      this.st.upsertTicket.run(t.id, t.timeMs, t.category, t.fault, t.severity, JSON.stringify(t)),
    );
  }

  async saveVerification(v: VerificationResult): Promise<void> {
    this.live();
    if (this.writesReduced) return;
    this.write(`verification of ${v.ticketId}`, () =>
      this.st.insertVerification.run(v.ticketId, v.timeMs, v.status, JSON.stringify(v)),
    );
  }

  async latestVerification(): Promise<VerificationResult | null> {
    const json = this.st.latestVerification.get() as string | undefined;
    return json ? (JSON.parse(json) as VerificationResult) : null;
  }

  async acknowledge(ack: Omit<Acknowledgement, 'id'>): Promise<Acknowledgement> {
    this.live();
    const saved: Acknowledgement = { id: `ACK-${randomBytes(4).toString('hex')}`, ...ack };
    this.write(`acknowledgement of ${ack.advisoryId}`, () =>
      this.st.insertAck.run(saved.id, saved.advisoryId, saved.timeMs, saved.actor, saved.action, saved.notes, saved.eventId ?? null),
    );
    return saved;
  }

  async acknowledgeWithAudit(ack: Omit<Acknowledgement, 'id'>, summary: string): Promise<{ acknowledgement: Acknowledgement; audit: AuditEntry }> {
    this.live();
    const saved: Acknowledgement = { id: `ACK-${randomBytes(4).toString('hex')}`, ...ack };
    const after = JSON.stringify(saved);
    const info = this.write(`acknowledgement of ${ack.advisoryId} with its audit entry`, () =>
      this.db.transaction(() => {
        this.st.insertAck.run(saved.id, saved.advisoryId, saved.timeMs, saved.actor, saved.action, saved.notes, saved.eventId ?? null);
        return this.st.insertAudit.run(saved.timeMs, saved.actor, 'acknowledgement', summary, 'null', after, saved.eventId ?? null);
      })(),
    );
    const audit: AuditEntry = { seq: Number(info.lastInsertRowid), timeMs: saved.timeMs, actor: saved.actor, kind: 'acknowledgement', summary, before: null, after: structuredClone(saved), subject: saved.eventId ?? null };
    return { acknowledgement: saved, audit };
  }

  async listAcknowledgements(q: { advisoryId?: string; limit?: number; sinceMs?: number; untilMs?: number }): Promise<Acknowledgement[]> {
    const { where, args } = whereClause([
      ['advisory_id = ?', q.advisoryId],
      ['time_ms >= ?', q.sinceMs],
      ['time_ms <= ?', q.untilMs],
    ]);
    const sql = `SELECT id, advisory_id, time_ms, actor, action, notes, event_id FROM acknowledgements ${where} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, clampLimit(q.limit)) as AckRow[]).map((r) => ({
      id: r.id,
      advisoryId: r.advisory_id,
      timeMs: r.time_ms,
      actor: r.actor,
      action: r.action,
      notes: r.notes,
      ...(r.event_id ? { eventId: r.event_id } : {}),
    }));
  }

  async appendAudit(e: NewAuditEntry): Promise<AuditEntry> {
    this.live();
    const before = e.before === undefined ? null : e.before;
    const after = e.after === undefined ? null : e.after;
    const info = this.write(`audit entry (${e.kind})`, () =>
      this.st.insertAudit.run(e.timeMs, e.actor, e.kind, e.summary, JSON.stringify(before), JSON.stringify(after), e.subject ?? null),
    );
    return {
      seq: Number(info.lastInsertRowid),
      timeMs: e.timeMs,
      actor: e.actor,
      kind: e.kind,
      summary: e.summary,
      before: structuredClone(before),
      after: structuredClone(after),
      subject: e.subject ?? null,
    };
  }

  async listAudit(q: AuditQuery): Promise<AuditEntry[]> {
    const { where, args } = whereClause([
      ['kind = ?', q.kind],
      ['subject = ?', q.subject],
      ['time_ms >= ?', q.sinceMs],
      ['time_ms <= ?', q.untilMs],
    ]);
    const sql = `SELECT seq, time_ms, actor, kind, summary, before_json, after_json, subject FROM audit ${where} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, clampLimit(q.limit)) as AuditRow[]).map((r) => ({
      seq: r.seq,
      timeMs: r.time_ms,
      actor: r.actor,
      kind: r.kind as AuditKind,
      summary: r.summary,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      subject: r.subject,
    }));
  }

  recordMetrics(sample: MetricSample): void {
    if (this.closed) return;
    if (this.diskFull && Date.now() - this.lastProbeMs < this.probeMs) {
      this.droppedSamples++; // disk full: metrics are the first thing we stop writing
      return;
    }
    this.queue.push(sample);
  }

  recordPacketCounts(timeMs: number, packets: number): void {
    if (this.closed || this.diskFull || !Number.isFinite(packets)) return;
    const m = bucketStart(timeMs, ONE_MIN_MS);
    this.packetQueue.set(m, (this.packetQueue.get(m) ?? 0) + packets);
  }

  recordRigState(timeMs: number, rigState: string): void {
    if (this.closed || this.diskFull) return;
    const key = `${bucketStart(timeMs, ONE_MIN_MS)}|${rigState}`;
    this.rigStateQueue.set(key, (this.rigStateQueue.get(key) ?? 0) + 1);
  }

  async flushMetrics(): Promise<void> {
    if (this.closed) return;
    if (!this.retryPending()) return; // advisories first: never spend space on metrics before them
    if (this.diskFull) {
      if (Date.now() - this.lastProbeMs < this.probeMs) {
        this.droppedSamples += this.queue.length;
        this.queue = [];
        this.packetQueue.clear();
        this.rigStateQueue.clear();
        return;
      }
      this.lastProbeMs = Date.now();
    }
    const batch = this.queue;
    const packets = this.packetQueue;
    const states = this.rigStateQueue;
    if (batch.length === 0 && packets.size === 0 && states.size === 0) return;
    this.queue = [];
    this.packetQueue = new Map();
    this.rigStateQueue = new Map();
    try {
      this.db.transaction(() => {
        this.metrics.write(batch, packets, this.writesReduced !== null);
        this.reportQueries.writeRigStates(states); // minute counts, small: kept while disk space is low
      })();
      if (this.diskFull) this.clearDiskFull();
    } catch (err) {
      this.metrics.loadChannelIds(); // the rollback may have undone new channel rows
      if (isFull(err)) {
        this.droppedSamples += batch.length;
        this.raiseDiskFull(`metrics flush: ${(err as Error).message}`);
      } else {
        this.lastError = `metrics flush failed: ${(err as Error).message}`;
      }
    }
  }

  async queryMetrics(channels: string[], fromMs: number, toMs: number, maxPoints: number): Promise<MetricSeries[]> {
    await this.flushMetrics();
    return this.metrics.query(channels, fromMs, toMs, maxPoints);
  }

  async shiftSummary(fromMs: number, toMs: number): Promise<ShiftSummary> {
    await this.flushMetrics();
    const db = this.db;
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
    const eff = this.metrics.channelIds.get('mseEfficiencyPercent');
    const effAvg =
      eff === undefined
        ? null
        : one<number | null>('SELECT SUM(v_sum) / SUM(n) FROM metrics_1min WHERE channel_id = ? AND bucket_ms >= ? AND bucket_ms <= ?', eff, fromMin, toMs);
    const depth = this.metrics.channelIds.get('holeDepthFt');
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

  async recordOutcome(o: Omit<OutcomeRecord, 'seq'>): Promise<OutcomeRecord> {
    this.live();
    return this.write(`outcome of ${o.advisoryId}`, () => this.fleet.recordOutcome(o));
  }

  async listOutcomes(q: OutcomeQuery): Promise<OutcomeRecord[]> {
    return this.fleet.listOutcomes(q);
  }

  async outcomeStats(q: { sinceMs?: number; untilMs?: number }): Promise<OutcomeStat[]> {
    return this.fleet.outcomeStats(q);
  }

  async upsertEpisodes(episodes: readonly FleetEpisode[]): Promise<void> {
    this.live();
    if (episodes.length > 0) this.write(`${episodes.length} recall episodes`, () => this.fleet.upsertEpisodes(episodes));
  }

  async removeEpisodes(ids: readonly string[]): Promise<number> {
    this.live();
    return ids.length === 0 ? 0 : this.write(`removal of ${ids.length} recall episodes`, () => this.fleet.removeEpisodes(ids));
  }

  async listEpisodes(): Promise<FleetEpisode[]> {
    return this.fleet.listEpisodes();
  }

  async saveEvent(e: AlarmEvent): Promise<void> {
    this.live();
    this.write(`event ${e.id}`, () => this.alarmEvents.save(e));
  }

  async getEvent(id: string): Promise<AlarmEvent | null> {
    return this.alarmEvents.get(id);
  }

  async listEvents(q: EventQuery): Promise<AlarmEvent[]> {
    return this.alarmEvents.list(q);
  }

  async rigStatePackets(fromMs: number, toMs: number): Promise<Record<string, number>> {
    await this.flushMetrics();
    return this.reportQueries.rigStatePackets(fromMs, toMs);
  }

  async packetsPerMinute(fromMs: number, toMs: number): Promise<[number, number][]> {
    await this.flushMetrics();
    return this.reportQueries.packetsPerMinute(fromMs, toMs);
  }

  async recordedSpan(): Promise<{ fromMs: number; toMs: number } | null> {
    await this.flushMetrics();
    return this.reportQueries.recordedSpan();
  }

  async firstTimeAtOrAbove(channel: string, value: number, sinceMs = -Number.MAX_SAFE_INTEGER): Promise<number | null> {
    await this.flushMetrics();
    return this.reportQueries.firstTimeAtOrAbove(channel, value, sinceMs);
  }

  async saveMlReport(r: MlReport): Promise<void> {
    this.live();
    this.write('ML report', () => this.ml.save(r));
  }

  async latestMlReport(): Promise<MlReport | null> {
    return this.ml.latestReport();
  }

  async listMlReports(q: MlReportQuery): Promise<MlReport[]> {
    return this.ml.list(q);
  }

  async nearestMlOptimum(depthFt: number): Promise<MlReport | null> {
    return this.ml.nearestOptimum(depthFt);
  }

  reduceWrites(reason: string | null): void {
    this.writesReduced = reason;
  }

  setRetention(r: MetricRetentionDays): void {
    this.metrics.setRetention(r);
  }

  /** The database file (the integrity probe opens its own read-only connection to it). */
  databaseFile(): string {
    return this.file;
  }

  usage(): StorageUsage | null {
    return this.lastUsage;
  }

  enforceBudget(capBytes: number, dataDirBytes: number): BudgetResult {
    this.live();
    const r = keepUnderBudget(this.db, this.file, this.metrics, capBytes, dataDirBytes);
    this.prunedRawRows += r.rawRows;
    this.lastUsage = { ...databaseUsage(this.db, this.file, this.metrics), dataDirBytes: r.dataDirBytes, capBytes, prunedRawRows: this.prunedRawRows };
    return r;
  }

  health(): StorageHealth {
    const usage = this.lastUsage ? { usage: this.lastUsage } : {};
    if (this.closed) return { status: 'unhealthy', detail: `database ${this.file} is closed`, diskFull: false, pendingAdvisories: 0 };
    if (this.diskFull) {
      return {
        status: 'unhealthy',
        detail:
          `disk full since ${new Date(this.diskFullSinceMs).toISOString()}: metrics not written (${this.droppedSamples} samples dropped), ` +
          `${this.pending.size} advisories kept in memory and retried (${this.lastError ?? 'SQLITE_FULL'})`,
        diskFull: true,
        pendingAdvisories: this.pending.size,
        ...usage,
      };
    }
    if (this.lastError) return { status: 'degraded', detail: this.lastError, diskFull: false, pendingAdvisories: 0, ...usage };
    return { status: 'healthy', detail: `SQLite ${this.file} (WAL)`, diskFull: false, pendingAdvisories: 0, ...usage };
  }

  async dispose(): Promise<void> {
    if (this.closed) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flushMetrics();
    this.closed = true;
    try {
      this.db.close();
    } finally {
      this.lock.release();
    }
  }
}

function prepareStatements(db: Database.Database) {
  return {
      upsertAdvisory: db.prepare(`INSERT INTO advisories (id, time_ms, category, fault, risk, risk_rank, severity, source, json)
        VALUES (@id, @time_ms, @category, @fault, @risk, @risk_rank, @severity, @source, @json)
        ON CONFLICT(id) DO UPDATE SET time_ms = excluded.time_ms, category = excluded.category, fault = excluded.fault,
          risk = excluded.risk, risk_rank = excluded.risk_rank, severity = excluded.severity, source = excluded.source,
          json = excluded.json`),
      getAdvisory: db.prepare('SELECT json FROM advisories WHERE id = ?').pluck(),
      upsertTicket: db.prepare(`INSERT INTO tickets (id, time_ms, category, fault, severity, json) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET json = excluded.json`),
      insertVerification: db.prepare('INSERT INTO verifications (ticket_id, time_ms, status, json) VALUES (?, ?, ?, ?)'),
      latestVerification: db.prepare('SELECT json FROM verifications ORDER BY time_ms DESC, seq DESC LIMIT 1').pluck(),
      insertAck: db.prepare('INSERT INTO acknowledgements (id, advisory_id, time_ms, actor, action, notes, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      insertAudit: db.prepare('INSERT INTO audit (time_ms, actor, kind, summary, before_json, after_json, subject) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
}
