// The default PersistenceLayer: one SQLite file (better-sqlite3) in the data directory.
// WAL + synchronous=FULL: an advisory, acknowledgement or audit entry is on disk before its
// promise resolves. Metrics are queued in memory and flushed in one transaction per tick.
// Each record lives in its own module (sqlite-*.ts); this class opens the file and composes them.
import type Database from 'better-sqlite3';
import type { Acknowledgement, Advisory, AuditEntry, Ticket, VerificationResult } from '../../src-shared/advisory.js';
import type { MetricSeries } from '../../src-shared/bridge.js';
import type { StorageUsage } from '../../src-shared/health.js';
import type { MlReport } from '../../src-shared/ml.js';
import type { AlarmEvent } from '../../src-shared/events.js';
import type { FleetEpisode } from '../../src-shared/fleet.js';
import type { OutcomeRecord, OutcomeStat } from '../../src-shared/outcome.js';
import type { InstanceLock } from './instance-lock.js';
import type { AutoVacuumUpgrade } from './auto-vacuum.js';
import type { AdvisoryQuery, AuditQuery, EventQuery, MetricSample, MlReportQuery, NewAuditEntry, OutcomeQuery, PersistenceLayer, ShiftSummary, StorageHealth } from './persistence.js';
import { SqliteBudget, type BudgetResult } from './storage-budget.js';
import { SqliteAdvisories } from './sqlite-advisories.js';
import { SqliteAuditLog } from './sqlite-audit-log.js';
import { SqliteEvents } from './sqlite-events.js';
import { SqliteFleetRecords } from './sqlite-fleet-records.js';
import { SqliteMetricQueue } from './sqlite-metric-queue.js';
import { SqliteMetrics, type MetricRetentionDays } from './sqlite-metrics.js';
import { SqliteMlReports } from './sqlite-ml-reports.js';
import { openSqliteDatabase, type SqliteOpenOptions } from './sqlite-open.js';
import { SqliteReportQueries } from './sqlite-report-queries.js';
import { sqliteShiftSummary } from './sqlite-shift-summary.js';
import { SqliteTickets } from './sqlite-tickets.js';
import { SqliteWriteGuard } from './sqlite-write-guard.js';

export { DB_FILE } from './sqlite-open.js';

export interface SqliteStoreOptions extends SqliteOpenOptions {
  /** Metrics flush period (config storage.metrics_flush_ms). 0 = no timer; call flushMetrics(). */
  metricsFlushMs?: number;
  /** Raw 1 Hz rows older than this (relative to the newest sample) are deleted. */
  metricsRetentionDays?: number;
  /** 1-minute and 10-minute rollups: their own retention (default: kept 1 and 10 years). */
  rollup1minRetentionDays?: number;
  rollup10minRetentionDays?: number;
  /** While the disk is full, how often one metrics batch is let through to probe for space. */
  diskFullProbeMs?: number;
}

export class SqliteStore implements PersistenceLayer {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  private readonly db: Database.Database;
  private readonly lock: InstanceLock;
  private readonly guard: SqliteWriteGuard;
  private readonly advisories: SqliteAdvisories;
  private readonly tickets: SqliteTickets;
  private readonly auditLog: SqliteAuditLog;
  private readonly metrics: SqliteMetrics;
  private readonly metricQueue: SqliteMetricQueue;
  private readonly budget: SqliteBudget;
  private readonly ml: SqliteMlReports;
  private readonly fleet: SqliteFleetRecords;
  private readonly alarmEvents: SqliteEvents;
  private readonly reportQueries: SqliteReportQueries;
  private timer: NodeJS.Timeout | null = null;
  /** Why raw metrics, tickets and verifications are not written (disk space low); null = they are. */
  private writesReduced: string | null = null;
  private closed = false;
  /** What open did about auto-vacuum (an old database is converted once). */
  readonly autoVacuum: AutoVacuumUpgrade;
  /** Set when a damaged (0-byte) database was renamed aside at open. */
  readonly setAside: { movedTo: string; reason: string } | null;

  private constructor(opts: SqliteStoreOptions) {
    const opened = openSqliteDatabase(opts);
    ({ file: this.file, db: this.db, lock: this.lock, autoVacuum: this.autoVacuum, setAside: this.setAside } = opened);
    const db = this.db;
    this.guard = new SqliteWriteGuard(this.file, opts.diskFullProbeMs ?? 30_000, () => this.advisories.pendingCount);
    this.advisories = new SqliteAdvisories(db, this.guard);
    this.tickets = new SqliteTickets(db, this.guard);
    this.auditLog = new SqliteAuditLog(db, this.guard);
    this.ml = new SqliteMlReports(db);
    this.fleet = new SqliteFleetRecords(db);
    this.alarmEvents = new SqliteEvents(db);
    this.metrics = new SqliteMetrics(db, {
      rawDays: opts.metricsRetentionDays ?? 90,
      oneMinDays: opts.rollup1minRetentionDays ?? 365,
      tenMinDays: opts.rollup10minRetentionDays ?? 3650,
    });
    this.reportQueries = new SqliteReportQueries(db, (name) => this.metrics.channelIds.get(name), () => this.metrics.channelIds.values());
    this.metricQueue = new SqliteMetricQueue(db, this.metrics, this.reportQueries, this.guard);
    this.budget = new SqliteBudget(db, this.file, this.metrics);
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

  async saveAdvisory(a: Advisory): Promise<void> {
    this.live();
    this.advisories.save(a);
  }

  async getAdvisory(id: string): Promise<Advisory | null> {
    return this.advisories.get(id);
  }

  async listAdvisories(q: AdvisoryQuery): Promise<Advisory[]> {
    return this.advisories.list(q);
  }

  async saveTicket(t: Ticket): Promise<void> {
    this.live();
    if (this.writesReduced) return; // a diagnostic: the first thing to go when space is short
    this.tickets.saveTicket(t);
  }

  async saveVerification(v: VerificationResult): Promise<void> {
    this.live();
    if (this.writesReduced) return;
    this.tickets.saveVerification(v);
  }

  async latestVerification(): Promise<VerificationResult | null> {
    return this.tickets.latestVerification();
  }

  async acknowledge(ack: Omit<Acknowledgement, 'id'>): Promise<Acknowledgement> {
    this.live();
    return this.auditLog.acknowledge(ack);
  }

  async acknowledgeWithAudit(ack: Omit<Acknowledgement, 'id'>, summary: string): Promise<{ acknowledgement: Acknowledgement; audit: AuditEntry }> {
    this.live();
    return this.auditLog.acknowledgeWithAudit(ack, summary);
  }

  async listAcknowledgements(q: { advisoryId?: string; limit?: number; sinceMs?: number; untilMs?: number }): Promise<Acknowledgement[]> {
    return this.auditLog.listAcknowledgements(q);
  }

  async appendAudit(e: NewAuditEntry): Promise<AuditEntry> {
    this.live();
    return this.auditLog.append(e);
  }

  async listAudit(q: AuditQuery): Promise<AuditEntry[]> {
    return this.auditLog.list(q);
  }

  recordMetrics(sample: MetricSample): void {
    if (!this.closed) this.metricQueue.record(sample);
  }

  recordPacketCounts(timeMs: number, packets: number): void {
    if (!this.closed) this.metricQueue.recordPackets(timeMs, packets);
  }

  recordRigState(timeMs: number, rigState: string): void {
    if (!this.closed) this.metricQueue.recordRigState(timeMs, rigState);
  }

  async flushMetrics(): Promise<void> {
    if (this.closed) return;
    if (!this.advisories.retryPending()) return; // advisories first: never spend space on metrics before them
    this.metricQueue.flush(this.writesReduced !== null);
  }

  async queryMetrics(channels: string[], fromMs: number, toMs: number, maxPoints: number): Promise<MetricSeries[]> {
    await this.flushMetrics();
    return this.metrics.query(channels, fromMs, toMs, maxPoints);
  }

  async shiftSummary(fromMs: number, toMs: number): Promise<ShiftSummary> {
    await this.flushMetrics();
    return sqliteShiftSummary(this.db, this.metrics.channelIds, fromMs, toMs);
  }

  async recordOutcome(o: Omit<OutcomeRecord, 'seq'>): Promise<OutcomeRecord> {
    this.live();
    return this.guard.write(`outcome of ${o.advisoryId}`, () => this.fleet.recordOutcome(o));
  }

  async listOutcomes(q: OutcomeQuery): Promise<OutcomeRecord[]> {
    return this.fleet.listOutcomes(q);
  }

  async outcomeStats(q: { sinceMs?: number; untilMs?: number }): Promise<OutcomeStat[]> {
    return this.fleet.outcomeStats(q);
  }

  async upsertEpisodes(episodes: readonly FleetEpisode[]): Promise<void> {
    this.live();
    if (episodes.length > 0) this.guard.write(`${episodes.length} recall episodes`, () => this.fleet.upsertEpisodes(episodes));
  }

  async removeEpisodes(ids: readonly string[]): Promise<number> {
    this.live();
    return ids.length === 0 ? 0 : this.guard.write(`removal of ${ids.length} recall episodes`, () => this.fleet.removeEpisodes(ids));
  }

  async listEpisodes(): Promise<FleetEpisode[]> {
    return this.fleet.listEpisodes();
  }

  async saveEvent(e: AlarmEvent): Promise<void> {
    this.live();
    this.guard.write(`event ${e.id}`, () => this.alarmEvents.save(e));
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
    this.guard.write('ML report', () => this.ml.save(r));
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
    return this.budget.usage;
  }

  enforceBudget(capBytes: number, dataDirBytes: number): BudgetResult {
    this.live();
    return this.budget.enforce(capBytes, dataDirBytes);
  }

  health(): StorageHealth {
    if (this.closed) return { status: 'unhealthy', detail: `database ${this.file} is closed`, diskFull: false, pendingAdvisories: 0 };
    return this.guard.health(this.budget.usage);
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
