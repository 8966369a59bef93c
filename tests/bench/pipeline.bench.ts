// `npm run bench`: 24 h of simulated mixed drilling through the deterministic pipeline.
// Prints packets/s (coordinator alone, and the whole engine with in-memory storage) and the
// per-phase p50/p99. Samples are generated first so the simulator's cost is not counted.
import { defaultConfig } from '../../src-shared/config.js';
import { makePacket, type WitsPacket } from '../../src-shared/wits.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import type { PipelineCoordinator } from '../../src-main/pipeline/coordinator.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';
import { bareCoordinator } from '../support/coordinator.js';

const DURATION_S = 24 * 3600;
const config = defaultConfig();
const sim = createSimulation({ scenario: 'mixed', seed: 42, durationS: DURATION_S });
const packets: WitsPacket[] = [];
for (const s of sim) packets.push(makePacket(s.timeMs, s.values));
const fresh = () => packets.map((p) => ({ ...p, quality: { level: p.quality.level, reasons: [] as string[] } }));

function runCoordinator(): { ms: number; c: PipelineCoordinator } {
  const c = bareCoordinator(config, 'production', () => performance.now());
  const input = fresh();
  const t0 = performance.now();
  for (const p of input) c.process(p);
  return { ms: performance.now() - t0, c };
}

// Warm-up run so the JIT has seen the code, then the measured one.
runCoordinator();
const { ms, c } = runCoordinator();
const pps = (packets.length / ms) * 1000;
console.log(`pipeline (coordinator): ${packets.length} packets (24 h at 1 Hz) in ${(ms / 1000).toFixed(2)} s = ${pps.toFixed(0)} packets/s, ${((ms * 1000) / packets.length).toFixed(1)} µs/packet`);
console.log(`tickets ${c.counts.tickets} (${((100 * c.counts.tickets) / packets.length).toFixed(2)} % of packets), confirmed ${c.counts.confirmed}, advisories ${c.counts.advisories}`);
console.log('phase           p50 µs    p99 µs');
for (const [phase, l] of Object.entries(c.latency.summary())) {
  console.log(`${phase.padEnd(14)} ${(l.p50Ms * 1000).toFixed(1).padStart(7)} ${(l.p99Ms * 1000).toFixed(1).padStart(9)}`);
}

const engine = createEngine(config, { storage: new MemoryStore(), healthIntervalMs: 0 });
await engine.start();
const input = fresh();
const t0 = performance.now();
for (const p of input) engine.ingest(p);
const engineMs = performance.now() - t0;
await engine.dispose();
console.log(`engine (with in-memory storage and events): ${((packets.length / engineMs) * 1000).toFixed(0)} packets/s`);
console.log(`heap used after run: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
