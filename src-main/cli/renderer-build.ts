// The dashboard is served from dist-renderer; build it once when it is missing (a fresh clone),
// so `/` shows the dashboard instead of an error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Returns an error message when the build was needed and failed. */
export function ensureRendererBuilt(root: string, log: (line: string) => void): string | null {
  if (existsSync(join(root, 'dist-renderer/index.html'))) return null;
  log('building the dashboard (first run)...');
  const r = spawnSync('npm', ['run', '-s', 'build:renderer'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return r.status === 0 ? null : `the dashboard build failed (npm run build:renderer exited ${r.status}); the API still runs`;
}
