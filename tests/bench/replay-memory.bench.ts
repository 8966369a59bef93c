// `npm run bench:replay-memory [-- HOURS]`: peak resident memory of `npm run replay` over a
// simulated recording (default 72 h at 1 Hz), the figure issue 9 asked for. Writes the CSV with
// the simulator, then replays it in a child process (so the generation does not count) and
// samples that process's RSS from /proc every 200 ms.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const hours = Number(process.argv[2] ?? 72);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-replay-mem-'));
const csv = path.join(dir, `normal-${hours}h.csv`);
try {
  process.stdout.write(`writing ${hours} h of simulated drilling to ${csv}...\n`);
  const gen = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/simulate.ts', '--scenario', 'normal', '--seed', '3', '--duration', `${hours}h`, '--format', 'csv', '--out', csv], { stdio: 'inherit' });
  if (gen.status !== 0) throw new Error('simulator failed');
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/replay.ts', '--csv', csv], { stdio: ['ignore', 'pipe', 'inherit'] });
  let peakKb = 0;
  const sample = setInterval(() => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // the child has exited
    }
  }, 200);
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  clearInterval(sample);
  if (code !== 0) throw new Error(`replay exited ${code}`);
  process.stdout.write(out);
  process.stdout.write(
    `replay of ${hours} h: peak RSS ${(peakKb / 1024).toFixed(0)} MB, ${((performance.now() - t0) / 1000).toFixed(1)} s wall (process start to exit)\n`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
