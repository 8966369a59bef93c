// npm run bench:hub — the fleet hub under a fleet's load: 1,000 simulated rigs (a load
// generator, not engines) upload events and sync the library against one, then two hub
// instances (separate processes) on one PostgreSQL. Prints uploads/s, latency percentiles,
// curation rate, a full 50,000-episode library download and a sync storm, 1 vs 2 instances.
//
// PostgreSQL: $SAIREN_TEST_PG_URL if set, else a throw-away durable cluster (tests/support/pg.sh,
// fsync on). Sizes: BENCH_RIGS (1000), BENCH_EVENTS_PER_RIG (50), BENCH_CONCURRENCY (64).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { zstdCompress, zstdDecompressBounded } from '../../src-hub/zstd.js';
import { LibraryDeltaSchema, type FleetEvent } from '../../src-shared/fleet.js';
import { makeFleetEvent } from '../support/fleet-fixtures.js';

const RIGS = Number(process.env.BENCH_RIGS ?? 1000);
const EVENTS_PER_RIG = Number(process.env.BENCH_EVENTS_PER_RIG ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const root = path.resolve(import.meta.dirname, '..', '..');
const pgScript = path.join(root, 'tests', 'support', 'pg.sh');

// ---- PostgreSQL and hub processes ----

let pgDir: string | null = null;
let baseUrl = process.env.SAIREN_TEST_PG_URL ?? '';
if (!baseUrl) {
  const out = execFileSync('bash', [pgScript, 'start'], { encoding: 'utf8', env: { ...process.env, PG_DURABLE: '1' } });
  baseUrl = /SAIREN_TEST_PG_URL=(\S+)/.exec(out)![1];
  pgDir = /SAIREN_TEST_PG_DIR=(\S+)/.exec(out)![1];
}
const dbName = `bench_hub_${Date.now()}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const dbUrl = Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString();
const sql = new pg.Client({ connectionString: dbUrl });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

interface Hub {
  url: string;
  proc: ChildProcess;
}

async function startHubProcess(): Promise<Hub> {
  const port = await freePort();
  // The admin key registers all 1,000 rigs within a minute; each rig stays far below its allowance.
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src-hub', 'main.ts')], {
    cwd: root,
    env: { ...process.env, SAIREN_HUB_DATABASE_URL: dbUrl, SAIREN_HUB_ADMIN_KEY: ADMIN_KEY, SAIREN_HUB_PORT: String(port), SAIREN_HUB_RATE_LIMIT_PER_MIN: '5000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => (d.toString().includes('listening on') ? resolve() : undefined));
    proc.on('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, proc };
}

const stopHub = (h: Hub) => new Promise<void>((resolve) => (h.proc.exitCode !== null ? resolve() : (h.proc.once('exit', () => resolve()), h.proc.kill('SIGTERM'))));

// ---- HTTP load generator ----

// Idle sockets are dropped after 60 s, before the hub's 72 s keep-alive timeout closes them.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2, timeout: 60_000 });

interface Reply {
  status: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
  ms: number;
}

function call(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<Reply> {
  const t0 = performance.now();
  const attempt = (): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers, ms: performance.now() - t0 }));
        res.on('error', reject);
      });
      // A kept-alive socket the hub closed just as it was reused: the request never reached
      // the hub, so sending it again on a fresh socket is safe (and what a client would do).
      req.on('error', (e: NodeJS.ErrnoException) => (req.reusedSocket && e.code === 'ECONNRESET' ? attempt().then(resolve, reject) : reject(e)));
      req.end(body);
    });
  return attempt();
}

/** Runs jobs with at most CONCURRENCY in flight; returns the wall time. */
async function pool<T>(items: T[], job: (item: T, i: number) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await job(items[i], i);
      }
    }),
  );
  return performance.now() - t0;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

interface Rig {
  id: string;
  key: string;
}

const rigHeaders = (r: Rig, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${r.key}`, 'x-rig-id': r.id, ...extra });

// ---- workload ----

function eventBodies(rigs: Rig[], from: number, count: number, nowMs: number): { rig: Rig; body: Buffer }[] {
  const template = makeFleetEvent({ rigId: 'TEMPLATE', timeMs: nowMs, historySeconds: 60 });
  const out: { rig: Rig; body: Buffer }[] = [];
  for (let k = from; k < from + count; k++) {
    for (let r = 0; r < rigs.length; r++) {
      const rig = rigs[r];
      const timeMs = nowMs - 60_000 - k * 20 * 60_000 - r;
      // Vary the last second (the key metrics) so episodes compress like real ones, not clones.
      const n = k * 1000 + r;
      const last = { ...template.historyWindow[59], sppDeltaPsi: (n * 37) % 400, torqueDeltaFraction: ((n * 13) % 30) / 100, ropFtHr: 5 + ((n * 7) % 90) + (n % 10) / 10,
        mseEfficiencyPercent: 40 + ((n * 11) % 55) + (n % 7) / 10, ecdMarginPpg: ((n * 17) % 20) / 10, dExponent: 1 + (n % 9) / 10, flowBalanceGpm: ((n * 3) % 21) - 10 };
      const ev: FleetEvent = {
        ...template,
        historyWindow: [...template.historyWindow.slice(0, 59), last],
        id: `${rig.id}-${timeMs}`,
        rigId: rig.id,
        timeMs,
        depthFt: 2_000 + k * 150 + (r % 97),
        outcome: k % 3 === 0 ? { kind: 'Resolved', action: `worked pipe and pumped sweep, event ${k}` } : { kind: 'Pending' },
        category: k % 2 ? 'Mechanical' : 'Hydraulics',
        fault: k % 2 ? 'pack-off' : 'washout',
      };
      out.push({ rig, body: zstdCompress(JSON.stringify(ev)) });
    }
  }
  return out;
}

async function uploadPhase(hubs: Hub[], bodies: { rig: Rig; body: Buffer }[]) {
  const lat: number[] = [];
  let errors = 0;
  const ms = await pool(bodies, async ({ rig, body }, i) => {
    const hub = hubs[i % hubs.length]; // round-robin, as a load balancer would
    const r = await call(`${hub.url}/api/fleet/events`, 'POST', rigHeaders(rig, { 'content-type': 'application/json', 'content-encoding': 'zstd' }), body);
    if (r.status !== 201) errors++;
    lat.push(r.ms);
  });
  return { uploads: bodies.length, seconds: r1(ms / 1000), perSecond: Math.round(bodies.length / (ms / 1000)), p50Ms: r1(pct(lat, 50)), p99Ms: r1(pct(lat, 99)), maxMs: r1(Math.max(...lat)), errors };
}

/** Every rig's first call to each instance pays one scrypt check (then remembered for 5 min). */
async function warmUp(hubs: Hub[], rigs: Rig[]) {
  const pairs = hubs.flatMap((h) => rigs.map((r) => ({ h, r })));
  const ms = await pool(pairs, async ({ h, r }) => {
    const res = await call(`${h.url}/api/fleet/rigs`, 'GET', rigHeaders(r));
    if (res.status !== 200) throw new Error(`warm-up ${r.id}: ${res.status}`);
  });
  return { calls: pairs.length, seconds: r1(ms / 1000), perSecond: Math.round(pairs.length / (ms / 1000)) };
}

async function curatorCatchUp(hubs: Hub[]) {
  const t0 = performance.now();
  for (;;) {
    const left = (await sql.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM events WHERE NOT curated')).rows[0].n;
    if (left === 0) break;
    await call(`${hubs[0].url}/api/fleet/admin/curate`, 'POST', { authorization: `Bearer ${ADMIN_KEY}` });
  }
  return r1((performance.now() - t0) / 1000);
}

async function fullSync(hub: Hub, rig: Rig) {
  const t0 = performance.now();
  let cursor: string | null = null;
  let bytes = 0;
  let episodes = 0;
  let pages = 0;
  let version = 0;
  do {
    const q: string = `since=0${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await call(`${hub.url}/api/fleet/library?${q}`, 'GET', rigHeaders(rig));
    if (r.status !== 200) throw new Error(`library page: ${r.status} ${r.body.toString()}`);
    bytes += r.body.length;
    pages++;
    const delta = LibraryDeltaSchema.parse(JSON.parse(zstdDecompressBounded(r.body, 1e9).toString('utf8')));
    episodes += delta.episodes.length;
    version = delta.version;
    cursor = (r.headers['x-library-next'] as string | undefined) ?? null;
  } while (cursor);
  return { episodes, pages, compressedBytes: bytes, bytesPerEpisode: r1(bytes / Math.max(1, episodes)), seconds: r1((performance.now() - t0) / 1000), version };
}

/** Every rig asks for the delta since `since` (the last stretch of uploads), one page each. */
async function syncStorm(hubs: Hub[], rigs: Rig[], since: number) {
  const lat: number[] = [];
  let bytes = 0;
  const ms = await pool(rigs, async (rig, i) => {
    const r = await call(`${hubs[i % hubs.length].url}/api/fleet/library?since=${since}&limit=500`, 'GET', rigHeaders(rig));
    if (r.status !== 200 && r.status !== 304) throw new Error(`sync: ${r.status}`);
    bytes += r.body.length;
    lat.push(r.ms);
  });
  return { syncs: rigs.length, perSecond: Math.round(rigs.length / (ms / 1000)), p50Ms: r1(pct(lat, 50)), p99Ms: r1(pct(lat, 99)), avgBytes: Math.round(bytes / rigs.length) };
}

// ---- run ----

const results: Record<string, unknown> = {};
let hubs: Hub[] = [];
try {
  await sql.connect();
  hubs = [await startHubProcess()];
  console.log(`hub bench: ${RIGS} rigs x ${EVENTS_PER_RIG} events, ${CONCURRENCY} concurrent requests, PostgreSQL ${pgDir ? 'throw-away durable cluster' : 'from SAIREN_TEST_PG_URL'}`);

  const t0 = performance.now();
  const rigs: Rig[] = new Array(RIGS);
  await pool(Array.from({ length: RIGS }, (_, i) => i), async (i) => {
    const id = `BENCH-${String(i).padStart(4, '0')}`;
    const r = await call(`${hubs[0].url}/api/fleet/admin/rigs`, 'POST', { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ rigId: id })));
    if (r.status !== 201) throw new Error(`register ${id}: ${r.status}`);
    rigs[i] = { id, key: (JSON.parse(r.body.toString()) as { key: string }).key };
  });
  results.register = { rigs: RIGS, seconds: r1((performance.now() - t0) / 1000) };
  console.log('registered', results.register);

  const now = Date.now();
  const half = Math.floor(EVENTS_PER_RIG / 2);
  const phase1 = eventBodies(rigs, 0, half, now);
  const phase2 = eventBodies(rigs, half, EVENTS_PER_RIG - half, now);

  results.warmUp1 = await warmUp(hubs, rigs);
  console.log('1 instance: warm-up (scrypt once per rig)', results.warmUp1);
  results.upload1 = await uploadPhase(hubs, phase1);
  console.log('1 instance: uploads', results.upload1);
  results.curate1s = await curatorCatchUp(hubs);
  const v1 = (await sql.query<{ version: number }>('SELECT version::int AS version FROM library_meta')).rows[0].version;
  results.storm1 = await syncStorm(hubs, rigs, Math.max(0, v1 - 3));
  console.log('1 instance: curator catch-up after uploads', results.curate1s, 's; sync storm', results.storm1);

  hubs.push(await startHubProcess());
  results.warmUp2 = await warmUp(hubs.slice(1), rigs);
  console.log('2 instances: warm-up of the new instance', results.warmUp2);
  results.upload2 = await uploadPhase(hubs, phase2);
  console.log('2 instances: uploads', results.upload2);
  results.curate2s = await curatorCatchUp(hubs);
  const v2 = (await sql.query<{ version: number }>('SELECT version::int AS version FROM library_meta')).rows[0].version;
  results.storm2 = await syncStorm(hubs, rigs, Math.max(0, v2 - 3));
  console.log('2 instances: curator catch-up after uploads', results.curate2s, 's; sync storm', results.storm2);

  const size = (await sql.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM episodes')).rows[0].n;
  const outsider = rigs[0];
  results.fullSync = { librarySize: size, ...(await fullSync(hubs[1], outsider)) };
  console.log('full library download (one rig, all pages)', results.fullSync);
  const dup = (await sql.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM (SELECT event_id FROM episodes GROUP BY event_id HAVING COUNT(*) > 1) d')).rows[0].n;
  const events = (await sql.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM events')).rows[0].n;
  results.integrity = { events, expected: RIGS * EVENTS_PER_RIG, duplicateEpisodes: dup };
  console.log('integrity', results.integrity);
  console.log(JSON.stringify({ bench: 'hub', rigs: RIGS, eventsPerRig: EVENTS_PER_RIG, concurrency: CONCURRENCY, cpus: (await import('node:os')).cpus().length, ...results }));
} finally {
  await Promise.all(hubs.map(stopHub));
  agent.destroy();
  await sql.end().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
  if (pgDir) execFileSync('bash', [pgScript, 'stop', pgDir]);
}
