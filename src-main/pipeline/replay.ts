// Batch replay of a recording through the full pipeline at full speed (or paced), producing the
// report `npm run replay` writes. Storage is in memory: a replay is an analysis, not a shift.
import type { Advisory } from '../../src-shared/advisory.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { AlarmEvent, AlarmFigures, EventTransition } from '../../src-shared/events.js';
import type { CsvColumnMap } from '../../src-shared/source.js';
import type { PhaseLatency } from '../../src-shared/status.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import { countCsvRows, readCsvPackets, type CsvReadStats } from '../acquisition/csv-replay.js';
import { alarmFigures } from '../advisory/alarm-figures.js';
import type { KnowledgeStore } from '../knowledge/knowledge-store.js';
import type { MlReport, MlSkip } from '../../src-shared/ml.js';
import { summariseMlReport, summariseMlSkip, type MlReportSummary, type MlSkipSummary } from '../ml/report-summary.js';
import { InlineMlRunner } from '../ml/runner.js';
import { MemoryStore } from '../storage/memory-store.js';
import { createEngine } from '../app/create-engine.js';

export interface ReplayOptions {
  config: WellConfig;
  campaign?: Campaign;
  /** 'max' = as fast as possible; N = N x the recording's own pace. */
  speed: number | 'max';
  knowledge?: KnowledgeStore;
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** Wall clock for the wall-time figure (injectable for tests). */
  timer?: () => number;
  /** CSV column map (header -> channel + unit) for a layout we do not recognise. */
  columns?: CsvColumnMap;
}

export interface ReplayAdvisory {
  id: string;
  time: string;
  depthFt: number | null;
  category: string;
  fault: string;
  severity: string;
  riskLevel: string;
  confidence: number;
  source: string;
  votes: { specialist: string; level: string }[];
}

/** One alarm event as it stood at the end of the replay (issue 12). */
export interface ReplayEvent {
  id: string;
  fault: string;
  category: string;
  /** Where it ended: still active, cleared waiting for an acknowledgement (none in a replay), normal. */
  state: string;
  opened: string;
  cleared: string | null;
  worstRiskLevel: string;
  advisories: number;
  alarms: number;
  reopened: number;
}

export interface ReplayReport {
  file: string;
  preset: string | null;
  rows: number;
  skippedRows: number;
  packets: number;
  rejectedPackets: number;
  /** Channels read as not fitted at the end of the run (declared, or detected: 0 for the whole run). */
  absentChannels: { channel: string; source: string; reason: string }[];
  simulatedSeconds: number;
  wallSeconds: number;
  packetsPerSecond: number;
  tickets: number;
  verification: { confirmed: number; uncertain: number; rejected: number };
  advisories: ReplayAdvisory[];
  advisoriesByCategory: Record<string, number>;
  advisoriesByFault: Record<string, number>;
  /** Alarm events (one per fault until it clears), raised first first. */
  events: ReplayEvent[];
  /** EEMUA 191 figures over the recording from the engine's event transitions. */
  alarms: AlarmFigures;
  phases: Record<string, { p50Ms: number; p95Ms: number; p99Ms: number }>;
  /** The hourly ML runs on the recording's own (data) time: reports, and runs skipped for too little drilling. */
  ml: { reports: MlReportSummary[]; skipped: MlSkipSummary[] };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tick = () => new Promise((r) => setImmediate(r));

export async function replayCsv(path: string, o: ReplayOptions): Promise<ReplayReport> {
  const total = await countCsvRows(path);
  const stats: CsvReadStats = { preset: null, rows: 0, packets: 0, skipped: 0 };
  const packets = readCsvPackets(path, { units: o.config.acquisition.units, nullValues: o.config.acquisition.null_values, columns: o.columns, stats });
  const report = await replayPackets(packets, { ...o, onProgress: o.onProgress && (() => o.onProgress?.(stats.rows, total)) });
  return { ...report, file: path, preset: stats.preset, rows: stats.rows, skippedRows: stats.skipped };
}

/**
 * Any packet stream (a CSV, a recording with an injected fault) through a fresh engine with
 * in-memory storage. `onProgress` is called every 2000 packets and at the end.
 */
export async function replayPackets(
  packets: AsyncIterable<WitsPacket> | Iterable<WitsPacket>,
  o: Omit<ReplayOptions, 'onProgress' | 'columns'> & { onProgress?: (packetsDone: number) => void },
): Promise<ReplayReport> {
  const timer = o.timer ?? (() => performance.now());
  // A replay reads no metric series: keeping every raw sample grew with the recording (1.3 GB for 72 h).
  const storage = new MemoryStore({ keepMetrics: false });
  // ML runs inline: each report takes effect at its trigger packet, so a replay is reproducible.
  const engine = createEngine(o.config, {
    storage, knowledge: o.knowledge, campaign: o.campaign, healthIntervalMs: 0, statusIntervalMs: 60_000, mlRunner: new InlineMlRunner(),
  });
  const advisories = new Map<string, Advisory>();
  const mlReports: MlReport[] = [];
  const mlSkips: MlSkip[] = [];
  const events = new Map<string, AlarmEvent>();
  const transitions: EventTransition[] = [];
  engine.on('advisory', (a) => advisories.set(a.id, a));
  engine.on('alarmEvent', ({ event, transition }) => {
    events.set(event.id, event);
    transitions.push(transition);
  });
  engine.on('mlReport', (r) => mlReports.push(r));
  engine.on('mlSkip', (k) => mlSkips.push(k));
  await engine.start();

  let firstMs: number | null = null;
  let lastMs: number | null = null;
  const wallStart = timer();
  let count = 0;
  for await (const p of packets) {
    if (o.speed !== 'max' && lastMs !== null && p.timeMs > lastMs) await sleep((p.timeMs - lastMs) / o.speed);
    firstMs ??= p.timeMs;
    lastMs = p.timeMs;
    engine.ingest(p);
    count++;
    if (count % 2000 === 0) {
      o.onProgress?.(count);
      await tick();
    }
  }
  // In-memory storage answers in microtasks: the queued advisory and event records are all
  // written (and their alarmEvent emitted) by the next macrotask.
  await tick();
  o.onProgress?.(count);
  const wallSeconds = (timer() - wallStart) / 1000;
  const s = engine.status();
  await engine.dispose();

  const list = [...advisories.values()].sort((a, b) => a.timeMs - b.timeMs);
  const countBy = (key: (a: Advisory) => string) =>
    list.reduce<Record<string, number>>((acc, a) => ((acc[key(a)] = (acc[key(a)] ?? 0) + 1), acc), {});
  const phases: ReplayReport['phases'] = {};
  for (const [name, l] of Object.entries(s.latency) as [string, PhaseLatency][]) phases[name] = { p50Ms: l.p50Ms, p95Ms: l.p95Ms, p99Ms: l.p99Ms };
  return {
    file: '',
    preset: null,
    rows: count,
    skippedRows: 0,
    packets: count,
    rejectedPackets: s.counts.rejectedPackets,
    absentChannels: s.absentChannels.map((a) => ({ channel: a.channel, source: a.source, reason: a.reason })),
    simulatedSeconds: firstMs !== null && lastMs !== null ? (lastMs - firstMs) / 1000 : 0,
    wallSeconds,
    packetsPerSecond: wallSeconds > 0 ? count / wallSeconds : 0,
    tickets: s.counts.tickets,
    verification: { confirmed: s.counts.confirmed, uncertain: s.counts.uncertain, rejected: s.counts.rejected },
    advisories: list.map((a) => ({
      id: a.id,
      time: new Date(a.timeMs).toISOString(),
      depthFt: a.depthFt === null ? null : Math.round(a.depthFt * 10) / 10,
      category: a.category,
      fault: a.fault,
      severity: a.severity,
      riskLevel: a.riskLevel,
      confidence: a.confidence,
      source: a.source,
      votes: a.votes.map((v) => ({ specialist: v.specialist, level: v.level })),
    })),
    advisoriesByCategory: countBy((a) => a.category),
    advisoriesByFault: countBy((a) => a.fault),
    phases,
    events: [...events.values()].sort((a, b) => a.openedMs - b.openedMs).map(replayEvent),
    alarms: alarmFigures(transitions, firstMs ?? 0, lastMs ?? 0),
    ml: { reports: mlReports.map(summariseMlReport), skipped: mlSkips.map(summariseMlSkip) },
  };
}

function replayEvent(e: AlarmEvent): ReplayEvent {
  return {
    id: e.id,
    fault: e.fault,
    category: e.category,
    state: e.state,
    opened: new Date(e.openedMs).toISOString(),
    cleared: e.clearedMs === null ? null : new Date(e.clearedMs).toISOString(),
    worstRiskLevel: e.worstRiskLevel,
    advisories: e.advisoryCount,
    alarms: e.alarmCount,
    reopened: e.reopenCount,
  };
}
