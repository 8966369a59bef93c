// The engine's durable record. Async so a PostgreSQL implementation (fleet issue) fits the same
// contract. Advisories, acknowledgements and audit entries resolve only once committed.
import type { Disposable } from '../disposable.js';
import type {
  Acknowledgement,
  Advisory,
  AuditEntry,
  AuditKind,
  Ticket,
  VerificationResult,
} from '../../src-shared/advisory.js';
import type { MetricSeries } from '../../src-shared/bridge.js';
import type { FleetEpisode } from '../../src-shared/fleet.js';
import type { AlarmEvent, AlarmState } from '../../src-shared/events.js';
import type { StorageHealth, StorageUsage } from '../../src-shared/health.js';
import type { MetricRetentionDays } from './sqlite-metrics.js';
import type { BudgetResult } from './storage-budget.js';
import type { MlReport } from '../../src-shared/ml.js';
import type { OutcomeRecord, OutcomeStat } from '../../src-shared/outcome.js';
import type { ShiftSummary } from '../../src-shared/records.js';

export type { BudgetResult, MetricRetentionDays, ShiftSummary, StorageHealth, StorageUsage };

export interface AdvisoryQuery {
  limit?: number;
  category?: string;
  sinceMs?: number;
  untilMs?: number;
  minRisk?: 'Low' | 'Elevated' | 'High' | 'Critical';
}

export interface AuditQuery {
  limit?: number;
  kind?: AuditKind | string;
  /** Only entries about this subject (an alarm event's id). */
  subject?: string;
  sinceMs?: number;
  untilMs?: number;
}

export interface NewAuditEntry {
  timeMs: number;
  actor: string;
  kind: AuditKind;
  summary: string;
  before?: unknown;
  after?: unknown;
  subject?: string | null;
}

export interface EventQuery {
  /** 'open' = anything a person may still act on (not normal). */
  state?: AlarmState | 'open' | 'any';
  fault?: string;
  sinceMs?: number;
  untilMs?: number;
  limit?: number;
}

/** One 1 Hz sample of the channels the trends show, canonical units. */
export interface MetricSample {
  timeMs: number;
  values: Record<string, number | null>;
}

export interface MlReportQuery {
  limit?: number;
  sinceMs?: number;
  untilMs?: number;
}

export interface OutcomeQuery {
  advisoryId?: string;
  limit?: number;
  sinceMs?: number;
  untilMs?: number;
}

/**
 * Thrown when a write could not be committed because the disk is full. For an advisory the
 * record is kept in memory (reads include it) and retried; the caller should still show it.
 */
export class StorageFullError extends Error {
  readonly code = 'SQLITE_FULL';
  constructor(message: string, readonly queued: boolean) {
    super(message);
    this.name = 'StorageFullError';
  }
}

/** A database server store (PostgreSQL) could not be reached or refused the call. */
export class StorageUnavailableError extends Error {
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

/** A write the database refused (full, I/O, read-only, server away...): the record was not changed. */
export function isStorageError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof StorageFullError || e instanceof StorageUnavailableError || (typeof code === 'string' && code.startsWith('SQLITE_'));
}

/**
 * Contract notes (the shared contract suite in tests/unit/storage checks each):
 * - listAdvisories / listAudit / listAcknowledgements return newest first.
 * - acknowledge() does not write an audit entry itself; acknowledgeWithAudit() writes the
 *   acknowledgement and its audit entry (kind 'acknowledgement', after = the acknowledgement)
 *   together: both or neither, even across kill -9 (one SQLite transaction).
 * - recordPacketCounts(timeMs, packets) ADDS `packets` to the count at that time; recordRigState
 *   adds one packet to that minute's count for the state.
 * - queryMetrics returns one series per requested channel, at most maxPoints points each,
 *   averaged per bucket; resolution says which table answered.
 * - recordOutcome() appends (outcomes are an audited record); the newest per advisory counts.
 *   listOutcomes returns newest first. outcomeStats counts advisories in the time range by
 *   fault, each by its newest outcome.
 * - upsertEpisodes replaces by id; listEpisodes returns oldest first (time, then id).
 * - ML reports are keyed by report id (saving one twice keeps one); lists are newest first;
 *   nearestMlOptimum considers successful reports only: distance 0 inside a report's depth
 *   range, else to its nearer end; the newest wins a tie.
 */
export interface PersistenceLayer extends Disposable {
  readonly kind: 'sqlite' | 'memory' | 'postgres';
  saveAdvisory(a: Advisory): Promise<void>; // insert or update by id (LLM enrichment)
  getAdvisory(id: string): Promise<Advisory | null>;
  listAdvisories(q: AdvisoryQuery): Promise<Advisory[]>;
  saveTicket(t: Ticket): Promise<void>;
  saveVerification(v: VerificationResult): Promise<void>;
  latestVerification(): Promise<VerificationResult | null>;
  acknowledge(ack: Omit<Acknowledgement, 'id'>): Promise<Acknowledgement>;
  acknowledgeWithAudit(ack: Omit<Acknowledgement, 'id'>, summary: string): Promise<{ acknowledgement: Acknowledgement; audit: AuditEntry }>;
  listAcknowledgements(q: { advisoryId?: string; limit?: number; sinceMs?: number; untilMs?: number }): Promise<Acknowledgement[]>;
  appendAudit(e: NewAuditEntry): Promise<AuditEntry>;
  listAudit(q: AuditQuery): Promise<AuditEntry[]>;
  /** Batched: queued in memory and flushed on a timer; never blocks the hot path. */
  recordMetrics(sample: MetricSample): void;
  flushMetrics(): Promise<void>;
  queryMetrics(channels: string[], fromMs: number, toMs: number, maxPoints: number): Promise<MetricSeries[]>;
  recordPacketCounts(timeMs: number, packets: number): void;
  /** Batched like packet counts: one packet seen in this rig state (time per state in reports). */
  recordRigState(timeMs: number, rigState: string): void;
  shiftSummary(fromMs: number, toMs: number): Promise<ShiftSummary>;
  recordOutcome(o: Omit<OutcomeRecord, 'seq'>): Promise<OutcomeRecord>;
  listOutcomes(q: OutcomeQuery): Promise<OutcomeRecord[]>;
  outcomeStats(q: { sinceMs?: number; untilMs?: number }): Promise<OutcomeStat[]>;
  upsertEpisodes(episodes: readonly FleetEpisode[]): Promise<void>;
  /** Returns how many of the ids were stored. */
  removeEpisodes(ids: readonly string[]): Promise<number>;
  listEpisodes(): Promise<FleetEpisode[]>;
  /** Insert or update an alarm event by id (its transitions go to the audit log). */
  saveEvent(e: AlarmEvent): Promise<void>;
  getEvent(id: string): Promise<AlarmEvent | null>;
  /** Newest first (by last update). */
  listEvents(q: EventQuery): Promise<AlarmEvent[]>;
  saveMlReport(r: MlReport): Promise<void>;
  /** The newest report, success or failure. */
  latestMlReport(): Promise<MlReport | null>;
  listMlReports(q: MlReportQuery): Promise<MlReport[]>;
  /** The successful report whose analysed depth range is nearest to depthFt. */
  nearestMlOptimum(depthFt: number): Promise<MlReport | null>;
  /** Packets per rig state in the minutes from fromMs's minute to toMs. */
  rigStatePackets(fromMs: number, toMs: number): Promise<Record<string, number>>;
  /** [minute start, packets] for each minute with packets, oldest first (same minutes as above). */
  packetsPerMinute(fromMs: number, toMs: number): Promise<[number, number][]>;
  /**
   * From the first to just after the last recorded sample (to the second while 1 Hz rows exist,
   * else to the minute of the packet counts); null when nothing is recorded.
   */
  recordedSpan(): Promise<{ fromMs: number; toMs: number } | null>;
  /** Time of the first sample at or after sinceMs with channel value >= value; null if none. */
  firstTimeAtOrAbove(channel: string, value: number, sinceMs?: number): Promise<number | null>;
  health(): StorageHealth;
  /**
   * Disk space low (reason) or back (null): raw metrics, tickets and verifications are not written
   * while it is low; advisories, events, acknowledgements, audit entries and rollups still are.
   */
  reduceWrites(reason: string | null): void;
  /** Per-tier metric retention (storage.*_retention_days), applied from the next flush. */
  setRetention(r: MetricRetentionDays): void;
  /** Keeps the data directory under capBytes by pruning the oldest metrics; refreshes usage(). */
  enforceBudget(capBytes: number, dataDirBytes: number): BudgetResult;
  /** Size and reach of the record as of the last enforceBudget; null before it, or when not on disk. */
  usage(): StorageUsage | null;
  /** The database file a structure check may open read-only; null when the record is not a file. */
  databaseFile(): string | null;
  /** Flushes what is queued and closes the record (Disposable). */
  dispose(): Promise<void>;
}
