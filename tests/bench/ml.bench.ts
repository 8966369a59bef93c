// `npm run bench:ml`: the ML engine's cost. A 2 h window (7200 packets of simulated drilling):
// analysis time inline and in the worker thread, what a run costs the packet loop's thread, and
// the packet loop's per-packet latency (p50 / p99 / max) with the ML engine off and with runs
// every 5 minutes of data time overlapping the feed.
import os from 'node:os';
import { defaultConfig, type WellConfig } from '../../src-shared/config.js';
import type { MlSample } from '../../src-shared/ml.js';
import { makePacket, type WitsPacket } from '../../src-shared/wits.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import { analyzeWindow, type MlRunContext } from '../../src-main/ml/analyze.js';
import { MlSampleRing } from '../../src-main/ml/collect.js';
import { mlSampleOf } from '../../src-main/ml/sample.js';
import { WorkerMlRunner } from '../../src-main/ml/worker-runner.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';
import { bareCoordinator } from '../support/coordinator.js';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const fmt = (xs: number[]): string =>
  `min ${Math.min(...xs).toFixed(1)} ms, median ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} runs)`;

// --- a 2 h window of simulated drilling -------------------------------------------------------
const packets: WitsPacket[] = [];
for (const s of createSimulation({ scenario: 'normal', seed: 42, durationS: 3 * 3600 })) packets.push(makePacket(s.timeMs, s.values));
const fresh = () => packets.map((p) => ({ ...p, quality: { level: p.quality.level, reasons: [] as string[] } }));
const coordinator = bareCoordinator(defaultConfig());
const samples: MlSample[] = [];
for (const p of fresh()) {
  const o = coordinator.process(p);
  const m = mlSampleOf(o.packet, o.metrics, o.detected);
  if (m) samples.push(m);
}
const window = samples.slice(-7200);
const ctx: MlRunContext = { timeMs: window[window.length - 1].timeMs, trigger: 'schedule', campaign: 'production', wellId: 'BENCH', field: 'BENCH' };
const status = analyzeWindow(window, ctx).result.status;
console.log(`window: ${window.length} samples (2 h at 1 Hz), analysis result: ${status}`);

// --- inline analysis --------------------------------------------------------------------------
for (let i = 0; i < 3; i++) analyzeWindow(window, ctx);
const inline: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  analyzeWindow(window, ctx);
  inline.push(performance.now() - t0);
}
console.log(`analysis inline (replay path): ${fmt(inline)}`);

// --- worker thread ----------------------------------------------------------------------------
// The scheduler's ring holds the 2 h as typed columns; a run copies the window out and transfers it.
const ring = new MlSampleRing();
for (const s of samples) ring.push(s);
const runner = new WorkerMlRunner();
await runner.run(ring.window(ctx.timeMs, 7200), ctx); // start-up and JIT warm-up
for (let i = 0; i < 2; i++) await runner.run(ring.window(ctx.timeMs, 7200), ctx);
const inWorker: number[] = [];
const roundTrip: number[] = [];
const mainThread: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  const p = runner.run(ring.window(ctx.timeMs, 7200), ctx);
  mainThread.push(performance.now() - t0);
  await p;
  roundTrip.push(performance.now() - t0);
  inWorker.push(runner.lastAnalysisMs ?? NaN);
}
await runner.dispose();
console.log(`analysis in the worker thread: ${fmt(inWorker)}`);
console.log(`run round trip (pack, transfer, analyse, reply): ${fmt(roundTrip)}`);
console.log(`packet-loop thread time to hand a window to the worker: ${fmt(mainThread)}`);

// --- packet loop latency with and without analyses running ------------------------------------
async function packetLoop(config: WellConfig): Promise<{ all: number[]; triggers: number[]; reports: number }> {
  const engine = createEngine(config, { storage: new MemoryStore(), healthIntervalMs: 0 });
  let reports = 0;
  engine.on('mlReport', () => reports++);
  await engine.start();
  const all: number[] = [];
  const triggers: number[] = [];
  const step = config.ml.interval_s * 1000;
  let next = Math.floor(packets[0].timeMs / step) * step + step;
  let k = 0;
  for (const p of fresh()) {
    const t0 = performance.now();
    engine.ingest(p);
    const ms = performance.now() - t0;
    all.push(ms);
    if (p.timeMs >= next) {
      triggers.push(ms);
      next += step;
    }
    // Let the worker's replies in now and then, as a live feed's idle time between packets does.
    if (++k % 200 === 0) await new Promise((r) => setImmediate(r));
  }
  await engine.dispose();
  return { all, triggers, reports };
}

const base = defaultConfig();
const off = await packetLoop({ ...base, ml: { ...base.ml, enabled: false } });
const on = await packetLoop({ ...base, ml: { ...base.ml, enabled: true, interval_s: 300 } });
const line = (name: string, r: { all: number[] }) =>
  `${name}: p50 ${(pct(r.all, 0.5) * 1000).toFixed(0)} µs, p99 ${(pct(r.all, 0.99) * 1000).toFixed(0)} µs, max ${Math.max(...r.all).toFixed(1)} ms over ${r.all.length} packets`;
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
console.log(line('packet loop, ML off', off));
console.log(line(`packet loop, ML every 5 min of data (${on.reports} worker runs overlapping the feed)`, on));
console.log(`trigger packets (collect + hand over the window): median ${pct(on.triggers, 0.5).toFixed(2)} ms, max ${Math.max(...on.triggers).toFixed(2)} ms`);
