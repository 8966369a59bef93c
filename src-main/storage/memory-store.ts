// PersistenceLayer in memory: tests, replays and the degraded mode when the database cannot be
// used. Same contract as SqliteStore (tests/unit/storage/persistence-contract.ts runs against
// both), nothing survives close(). Bounded like the SQLite tiers (memory-metrics.ts); a replay,
// which reads no metrics, keeps none. Each record lives in its own module (memory-*.ts).
import type { Acknowledgement, Advisory, AuditEntry, Ticket, VerificationResult } from '../../src-shared/advisory.js';
import type { MetricSeries } from '../../src-shared/bridge.js';
import type { MlReport } from '../../src-shared/ml.js';
import type { AlarmEvent } from '../../src-shared/events.js';
import type { FleetEpisode } from '../../src-shared/fleet.js';
import type { OutcomeRecord, OutcomeStat } from '../../src-shared/outcome.js';
import type { AdvisoryQuery, AuditQuery, BudgetResult, MetricRetentionDays, StorageUsage, EventQuery, MetricSample, MlReportQuery, NewAuditEntry, OutcomeQuery, PersistenceLayer, ShiftSummary, StorageHealth } from './persistence.js';
import { MemoryAdvisories } from './memory-advisories.js';
import { MemoryAuditLog } from './memory-audit-log.js';
import { MemoryEvents } from './memory-events.js';
import { MemoryFleetRecords } from './memory-fleet-records.js';
import { MemoryMetrics } from './memory-metrics.js';
import { MemoryMlReports } from './memory-ml-reports.js';
import { memoryShiftSummary } from './memory-shift-summary.js';
import { MemoryTickets } from './memory-tickets.js';

export interface MemoryStoreOptions {
  metricsRetentionDays?: number;
  /** Raw 1 Hz samples kept at most this long in data time (default: the retention); rollups stay. */
  rawRetentionMs?: number;
  /** false: metric samples and packet counts are not kept at all (a replay reads none). */
  keepMetrics?: boolean;
}

export class MemoryStore implements PersistenceLayer {
  readonly kind = 'memory' as const;
  private readonly advisories = new MemoryAdvisories();
  private readonly tickets = new MemoryTickets();
  private readonly auditLog = new MemoryAuditLog();
  private readonly mlReports = new MemoryMlReports();
  private readonly alarmEvents = new MemoryEvents();
  private readonly fleet = new MemoryFleetRecords();
  private readonly metrics: MemoryMetrics;
  private closed = false;
  private writesReduced: string | null = null;

  constructor(opts: MemoryStoreOptions = {}) {
    this.metrics = new MemoryMetrics(opts.rawRetentionMs ?? (opts.metricsRetentionDays ?? 90) * 86_400_000, opts.keepMetrics ?? true);
  }

  private live(): void {
    if (this.closed) throw new Error('storage is closed');
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
    this.tickets.saveTicket(t);
  }

  async saveVerification(v: VerificationResult): Promise<void> {
    this.live();
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

  /** Samples waiting to be folded in (bounded: see memory-metrics.ts). */
  get queuedSamples(): number {
    return this.metrics.queuedSamples;
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

  async rigStatePackets(fromMs: number, toMs: number): Promise<Record<string, number>> {
    return this.metrics.rigStatePackets(fromMs, toMs);
  }

  async packetsPerMinute(fromMs: number, toMs: number): Promise<[number, number][]> {
    return this.metrics.packetsPerMinute(fromMs, toMs);
  }

  async recordedSpan(): Promise<{ fromMs: number; toMs: number } | null> {
    return this.metrics.recordedSpan();
  }

  async firstTimeAtOrAbove(channel: string, value: number, sinceMs = -Number.MAX_SAFE_INTEGER): Promise<number | null> {
    await this.flushMetrics();
    return this.metrics.firstTimeAtOrAbove(channel, value, sinceMs);
  }

  async flushMetrics(): Promise<void> {
    this.metrics.drain();
  }

  async queryMetrics(channels: string[], fromMs: number, toMs: number, maxPoints: number): Promise<MetricSeries[]> {
    await this.flushMetrics();
    return this.metrics.query(channels, fromMs, toMs, maxPoints);
  }

  async shiftSummary(fromMs: number, toMs: number): Promise<ShiftSummary> {
    await this.flushMetrics();
    return memoryShiftSummary({ advisories: this.advisories, tickets: this.tickets, auditLog: this.auditLog, metrics: this.metrics }, fromMs, toMs);
  }

  async recordOutcome(o: Omit<OutcomeRecord, 'seq'>): Promise<OutcomeRecord> {
    this.live();
    return this.fleet.recordOutcome(o);
  }

  async listOutcomes(q: OutcomeQuery): Promise<OutcomeRecord[]> {
    return this.fleet.listOutcomes(q);
  }

  async outcomeStats(q: { sinceMs?: number; untilMs?: number }): Promise<OutcomeStat[]> {
    return this.fleet.outcomeStats(this.advisories.values(), q);
  }

  async upsertEpisodes(episodes: readonly FleetEpisode[]): Promise<void> {
    this.live();
    this.fleet.upsertEpisodes(episodes);
  }

  async removeEpisodes(ids: readonly string[]): Promise<number> {
    this.live();
    return this.fleet.removeEpisodes(ids);
  }

  async listEpisodes(): Promise<FleetEpisode[]> {
    return this.fleet.listEpisodes();
  }

  async saveEvent(e: AlarmEvent): Promise<void> {
    this.live();
    this.alarmEvents.save(e);
  }

  async getEvent(id: string): Promise<AlarmEvent | null> {
    return this.alarmEvents.get(id);
  }

  async listEvents(q: EventQuery): Promise<AlarmEvent[]> {
    return this.alarmEvents.list(q);
  }

  async saveMlReport(r: MlReport): Promise<void> {
    this.live();
    this.mlReports.save(r);
  }

  async latestMlReport(): Promise<MlReport | null> {
    return this.mlReports.latestReport();
  }

  async listMlReports(q: MlReportQuery): Promise<MlReport[]> {
    return this.mlReports.list(q);
  }

  async nearestMlOptimum(depthFt: number): Promise<MlReport | null> {
    return this.mlReports.nearestOptimum(depthFt);
  }

  /** Nothing here is on disk: the flag is kept only so health can say it. */
  reduceWrites(reason: string | null): void {
    this.writesReduced = reason;
  }

  setRetention(r: MetricRetentionDays): void {
    this.metrics.setRetentionMs(r.rawDays * 86_400_000);
  }

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
    return this.closed
      ? { status: 'unhealthy', detail: 'in-memory storage closed', diskFull: false, pendingAdvisories: 0 }
      : { status: 'healthy', detail: `in-memory storage (not durable)${this.writesReduced ? `; ${this.writesReduced}` : ''}`, diskFull: false, pendingAdvisories: 0 };
  }

  async dispose(): Promise<void> {
    await this.flushMetrics();
    this.closed = true;
  }
}
