// The Electron shell's typecheck. electron is an optional dependency (npm ci must succeed behind
// a firewall that blocks its binary download, and npm drops it then), so the shell's own
// tsconfig is checked here when the package is installed, and the run says so when it is not.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

let installed = true;
try {
  createRequire(import.meta.url).resolve('electron/package.json');
} catch {
  installed = false;
}
if (!installed) {
  process.stdout.write('electron is not installed (optional dependency): the desktop shell was not typechecked\n');
  process.exit(0);
}
const r = spawnSync('npx', ['tsc', '--noEmit', '-p', 'src-main/electron/tsconfig.json'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
