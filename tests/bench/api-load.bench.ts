// npm run bench:api — load test of GET /api/v1/status on loopback while the pipeline is fed
// at 1 Hz. The server runs here; autocannon runs in a SECOND process so the load generator
// does not share this event loop. Target (issue 4): >= 2,000 req/s and p99 < 20 ms.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { defaultConfig } from '../../src-shared/config.js';
import { startApiServer } from '../../src-main/headless/server.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import { SqliteStore } from '../../src-main/storage/sqlite-store.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const TARGET_RPS = 2000;
const TARGET_P99_MS = 20;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  non2xx: number;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-bench-'));
// The real engine with the built-in simulator as its live source, paced at 1 Hz (speed 1).
const engine = createEngine(defaultConfig(), {
  storage: SqliteStore.open({ dataDir, metricsFlushMs: 1000 }),
  dataDir,
  source: { kind: 'simulator', scenario: 'normal', seed: 7, speed: 1 },
});
await engine.start();
const server = await startApiServer(engine, { host: '127.0.0.1', port: 0 });

const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const url = `${server.url}/api/v1/status`;
console.log(`autocannon (separate process): ${CONNECTIONS} connections, ${DURATION_S} s, GET ${url}`);
const child = spawn(process.execPath, [cli, '-c', String(CONNECTIONS), '-d', String(DURATION_S), '-j', url], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.on('data', (c: Buffer) => (out += c.toString()));
const code: number = await new Promise((r) => child.on('close', (c) => r(c ?? 1)));

const packetsFed = engine.status().counts.packets;
await server.close();
await engine.dispose();
fs.rmSync(dataDir, { recursive: true, force: true });

if (code !== 0) {
  console.error(`autocannon exited ${code}`);
  process.exit(1);
}
const r = JSON.parse(out) as AutocannonResult;
const pass = r.requests.average >= TARGET_RPS && r.latency.p99 < TARGET_P99_MS && r.errors === 0 && r.non2xx === 0;
console.log(
  `requests/s ${r.requests.average.toFixed(0)} (total ${r.requests.total}), latency p50 ${r.latency.p50} ms, ` +
    `p99 ${r.latency.p99} ms, max ${r.latency.max} ms, errors ${r.errors}, non-2xx ${r.non2xx}, packets fed ${packetsFed}`,
);
console.log(`${pass ? 'PASS' : 'FAIL'}: target >= ${TARGET_RPS} req/s and p99 < ${TARGET_P99_MS} ms`);
process.exit(pass ? 0 : 1);
