// The PersistenceLayer on PostgreSQL (storage.kind = "postgres"), for rigs that want SQL
// reporting on their record. Same contract as SQLite: advisories, acknowledgements and audit
// entries resolve once committed; metrics are queued and flushed in one transaction per tick.
// One engine per database (schema) at a time, held by a session advisory lock. Each record lives
// in its own module (postgres-*.ts); this class connects and composes them.
import type pg from 'pg';
import type { Acknowledgement, Advisory, AuditEntry, Ticket, VerificationResult } from '../../src-shared/advisory.js';
import type { MetricSeries } from '../../src-shared/bridge.js';
import type { AlarmEvent } from '../../src-shared/events.js';
import type { FleetEpisode } from '../../src-shared/fleet.js';
import type { MlReport } from '../../src-shared/ml.js';
import type { OutcomeRecord, OutcomeStat } from '../../src-shared/outcome.js';
import { ChannelIds, MetricQueue, queryMetricSeries } from './postgres-metrics.js';
import type { AdvisoryQuery, AuditQuery, BudgetResult, MetricRetentionDays, StorageUsage, MetricSample, MlReportQuery, EventQuery, NewAuditEntry, OutcomeQuery, PersistenceLayer, ShiftSummary, StorageHealth } from './persistence.js';
import { PostgresAdvisories } from './postgres-advisories.js';
import * as auditLog from './postgres-audit-log.js';
import { connectPostgres } from './postgres-connection.js';
import * as alarmEvents from './postgres-events.js';
import * as fleetRecords from './postgres-fleet-records.js';
import * as mlReports from './postgres-ml-reports.js';
import { pgShiftSummary } from './postgres-shift-summary.js';
import * as reportQueries from './postgres-report-queries.js';
import * as tickets from './postgres-tickets.js';
import { PostgresWriteState } from './postgres-write-state.js';

export { describePgUrl } from './postgres-connection.js';

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

export class PostgresStore implements PersistenceLayer {
  readonly kind = 'postgres' as const;
  private readonly channels = new ChannelIds();
  private readonly state: PostgresWriteState;
  private readonly advisories: PostgresAdvisories;
  private readonly metrics: MetricQueue;
  private flushChain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly onClose: (() => void) | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly session: pg.Client,
    private readonly where: string,
    opts: PostgresStoreOptions,
  ) {
    this.state = new PostgresWriteState(where);
    this.advisories = new PostgresAdvisories(pool, where, this.state);
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
    const { pool, session, place } = await connectPostgres(opts);
    const store = new PostgresStore(pool, session, place, opts);
    await store.channels.load(session);
    return store;
  }

  private live(): void {
    if (this.closed) throw new Error(`storage ${this.where} is closed`);
  }

  async saveAdvisory(a: Advisory): Promise<void> {
    this.live();
    await this.advisories.save(a);
  }

  getAdvisory(id: string): Promise<Advisory | null> {
    return this.advisories.get(id);
  }

  listAdvisories(q: AdvisoryQuery): Promise<Advisory[]> {
    return this.advisories.list(q);
  }

  async saveTicket(t: Ticket): Promise<void> {
    this.live();
    await tickets.saveTicket(this.pool, t);
  }

  async saveVerification(v: VerificationResult): Promise<void> {
    this.live();
    await tickets.saveVerification(this.pool, v);
  }

  latestVerification(): Promise<VerificationResult | null> {
    return tickets.latestVerification(this.pool);
  }

  async acknowledge(ack: Omit<Acknowledgement, 'id'>): Promise<Acknowledgement> {
    this.live();
    return auditLog.acknowledge(this.pool, ack);
  }

  async acknowledgeWithAudit(ack: Omit<Acknowledgement, 'id'>, summary: string): Promise<{ acknowledgement: Acknowledgement; audit: AuditEntry }> {
    this.live();
    return auditLog.acknowledgeWithAudit(this.pool, this.where, ack, summary);
  }

  listAcknowledgements(q: { advisoryId?: string; limit?: number; sinceMs?: number; untilMs?: number }): Promise<Acknowledgement[]> {
    return auditLog.listAcknowledgements(this.pool, q);
  }

  async appendAudit(e: NewAuditEntry): Promise<AuditEntry> {
    this.live();
    return auditLog.appendAudit(this.pool, e);
  }

  listAudit(q: AuditQuery): Promise<AuditEntry[]> {
    return auditLog.listAudit(this.pool, q);
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
      await this.advisories.retryPending();
      const err = await this.metrics.flush(this.pool, this.channels);
      if (err) this.state.failed('metrics flush', err);
      else if (this.advisories.pendingCount === 0 && this.state.lastFailureWas('metrics')) this.state.ok();
    });
    this.flushChain = run.catch(() => undefined);
    return run;
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
    return this.state.health(this.advisories.pendingCount);
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
