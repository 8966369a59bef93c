// PersistenceLayer in memory: tests, replays and the degraded mode when the database cannot be
// used. Same contract as SqliteStore (tests/unit/storage/persistence-contract.ts runs against
// both), nothing survives close(). Bounded like the SQLite tiers: the sample queue is folded in
// every FLUSH_AT_SAMPLES samples and raw samples past retention are dropped (rollups stay); a
// replay, which reads no metrics, keeps none.
import { randomBytes } from 'node:crypto';
import type { Acknowledgement, Advisory, AuditEntry, Ticket, VerificationResult } from '../../src-shared/advisory.js';
import type { MetricSeries } from '../../src-shared/bridge.js';
import type { MlReport } from '../../src-shared/ml.js';
import { compareMlReportsNewestFirst, depthDistanceFt, isOptimum } from './ml-report-query.js';
import type { AlarmEvent } from '../../src-shared/events.js';
import type { FleetEpisode } from '../../src-shared/fleet.js';
import type { OutcomeRecord, OutcomeStat } from '../../src-shared/outcome.js';
import {
  ONE_MIN_MS,
  TEN_MIN_MS,
  bucketStart,
  planBuckets,
  storableValue,
} from './metric-buckets.js';
import type {
  AdvisoryQuery,
  AuditQuery,
  BudgetResult,
  MetricRetentionDays,
  StorageUsage,
  EventQuery,
  MetricSample,
  MlReportQuery,
  NewAuditEntry,
  OutcomeQuery,
  PersistenceLayer,
  ShiftSummary,
  StorageHealth,
} from './persistence.js';
import { RawSeries, RollupSeries } from './memory-series.js';
import { advisoryMatches, clampLimit, compareAdvisoriesNewestFirst, inTimeRange } from './query-filters.js';
import { buildOutcomeStats } from './outcome-stats.js';
import { buildShiftSummary } from './shift-summary.js';

interface ChannelTables {
  raw: RawSeries;
  roll1: RollupSeries;
  roll10: RollupSeries;
}

interface Agg {
  n: number;
  sum: number;
}

export interface MemoryStoreOptions {
  metricsRetentionDays?: number;
  /** Raw 1 Hz samples kept at most this long in data time (default: the retention); rollups stay. */
  rawRetentionMs?: number;
  /** false: metric samples and packet counts are not kept at all (a replay reads none). */
  keepMetrics?: boolean;
}

/** Queued samples are folded into the series at this count, so the queue never grows with a recording. */
const FLUSH_AT_SAMPLES = 600;

const clone = <T>(v: T): T => structuredClone(v);

export class MemoryStore implements PersistenceLayer {
  readonly kind = 'memory' as const;
  private readonly advisories = new Map<string, Advisory>();
  private readonly tickets = new Map<string, Ticket>();
  private readonly verifications: VerificationResult[] = [];
  private readonly acks: Acknowledgement[] = [];
  private readonly audit: AuditEntry[] = [];
  private readonly mlReports = new Map<string, MlReport>();
  private readonly alarmEvents = new Map<string, AlarmEvent>();
  private readonly outcomes: OutcomeRecord[] = [];
  private readonly episodes = new Map<string, FleetEpisode>();
  private queue: MetricSample[] = [];
  /** channel -> its raw samples (deduplicated by time) and 1 and 10 min rollups. */
  private readonly tables = new Map<string, ChannelTables>();
  private readonly packetCounts = new Map<number, number>();
  /** minute -> state -> packets. */
  private readonly rigStates = new Map<number, Map<string, number>>();
  private newestSampleMs = -Infinity;
  private lastRetentionMs = -Infinity;
  private retentionMs: number;
  private readonly keepMetrics: boolean;
  private closed = false;
  private writesReduced: string | null = null;

  constructor(opts: MemoryStoreOptions = {}) {
    this.retentionMs = opts.rawRetentionMs ?? (opts.metricsRetentionDays ?? 90) * 86_400_000;
    this.keepMetrics = opts.keepMetrics ?? true;
  }

  private live(): void {
    if (this.closed) throw new Error('storage is closed');
  }

  async saveAdvisory(a: Advisory): Promise<void> {
    this.live();
    this.advisories.set(a.id, clone(a));
  }

  async getAdvisory(id: string): Promise<Advisory | null> {
    const a = this.advisories.get(id);
    return a ? clone(a) : null;
  }

  async listAdvisories(q: AdvisoryQuery): Promise<Advisory[]> {
    return [...this.advisories.values()]
      .filter((a) => advisoryMatches(a, q))
      .sort(compareAdvisoriesNewestFirst)
      .slice(0, clampLimit(q.limit))
      .map(clone);
  }

  async saveTicket(t: Ticket): Promise<void> {
    this.live();
    this.tickets.set(t.id, clone(t));
  }

  async saveVerification(v: VerificationResult): Promise<void> {
    this.live();
    this.verifications.push(clone(v));
  }

  async latestVerification(): Promise<VerificationResult | null> {
    let best: VerificationResult | null = null;
    for (const v of this.verifications) if (!best || v.timeMs >= best.timeMs) best = v;
    return best ? clone(best) : null;
  }

  async acknowledge(ack: Omit<Acknowledgement, 'id'>): Promise<Acknowledgement> {
    this.live();
    const saved: Acknowledgement = { id: `ACK-${randomBytes(4).toString('hex')}`, ...ack };
    this.acks.push(saved);
    return clone(saved);
  }

  async acknowledgeWithAudit(ack: Omit<Acknowledgement, 'id'>, summary: string): Promise<{ acknowledgement: Acknowledgement; audit: AuditEntry }> {
    const acknowledgement = await this.acknowledge(ack);
    const audit = await this.appendAudit({ timeMs: ack.timeMs, actor: ack.actor, kind: 'acknowledgement', summary, after: acknowledgement, subject: ack.eventId ?? null });
    return { acknowledgement, audit };
  }

  async listAcknowledgements(q: { advisoryId?: string; limit?: number; sinceMs?: number; untilMs?: number }): Promise<Acknowledgement[]> {
    const out: Acknowledgement[] = [];
    const limit = clampLimit(q.limit);
    for (let i = this.acks.length - 1; i >= 0 && out.length < limit; i--) {
      const k = this.acks[i];
      if (q.advisoryId !== undefined && k.advisoryId !== q.advisoryId) continue;
      if (!inTimeRange(k.timeMs, q)) continue;
      out.push(clone(k));
    }
    return out;
  }

  async appendAudit(e: NewAuditEntry): Promise<AuditEntry> {
    this.live();
    const entry: AuditEntry = {
      seq: this.audit.length + 1,
      timeMs: e.timeMs,
      actor: e.actor,
      kind: e.kind,
      summary: e.summary,
      before: e.before === undefined ? null : clone(e.before),
      after: e.after === undefined ? null : clone(e.after),
      subject: e.subject ?? null,
    };
    this.audit.push(entry);
    return clone(entry);
  }

  async listAudit(q: AuditQuery): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    const limit = clampLimit(q.limit);
    for (let i = this.audit.length - 1; i >= 0 && out.length < limit; i--) {
      const e = this.audit[i];
      if (q.kind !== undefined && e.kind !== q.kind) continue;
      if (q.subject !== undefined && e.subject !== q.subject) continue;
      if (!inTimeRange(e.timeMs, q)) continue;
      out.push(clone(e));
    }
    return out;
  }

  /** Samples waiting to be folded in (never more than FLUSH_AT_SAMPLES). */
  get queuedSamples(): number {
    return this.queue.length;
  }

  recordMetrics(sample: MetricSample): void {
    if (this.closed || !this.keepMetrics) return;
    this.queue.push(sample);
    if (this.queue.length >= FLUSH_AT_SAMPLES) this.drain();
  }

  recordPacketCounts(timeMs: number, packets: number): void {
    if (this.closed || !this.keepMetrics || !Number.isFinite(packets)) return;
    const m = bucketStart(timeMs, ONE_MIN_MS);
    this.packetCounts.set(m, (this.packetCounts.get(m) ?? 0) + packets);
  }

  recordRigState(timeMs: number, rigState: string): void {
    if (this.closed || !this.keepMetrics) return;
    const m = bucketStart(timeMs, ONE_MIN_MS);
    let states = this.rigStates.get(m);
    if (!states) this.rigStates.set(m, (states = new Map()));
    states.set(rigState, (states.get(rigState) ?? 0) + 1);
  }

  async rigStatePackets(fromMs: number, toMs: number): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    const fromMin = bucketStart(fromMs, ONE_MIN_MS);
    for (const [m, states] of this.rigStates) {
      if (m < fromMin || m > toMs) continue;
      for (const [state, n] of states) out[state] = (out[state] ?? 0) + n;
    }
    return out;
  }

  async packetsPerMinute(fromMs: number, toMs: number): Promise<[number, number][]> {
    const fromMin = bucketStart(fromMs, ONE_MIN_MS);
    return [...this.packetCounts.entries()].filter(([m]) => m >= fromMin && m <= toMs).sort((a, b) => a[0] - b[0]);
  }

  async recordedSpan(): Promise<{ fromMs: number; toMs: number } | null> {
    let first = Infinity;
    let last = -Infinity;
    for (const m of this.packetCounts.keys()) {
      if (m < first) first = m;
      if (m > last) last = m;
    }
    if (this.packetCounts.size === 0) return null;
    await this.flushMetrics();
    // To the second where raw samples exist (the first and last minute are partial).
    let firstRaw = Infinity;
    let lastRaw = -Infinity;
    for (const { raw } of this.tables.values()) {
      raw.forEach((t) => {
        if (t >= first && t < first + ONE_MIN_MS && t < firstRaw) firstRaw = t;
        if (t >= last && t < last + ONE_MIN_MS && t > lastRaw) lastRaw = t;
      });
    }
    return { fromMs: Number.isFinite(firstRaw) ? firstRaw : first, toMs: Number.isFinite(lastRaw) ? lastRaw + 1 : last + ONE_MIN_MS };
  }

  async firstTimeAtOrAbove(channel: string, value: number, sinceMs = -Number.MAX_SAFE_INTEGER): Promise<number | null> {
    await this.flushMetrics();
    let best: number | null = null;
    this.tables.get(channel)?.raw.forEach((t, v) => {
      if (t >= sinceMs && v >= value && (best === null || t < best)) best = t;
    });
    return best;
  }

  async flushMetrics(): Promise<void> {
    this.drain();
  }

  private drain(): void {
    const batch = this.queue;
    this.queue = [];
    for (const s of batch) {
      const minuteMs = bucketStart(s.timeMs, ONE_MIN_MS);
      const tenMinMs = bucketStart(s.timeMs, TEN_MIN_MS);
      for (const channel in s.values) {
        const v = s.values[channel];
        if (!storableValue(v)) continue;
        let t = this.tables.get(channel);
        if (!t) this.tables.set(channel, (t = { raw: new RawSeries(), roll1: new RollupSeries(), roll10: new RollupSeries() }));
        if (!t.raw.add(s.timeMs, v)) continue; // first write wins, as in SQLite (INSERT OR IGNORE)
        t.roll1.add(minuteMs, v);
        t.roll10.add(tenMinMs, v);
      }
      if (s.timeMs > this.newestSampleMs) this.newestSampleMs = s.timeMs;
    }
    // Retention sweep at most once a minute of data time (the series are time-ordered).
    if (this.newestSampleMs - this.lastRetentionMs < ONE_MIN_MS) return;
    this.lastRetentionMs = this.newestSampleMs;
    const cutoff = this.newestSampleMs - this.retentionMs;
    for (const { raw } of this.tables.values()) raw.dropBefore(cutoff);
  }

  async queryMetrics(channels: string[], fromMs: number, toMs: number, maxPoints: number): Promise<MetricSeries[]> {
    await this.flushMetrics();
    const plan = planBuckets(fromMs, toMs, maxPoints);
    return channels.map((channel) => {
      const buckets = new Map<number, Agg>();
      const add = (t: number, n: number, sum: number) => {
        if (t < plan.fromAlignedMs || t > plan.toMs) return;
        const b = bucketStart(t, plan.stepMs);
        const agg = buckets.get(b);
        if (agg) {
          agg.n += n;
          agg.sum += sum;
        } else buckets.set(b, { n, sum });
      };
      const t = this.tables.get(channel);
      if (plan.resolution === 'raw') t?.raw.forEach((time, v) => add(time, 1, v));
      else (plan.resolution === '1min' ? t?.roll1 : t?.roll10)?.forEach(add);
      const points: [number, number][] = [...buckets.entries()]
        .sort((x, y) => x[0] - y[0])
        .map(([t, a]) => [t, a.sum / a.n]);
      return { channel, points, resolution: plan.resolution };
    });
  }

  async shiftSummary(fromMs: number, toMs: number): Promise<ShiftSummary> {
    await this.flushMetrics();
    const inRange = (t: number) => t >= fromMs && t <= toMs;
    const advisories = [...this.advisories.values()].filter((a) => inRange(a.timeMs));
    const acked = new Set(this.acks.map((k) => k.advisoryId));
    const fromMin = bucketStart(fromMs, ONE_MIN_MS);
    let packets = 0;
    for (const [m, n] of this.packetCounts) if (m >= fromMin && m <= toMs) packets += n;
    let effN = 0;
    let effSum = 0;
    this.tables.get('mseEfficiencyPercent')?.roll1.forEach((t, n, sum) => {
      if (t >= fromMin && t <= toMs) {
        effN += n;
        effSum += sum;
      }
    });
    const depth: [number, number][] = [];
    this.tables.get('holeDepthFt')?.raw.forEach((t, v) => {
      if (inRange(t)) depth.push([t, v]);
    });
    const verifications = this.verifications.filter((v) => inRange(v.timeMs));
    return buildShiftSummary({
      fromMs,
      toMs,
      packets,
      tickets: [...this.tickets.values()].filter((t) => inRange(t.timeMs)).length,
      verificationStatuses: verifications.map((v) => v.status),
      advisories: advisories.map((a) => ({ category: a.category, riskLevel: a.riskLevel, acknowledged: acked.has(a.id) })),
      acknowledgements: this.acks.filter((k) => inRange(k.timeMs)).length,
      avgMseEfficiencyPercent: effN > 0 ? effSum / effN : null,
      depthStartFt: depth.length ? depth[0][1] : null,
      depthEndFt: depth.length ? depth[depth.length - 1][1] : null,
    });
  }

  async recordOutcome(o: Omit<OutcomeRecord, 'seq'>): Promise<OutcomeRecord> {
    this.live();
    const saved: OutcomeRecord = { seq: this.outcomes.length + 1, ...clone(o) };
    this.outcomes.push(saved);
    return clone(saved);
  }

  async listOutcomes(q: OutcomeQuery): Promise<OutcomeRecord[]> {
    const out: OutcomeRecord[] = [];
    const limit = clampLimit(q.limit);
    for (let i = this.outcomes.length - 1; i >= 0 && out.length < limit; i--) {
      const o = this.outcomes[i];
      if (q.advisoryId !== undefined && o.advisoryId !== q.advisoryId) continue;
      if (!inTimeRange(o.timeMs, q)) continue;
      out.push(clone(o));
    }
    return out;
  }

  async outcomeStats(q: { sinceMs?: number; untilMs?: number }): Promise<OutcomeStat[]> {
    const latest = new Map<string, OutcomeRecord['outcome']['kind']>();
    for (const o of this.outcomes) latest.set(o.advisoryId, o.outcome.kind); // seq order: the last wins
    const rows = [...this.advisories.values()]
      .filter((a) => inTimeRange(a.timeMs, q))
      .map((a) => ({ fault: a.fault, category: a.category, outcome: latest.get(a.id) ?? null }));
    return buildOutcomeStats(rows);
  }

  async upsertEpisodes(episodes: readonly FleetEpisode[]): Promise<void> {
    this.live();
    for (const e of episodes) this.episodes.set(e.id, clone(e));
  }

  async removeEpisodes(ids: readonly string[]): Promise<number> {
    this.live();
    let n = 0;
    for (const id of ids) if (this.episodes.delete(id)) n++;
    return n;
  }

  async listEpisodes(): Promise<FleetEpisode[]> {
    return [...this.episodes.values()]
      .sort((a, b) => a.timeMs - b.timeMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(clone);
  }

  async saveEvent(e: AlarmEvent): Promise<void> {
    this.live();
    this.alarmEvents.set(e.id, clone(e));
  }

  async getEvent(id: string): Promise<AlarmEvent | null> {
    const e = this.alarmEvents.get(id);
    return e ? clone(e) : null;
  }

  async listEvents(q: EventQuery): Promise<AlarmEvent[]> {
    const state = q.state ?? 'open';
    return [...this.alarmEvents.values()]
      .filter((e) => (state === 'any' ? true : state === 'open' ? e.state !== 'normal' : e.state === state))
      .filter((e) => (q.fault === undefined || e.fault === q.fault) && (q.sinceMs === undefined || e.updatedMs >= q.sinceMs) && (q.untilMs === undefined || e.openedMs <= q.untilMs))
      .sort((a, b) => b.updatedMs - a.updatedMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .slice(0, clampLimit(q.limit))
      .map(clone);
  }

  async saveMlReport(r: MlReport): Promise<void> {
    this.live();
    if (!this.mlReports.has(r.id)) this.mlReports.set(r.id, clone(r));
  }

  async latestMlReport(): Promise<MlReport | null> {
    const [newest] = [...this.mlReports.values()].sort(compareMlReportsNewestFirst);
    return newest ? clone(newest) : null;
  }

  async listMlReports(q: MlReportQuery): Promise<MlReport[]> {
    return [...this.mlReports.values()]
      .filter((r) => inTimeRange(r.timeMs, q))
      .sort(compareMlReportsNewestFirst)
      .slice(0, clampLimit(q.limit))
      .map(clone);
  }

  async nearestMlOptimum(depthFt: number): Promise<MlReport | null> {
    let best: MlReport | null = null;
    let bestFt = Infinity;
    for (const r of [...this.mlReports.values()].sort(compareMlReportsNewestFirst)) {
      if (!isOptimum(r) || !r.depthRange) continue;
      const d = depthDistanceFt(depthFt, r.depthRange.fromFt, r.depthRange.toFt);
      if (d < bestFt) {
        best = r;
        bestFt = d;
      }
    }
    return best ? clone(best) : null;
  }

  /** Nothing here is on disk: the flag is kept only so health can say it. */
  reduceWrites(reason: string | null): void {
    this.writesReduced = reason;
  }

  setRetention(r: MetricRetentionDays): void {
    this.retentionMs = r.rawDays * 86_400_000;
    this.lastRetentionMs = -Infinity;
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
