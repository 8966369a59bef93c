// `npm test` preflight: the suites drive real programs (socat for serial ports, Debian's
// chromium for the dashboard). Missing ones stop the run at once with the command to install
// them, instead of three suites failing with ENOENT minutes later.
import { spawnSync } from 'node:child_process';

const NEEDED: { program: string; pkg: string; why: string }[] = [
  { program: 'socat', pkg: 'socat', why: 'serial-port tests on a pseudo-terminal' },
  { program: 'chromium', pkg: 'chromium', why: 'dashboard end-to-end tests' },
];

const onPath = (program: string): boolean => spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;

const missing = NEEDED.filter((n) => !onPath(n.program));
if (missing.length > 0) {
  const list = missing.map((m) => `${m.program} (${m.why})`).join(', ');
  process.stderr.write(`npm test needs ${list}: install with  sudo apt-get install -y ${missing.map((m) => m.pkg).join(' ')}\n`);
  process.exit(1);
}
