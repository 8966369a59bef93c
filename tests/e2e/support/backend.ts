// The server the e2e tests and the renderer bench drive: the real engine in headless mode
// (src-main/cli/headless.ts), fed by its built-in simulator or by an external simulator over TCP
// that a test can kill. No stand-in: the screens are tested against the real Bridge contract.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = process.cwd();
export const HEADLESS_CLI = join(ROOT, 'src-main/cli/headless.ts');
export const SIMULATOR_CLI = join(ROOT, 'src-main/cli/simulate.ts');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Backend {
  url: string;
  dataDir: string;
  /** The external simulator's TCP port (feed 'tcp' only). */
  simPort: number;
  /** Cuts the WITS feed (kills the external simulator). */
  killFeed(): Promise<void>;
  restoreFeed(): Promise<void>;
  close(): Promise<void>;
}

async function waitHttp(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not come up in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Resolves once something accepts TCP connections on the port (a freshly spawned server). */
async function waitPort(port: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > end) throw new Error(`nothing listening on port ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function spawnTsx(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Stops a process we started, by its handle (SIGTERM, then SIGKILL after 5 s). */
export async function stop(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}

/** The WITS simulator as a separate TCP server (a rig's WITS port), stopped by its handle. */
export async function startExternalSimulator(scenario: 'kick' | 'normal', speed = 1, port?: number): Promise<{ port: number; stop: () => Promise<void> }> {
  port ??= await freePort();
  const child = spawnTsx([SIMULATOR_CLI, '--port', String(port), '--scenario', scenario, '--speed', String(speed)]);
  await waitPort(port, 60_000);
  return { port, stop: () => stop(child) };
}

export interface BackendOptions {
  scenario: 'kick' | 'normal';
  /** 'simulate' = the engine's built-in simulator; 'tcp' = an external simulator a test can kill. */
  feed?: 'simulate' | 'tcp';
  speed?: number;
  /** acquisition.feed_timeout_s for the engine (written to a well_config.toml it is given). */
  feedTimeoutS?: number;
  /** Use this data directory (e.g. one seeded with history); it is left in place on close. */
  dataDir?: string;
  /** Replay this CSV recording at `speed` instead of running a simulator (a rig the simulator does not make). */
  csv?: string;
}

/** Headless mode on a free port, up and serving the dashboard. */
export async function startBackend(opts: BackendOptions): Promise<Backend> {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'sairen-e2e-'));
  const port = await freePort();
  let sim: ChildProcess | null = null;
  const simPort = opts.feed === 'tcp' ? await freePort() : 0;
  const startSim = async (): Promise<void> => {
    sim = spawnTsx([SIMULATOR_CLI, '--port', String(simPort), '--scenario', opts.scenario, '--speed', String(opts.speed ?? 1)]);
    await waitPort(simPort, 60_000);
  };
  const args = [HEADLESS_CLI, '--port', String(port), '--data-dir', dataDir, '--quiet'];
  if (opts.feedTimeoutS !== undefined) {
    const config = join(dataDir, 'well_config.toml');
    writeFileSync(config, `[acquisition]\nfeed_timeout_s = ${opts.feedTimeoutS}\n`);
    args.push('--config', config);
  }
  if (opts.csv !== undefined) {
    args.push('--csv', opts.csv, '--speed', String(opts.speed ?? 1));
  } else if (opts.feed === 'tcp') {
    await startSim();
    args.push('--wits-tcp', `127.0.0.1:${simPort}`);
  } else {
    args.push('--simulate', opts.scenario, '--speed', String(opts.speed ?? 1));
  }
  const headless = spawnTsx(args);
  const url = `http://127.0.0.1:${port}/`;
  await waitHttp(url, 60_000);
  return {
    url,
    dataDir,
    simPort,
    killFeed: () => stop(sim),
    restoreFeed: startSim,
    async close() {
      await stop(sim);
      await stop(headless);
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Fills a data directory with `hours` of 1 Hz history ending now: the simulator writes a CSV
 * starting `hours` ago, and headless mode replays it at full speed into the directory's
 * database (the real ingest, storage and rollups). Resolves when the replay has finished.
 */
export async function seedHistory(dataDir: string, hours: number): Promise<{ packets: number; seconds: number }> {
  const t0 = Date.now();
  const csv = join(dataDir, 'seed.csv');
  const start = new Date(Date.now() - hours * 3_600_000).toISOString();
  const gen = spawnTsx([SIMULATOR_CLI, '--scenario', 'normal', '--duration', `${hours}h`, '--speed', 'max', '--start', start, '--format', 'csv', '--out', csv]);
  await new Promise<void>((resolve, reject) => gen.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`simulator exited ${code}`)))));
  const port = await freePort();
  const replay = spawnTsx([HEADLESS_CLI, '--csv', csv, '--speed', 'max', '--data-dir', dataDir, '--port', String(port), '--quiet']);
  try {
    await waitHttp(`http://127.0.0.1:${port}/api/v1/health`, 60_000);
    const expected = hours * 3600;
    for (const end = Date.now() + 300_000; ; ) {
      const s = (await (await fetch(`http://127.0.0.1:${port}/api/v1/status`)).json()) as { source: { state: string; packets: number } };
      if (s.source.state === 'offline' && s.source.packets >= expected) return { packets: s.source.packets, seconds: (Date.now() - t0) / 1000 };
      if (Date.now() > end) throw new Error(`replay did not finish: ${JSON.stringify(s.source)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await stop(replay); // flushes the metrics on the way out
    rmSync(csv, { force: true });
  }
}
