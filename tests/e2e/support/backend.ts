// The server the e2e tests drive: headless mode (src-main/cli/headless.ts) fed by the simulator
// when the CLI exists, else the in-test stand-in that speaks the same Bridge frames.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandIn, type StandIn } from './stand-in.js';

export const ROOT = process.cwd();
export const RENDERER_DIR = join(ROOT, 'dist-renderer');
export const HEADLESS_CLI = join(ROOT, 'src-main/cli/headless.ts');
export const SIMULATOR_CLI = join(ROOT, 'src-main/cli/simulate.ts');
export const useRealHeadless = existsSync(HEADLESS_CLI) && process.env.SAIREN_E2E_STAND_IN !== '1';

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
  /** Cuts the WITS feed (kills the simulator, or the stand-in's feed). */
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

function spawnTsx(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function stop(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}

/** scenario 'kick' | 'normal'; feed 'simulate' runs the built-in simulator, 'tcp' an external one we can kill. */
export async function startBackend(opts: {
  scenario: 'kick' | 'normal';
  feed?: 'simulate' | 'tcp';
  speed?: number;
  /** acquisition.feed_timeout_s for the engine (written to a well_config.toml it is given). */
  feedTimeoutS?: number;
}): Promise<Backend> {
  if (!useRealHeadless || (opts.feed === 'tcp' && !existsSync(SIMULATOR_CLI))) {
    const s: StandIn = await startStandIn(RENDERER_DIR, { scenario: opts.scenario, kickAfterMs: 2500 });
    return {
      url: s.url,
      killFeed: async () => s.setFeedOffline(true),
      restoreFeed: async () => s.setFeedOffline(false),
      close: () => s.close(),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sairen-e2e-'));
  const port = await freePort();
  let sim: ChildProcess | null = null;
  let simPort = 0;
  const startSim = async (): Promise<void> => {
    sim = spawnTsx([SIMULATOR_CLI, '--port', String(simPort), '--scenario', opts.scenario]);
    await new Promise((r) => setTimeout(r, 1500));
  };
  const args = [HEADLESS_CLI, '--port', String(port), '--data-dir', dataDir, '--quiet'];
  if (opts.feedTimeoutS !== undefined) {
    const config = join(dataDir, 'well_config.toml');
    writeFileSync(config, `[acquisition]\nfeed_timeout_s = ${opts.feedTimeoutS}\n`);
    args.push('--config', config);
  }
  if (opts.feed === 'tcp') {
    simPort = await freePort();
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
    killFeed: () => stop(sim),
    restoreFeed: startSim,
    async close() {
      await stop(sim);
      await stop(headless);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
