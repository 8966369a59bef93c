// `npm test` preflight: the suites drive real programs (socat for serial ports, Debian's
// chromium for the dashboard, PostgreSQL for the hub and postgres-store tests). Missing ones
// stop the run at once with the command to install them, instead of suites failing later.
import { spawnSync } from 'node:child_process';

const onPath = (program: string): boolean => spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
/** Debian keeps initdb under /usr/lib/postgresql/<version>/bin, off the PATH. */
const postgresInstalled = (): boolean =>
  Boolean(process.env.SAIREN_TEST_PG_URL) || onPath('initdb') || spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' }).status === 0;

const NEEDED: { program: string; pkg: string; why: string; present?: () => boolean }[] = [
  { program: 'socat', pkg: 'socat', why: 'serial-port tests on a pseudo-terminal' },
  { program: 'chromium', pkg: 'chromium', why: 'dashboard end-to-end tests' },
  { program: 'postgresql', pkg: 'postgresql', why: 'fleet hub and PostgreSQL storage tests', present: postgresInstalled },
];

const missing = NEEDED.filter((n) => !(n.present ? n.present() : onPath(n.program)));
if (missing.length > 0) {
  const list = missing.map((m) => `${m.program} (${m.why})`).join(', ');
  process.stderr.write(`npm test needs ${list}: install with  sudo apt-get install -y ${missing.map((m) => m.pkg).join(' ')}\n`);
  process.exit(1);
}
