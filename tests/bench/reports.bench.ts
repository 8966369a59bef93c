// `npm run bench:reports`: the post-well debrief of a 30-day well. Builds a real SQLite file
// (30 days of simulated drilling, advisories, acknowledgements, audit entries, hourly ML
// reports), then exports the whole well as PDF, CSV and JSON through the engine, printing
// time, size, pages and the progress steps; and feeds packets through the engine's packet
// loop while the PDF is built, printing the loop's p50/p99 against a run without a report.
//
// Options: --step-s N  seconds between stored 1 Hz samples (default 10: every minute and
// 10-minute rollup is full, the raw table has 1/10 of its rows; a whole-well report reads the
// rollups, so its cost does not depend on this; --step-s 1 writes full density, about 3 GB).
// --advisories N (default 1500), --keep (leave the database and exported files),
// --db DIR (build the database there, or reuse the one already there).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { Advisory } from '../../src-shared/advisory.js';
import { defaultConfig } from '../../src-shared/config.js';
import type { ReportProgress } from '../../src-shared/reports.js';
import { makePacket, type WitsPacket } from '../../src-shared/wits.js';
import { RigStateClassifier } from '../../src-main/acquisition/rig-state.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import { TREND_CHANNELS } from '../../src-main/pipeline/metric-sample.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { migrate } from '../../src-main/storage/migrations.js';
import { DB_FILE, SqliteStore } from '../../src-main/storage/sqlite-store.js';
import { runScenario } from '../support/run-scenario.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const DAYS = 30;
const STEP_S = arg('step-s', 10);
const N_ADVISORIES = arg('advisories', 1500);
const DB_ARG = process.argv.indexOf('--db');
const DB_DIR = DB_ARG > 0 ? path.resolve(process.argv[DB_ARG + 1]) : null;
const KEEP = process.argv.includes('--keep') || DB_DIR !== null;
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2025, 2, 1);
const dir = DB_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-bench-reports-'));
const reuse = DB_DIR !== null && fs.existsSync(path.join(DB_DIR, DB_FILE));
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Advisories, tickets, verifications, acknowledgements and audit rows in one transaction. */
function writeRecords(): void {
  const db = new Database(path.join(dir, DB_FILE));
  db.pragma('journal_mode = WAL');
  migrate(db);
  // Real advisory objects (votes, text, snapshots) from a simulated mixed run, spread over 30 days.
  const models = runScenario('mixed', { durationS: 7 * 3600 }).advisories;
  const ins = {
    adv: db.prepare('INSERT INTO advisories (id, time_ms, category, fault, risk, risk_rank, severity, source, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    ticket: db.prepare('INSERT INTO tickets (id, time_ms, category, fault, severity, json) VALUES (?, ?, ?, ?, ?, ?)'),
    ver: db.prepare('INSERT INTO verifications (ticket_id, time_ms, status, json) VALUES (?, ?, ?, ?)'),
    ack: db.prepare('INSERT INTO acknowledgements (id, advisory_id, time_ms, actor, action, notes) VALUES (?, ?, ?, ?, ?, ?)'),
    audit: db.prepare('INSERT INTO audit (time_ms, actor, kind, summary, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)'),
  };
  const rank = { Low: 1, Elevated: 2, High: 3, Critical: 4 } as const;
  db.transaction(() => {
    for (let i = 0; i < N_ADVISORIES; i++) {
      const m = models[i % models.length];
      // bursts of 4 advisories 40 s apart (one event), bursts spread evenly over the well
      const t = START_MS + Math.floor(i / 4) * Math.floor((DAYS * DAY_MS) / Math.ceil(N_ADVISORIES / 4)) + (i % 4) * 40_000;
      const a: Advisory = { ...m, id: `ADV-${(0x10000000 + i).toString(16)}`, ticketId: `TKT-${i}`, timeMs: t };
      ins.adv.run(a.id, t, a.category, a.fault, a.riskLevel, rank[a.riskLevel], a.severity, a.source, JSON.stringify(a));
      ins.ticket.run(a.ticketId, t - 1000, a.category, a.fault, a.severity, JSON.stringify({ id: a.ticketId, timeMs: t - 1000 }));
      ins.ver.run(a.ticketId, t - 500, a.physicsVerdict.status, JSON.stringify(a.physicsVerdict));
      ins.ver.run(`TKT-r${i}`, t - 300_000, 'Rejected', JSON.stringify({ ...a.physicsVerdict, status: 'Rejected' }));
      if (i % 5 < 2) ins.ack.run(`ACK-${i}`, a.id, t + 90_000, i % 2 ? 'Ola Nordmann' : 'Kåre Bø', 'Flow check performed', `Strømningssjekk ${i}: brønnen stille, fortsetter boring – æøå`);
    }
    for (let d = 0; d < DAYS; d++) {
      ins.audit.run(START_MS + d * DAY_MS + 3_600_000, 'Kari Ødegård', 'config-change', 'configuration changed: thresholds.well_control.gas_units_warning', '{}', '{}');
      if (d % 7 === 3) ins.audit.run(START_MS + d * DAY_MS + 7_200_000, 'Kari Ødegård', 'campaign-switch', 'campaign switched from production to plug_abandonment', '"production"', '"plug_abandonment"');
    }
  })();
  db.close();
}

/** Hourly ML reports with an optimum, through the store (as the ML engine saves them). */
async function writeMlReports(store: SqliteStore): Promise<void> {
  for (let h = 0; h < DAYS * 24; h++) {
    const t = START_MS + h * 3_600_000;
    const range = (best: number, spread: number) => ({ best, min: best - spread, max: best + spread });
    await store.saveMlReport({
      id: `ML-${h}`, timeMs: t, trigger: 'schedule', campaign: 'production', wellId: 'BENCH', field: 'BENCH', windowStartMs: t - 7_200_000, windowEndMs: t,
      depthRange: { fromFt: 10_000 + h * 10, toFt: 10_010 + h * 10 }, bitDepthFt: 10_010 + h * 10, segment: null, segmentsFound: 1,
      counts: { collected: 7200, quality: 5000, stable: 4200, segment: 4200 }, stability: 0.84,
      dysfunction: { stickSlip: 0, packOff: 0, founder: 0, poorEfficiency: 0, anomalyFlag: 0 },
      result: {
        status: 'success', confidence: 'Medium', correlations: [], summary: '', grid: { wobEdgesKlbf: [], rpmEdges: [], cells: [], best: null },
        optimum: {
          wobKlbf: range(24, 3), rpm: range(130, 10), flowGpm: range(560, 20), expectedRopFtHr: 60, expectedMsePsi: 30_000, relativeEfficiencyPercent: 85,
          compositeScore: 0.7, stabilityScore: 0.9, binSamples: 300, binsEvaluated: 20, method: 'grid',
        },
      },
    });
  }
}

/** 30 days of simulated drilling as 1 Hz metrics (every STEP_S-th sample), packet counts and rig states. */
async function writeMetrics(store: SqliteStore): Promise<number> {
  const config = defaultConfig();
  const rig = new RigStateClassifier(config.thresholds.rig_state);
  const sim = createSimulation({ scenario: 'normal', seed: 7, durationS: DAYS * 86_400, startMs: START_MS });
  let n = 0;
  let lastMs = START_MS;
  for (const x of sim) {
    const p = makePacket(x.timeMs, x.values);
    const state = rig.classify(p);
    store.recordPacketCounts(x.timeMs, 1);
    store.recordRigState(x.timeMs, state);
    if (n % STEP_S === 0) {
      const values: Record<string, number | null> = { flowBalanceGpm: p.flowOutGpm !== null && p.flowInGpm !== null ? p.flowOutGpm - p.flowInGpm : null };
      for (const c of TREND_CHANNELS) values[c] = p[c];
      store.recordMetrics({ timeMs: x.timeMs, values });
    }
    lastMs = x.timeMs;
    if (++n % 86_400 === 0) {
      await store.flushMetrics();
      process.stdout.write(`\r  day ${n / 86_400} of ${DAYS}`);
    }
  }
  await store.flushMetrics();
  process.stdout.write('\n');
  return lastMs;
}

function percentile(xs: number[], p: number): number {
  const a = [...xs].sort((x, y) => x - y);
  return a.length ? a[Math.min(a.length - 1, Math.floor((p / 100) * a.length))] : NaN;
}

/** Feeds packets at `hz` until `until` resolves; per-packet processing time and lateness. */
async function feedWhile(ingest: (p: WitsPacket) => void, packets: WitsPacket[], hz: number, until: Promise<unknown>) {
  const processMs: number[] = [];
  const lateMs: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  const periodMs = 1000 / hz;
  const t0 = performance.now();
  let i = 0;
  while (!done && i < packets.length) {
    const due = t0 + i * periodMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const start = performance.now();
    lateMs.push(start - due);
    ingest(packets[i++]);
    processMs.push(performance.now() - start);
  }
  await until;
  return { packets: i, processMs, lateMs };
}

const fmt = (r: { packets: number; processMs: number[]; lateMs: number[] }) =>
  `${r.packets} packets: processing p50 ${percentile(r.processMs, 50).toFixed(3)} ms, p99 ${percentile(r.processMs, 99).toFixed(3)} ms; ` +
  `lateness p50 ${percentile(r.lateMs, 50).toFixed(1)} ms, p99 ${percentile(r.lateMs, 99).toFixed(1)} ms, max ${Math.max(...r.lateMs).toFixed(1)} ms`;

console.log(`30-day well: ${DAYS} days, stored samples every ${STEP_S} s, ${N_ADVISORIES} advisories; data in ${dir}`);
let t = performance.now();
fs.mkdirSync(dir, { recursive: true });
if (!reuse) writeRecords();
const store = SqliteStore.open({ dataDir: dir, metricsFlushMs: 1000 });
if (!reuse) await writeMlReports(store);
const lastMs = reuse ? ((await store.recordedSpan())?.toMs ?? START_MS + DAYS * DAY_MS) : await writeMetrics(store);
console.log(`${reuse ? 'reused' : 'built'} the database in ${s(performance.now() - t)}: ${mb(fs.statSync(path.join(dir, DB_FILE)).size)}`);

const config = { ...defaultConfig(), well: { ...defaultConfig().well, name: 'Bench Ærfugl-30', rig: 'Ran Ørn' }, reports: { ...defaultConfig().reports, auto_write: false } };
const engine = createEngine(config, { storage: store, dataDir: dir, healthIntervalMs: 0, statusIntervalMs: 1000 });
await engine.start();
const tail = [...createSimulation({ scenario: 'normal', seed: 9, durationS: 3600, startMs: lastMs + 1000 })].map((x) => makePacket(x.timeMs, x.values));
for (const p of tail.slice(0, 600)) engine.ingest(p); // warm the loop (JIT, history)
const feed = tail.slice(600);

const progress: (ReportProgress & { atMs: number })[] = [];
engine.on('reportProgress', (p) => progress.push({ ...p, atMs: performance.now() }));
const loopDelay = monitorEventLoopDelay({ resolution: 5 });

// Packet loop alone, then while the PDF is built: 50 packets/s (50x a rig's 1 Hz) so p99 has samples.
const HZ = 50;
const idle = await feedWhile((p) => engine.ingest(p), feed.slice(0, 500), HZ, new Promise((r) => setTimeout(r, 10_000)));
loopDelay.enable();
t = performance.now();
const exporting = engine.call('exportReport', { kind: 'well', format: 'pdf', jobId: 'bench' });
const busy = await feedWhile((p) => engine.ingest(p), feed.slice(500), HZ, exporting);
const pdfMs = performance.now() - t;
loopDelay.disable();
const pdf = await exporting;
if (!pdf.ok) throw new Error(pdf.error.message);
console.log(`whole-well PDF: ${s(pdfMs)}, ${mb(pdf.value.sizeBytes)}, ${pdf.value.pages} pages (${pdf.value.fileName})`);
const steps = progress.filter((p) => p.jobId === 'bench');
console.log(`progress events: ${steps.length}; ${steps.filter((_, i) => i % 4 === 0 || i === steps.length - 1).map((p) => `${Math.round(p.fraction * 100)}% ${p.detail}`).join(' | ')}`);
const phaseMs = (phase: string) => {
  const inPhase = steps.filter((p) => p.phase === phase);
  const next = steps[steps.indexOf(inPhase[inPhase.length - 1]) + 1];
  return inPhase.length && next ? next.atMs - inPhase[0].atMs : 0;
};
console.log(`phases: reading ${s(phaseMs('reading'))}, building ${s(phaseMs('building'))}, rendering in the worker ${s(phaseMs('rendering'))}`);
console.log(`packet loop without a report: ${fmt(idle)}`);
console.log(`packet loop while the PDF is built: ${fmt(busy)}`);
console.log(`event-loop delay while building: p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`);
if (KEEP) fs.writeFileSync(path.join(dir, pdf.value.fileName), Buffer.from(pdf.value.base64, 'base64'));

for (const format of ['csv', 'json'] as const) {
  t = performance.now();
  const r = await engine.call('exportReport', { kind: 'well', format });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`whole-well ${format.toUpperCase()}: ${s(performance.now() - t)}, ${mb(r.value.sizeBytes)}`);
}
t = performance.now();
const again = await engine.call('exportReport', { kind: 'well', format: 'pdf' });
if (!again.ok) throw new Error(again.error.message);
console.log(`whole-well PDF again (report worker already running): ${s(performance.now() - t)}`);
t = performance.now();
const shiftTo = lastMs - 2 * DAY_MS;
const shift = await engine.call('exportReport', { kind: 'shift', fromMs: shiftTo - 12 * 3_600_000, toMs: shiftTo, format: 'pdf' });
if (!shift.ok) throw new Error(shift.error.message);
console.log(`12 h shift PDF from the same database: ${s(performance.now() - t)}, ${mb(shift.value.sizeBytes)}, ${shift.value.pages} pages`);

await engine.dispose();
await store.dispose();
if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
