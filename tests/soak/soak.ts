// `npm run soak [-- HOURS]` (issue 15): HOURS (default 72) of simulated mixed drilling through the
// whole headless app (engine booted as `npm run headless` does, real SQLite data directory, HTTP
// API + Bridge listening, self-healer running) at full replay speed. Every 6 simulated hours it
// collects garbage and prints RSS, heap, active handles, open file descriptors, process
// listeners and the database size; at the end, the spread after warm-up and the database per day.
// Not part of `npm test`: it prints figures, it asserts nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootEngine } from '../../src-main/app/boot.js';
import { startApiServer } from '../../src-main/headless/server.js';
import { ApiListenerCheck } from '../../src-main/health/checks/api-listener-check.js';
import { createLogger } from '../../src-main/logging/logger.js';
import { directoryBytes } from '../../src-main/storage/storage-budget.js';

const hours = Number(process.argv[2] ?? 72);
if (!Number.isFinite(hours) || hours < 12) {
  process.stderr.write('usage: npm run soak [-- HOURS]   (at least 12)\n');
  process.exit(2);
}
const SAMPLE_EVERY_H = 6;
const WARM_UP_H = 12;
const MB = 1024 * 1024;
const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-soak-'));
const csv = path.join(dir, `mixed-${hours}h.csv`);
const dataDir = path.join(dir, 'data');

interface Sample {
  simH: number;
  rssMb: number;
  heapMb: number;
  handles: number;
  fds: number;
  listeners: number;
  dbMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
const processListeners = () => process.eventNames().reduce((n, e) => n + process.listenerCount(e), 0);
const openFds = () => fs.readdirSync('/proc/self/fd').length;

function sample(simH: number): Sample {
  gc?.();
  const m = process.memoryUsage();
  return {
    simH,
    rssMb: m.rss / MB,
    heapMb: m.heapUsed / MB,
    handles: process.getActiveResourcesInfo().length,
    fds: openFds(),
    listeners: processListeners(),
    dbMb: directoryBytes(dataDir) / MB,
  };
}

const row = (s: Sample) =>
  `${String(s.simH).padStart(5)} h  rss ${s.rssMb.toFixed(1).padStart(6)} MB  heap ${s.heapMb.toFixed(1).padStart(6)} MB  ` +
  `handles ${String(s.handles).padStart(3)}  fds ${String(s.fds).padStart(3)}  listeners ${String(s.listeners).padStart(3)}  data dir ${s.dbMb.toFixed(1)} MB`;

async function main(): Promise<void> {
  process.stdout.write(`writing ${hours} h of simulated mixed drilling to ${csv}...\n`);
  const gen = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src-main/cli/simulate.ts', '--scenario', 'mixed', '--seed', '7', '--duration', `${hours}h`, '--format', 'csv', '--out', csv],
    { cwd: root, stdio: 'inherit' },
  );
  if (gen.status !== 0) throw new Error('the simulator failed');

  const logger = createLogger({ dataDir, echo: null });
  const { engine, config } = await bootEngine({
    dataDir,
    configPath: null,
    source: { kind: 'csv', path: csv, speed: 'max' },
    campaign: null,
    units: null,
    channelMap: null,
    resourcesDir: path.join(root, 'resources'),
    log: logger.log,
    logger,
  });
  const server = await startApiServer(engine, { host: '127.0.0.1', port: 0, token: config.server.token || undefined });
  engine.registerHealthCheck(new ApiListenerCheck({ host: '127.0.0.1', port: server.port, token: config.server.token || null }));
  const samples: Sample[] = [sample(0)];
  process.stdout.write(`${row(samples[0]!)}  (before the feed)\n`);
  const totalPackets = hours * 3600;
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    let next = SAMPLE_EVERY_H;
    const poll = setInterval(() => {
      const s = engine.status();
      while (s.counts.packets >= next * 3600 && next <= hours) {
        const x = sample(next);
        samples.push(x);
        process.stdout.write(`${row(x)}\n`);
        next += SAMPLE_EVERY_H;
      }
      if (s.counts.packets >= totalPackets - 1 || (s.source.state === 'stopped' && s.counts.packets > 0)) {
        clearInterval(poll);
        resolve();
      }
    }, 200);
  });
  const wallS = (performance.now() - t0) / 1000;
  const status = engine.status();
  await server.close();
  await engine.dispose();
  logger.close();

  const warm = samples.filter((s) => s.simH >= WARM_UP_H);
  const span = (k: keyof Sample) => {
    const v = warm.map((s) => s[k]);
    return `${Math.min(...v).toFixed(1)} to ${Math.max(...v).toFixed(1)}`;
  };
  const last = samples[samples.length - 1]!;
  process.stdout.write(
    `\n${status.counts.packets.toLocaleString('en-US')} packets in ${wallS.toFixed(0)} s wall (${(status.counts.packets / wallS).toFixed(0)} packets/s); ` +
      `${status.counts.advisories} advisories, ${status.counts.tickets} tickets, ${status.counts.rejectedPackets} rejected\n` +
      `after ${WARM_UP_H} h warm-up: rss ${span('rssMb')} MB, heap ${span('heapMb')} MB, handles ${span('handles')}, fds ${span('fds')}, listeners ${span('listeners')}\n` +
      `data directory ${last.dbMb.toFixed(1)} MB after ${last.simH} h: ${((last.dbMb / last.simH) * 24).toFixed(1)} MB per simulated day\n` +
      (gc ? '' : '(run with --expose-gc for heap figures after collection)\n'),
  );
}

try {
  await main();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
