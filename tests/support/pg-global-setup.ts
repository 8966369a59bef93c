// Vitest global setup: the hub and PostgreSQL-store tests need a real server. CI (.ci/run) starts
// one and exports SAIREN_TEST_PG_URL; on a developer machine without it, start the same
// throw-away cluster here (tests/support/pg.sh) and stop it when the run ends.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const script = join(process.cwd(), 'tests', 'support', 'pg.sh');

export default function setup(): (() => void) | undefined {
  if (process.env.SAIREN_TEST_PG_URL) return undefined;
  let out: string;
  try {
    out = execFileSync('bash', [script, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr ?? '').trim();
    throw new Error(stderr.split('\n')[0] || `tests/support/pg.sh start failed: ${(e as Error).message}`);
  }
  const env = Object.fromEntries([...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
  process.env.SAIREN_TEST_PG_URL = env.SAIREN_TEST_PG_URL;
  const dir = env.SAIREN_TEST_PG_DIR;
  return () => {
    execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' });
  };
}
