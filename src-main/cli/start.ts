// `npm start`: the desktop app when Electron's runtime can run here, else headless mode with
// the dashboard served on http://127.0.0.1:8080. Says which in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNativeBuild } from './native-abi.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);

/** Why Electron cannot run here, or null when it can. */
function electronUnavailable(): string | null {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return 'Electron is not installed (an optional dependency: its binary download failed or was skipped)';
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return 'the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD)';
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return 'the Electron binary is missing';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display';
  return null;
}

function run(script: string): void {
  const r = spawnSync('npm', ['run', '-s', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const reason = electronUnavailable();
if (reason === null) {
  const abiError = ensureNativeBuild('electron');
  if (abiError) {
    console.error(`SAIREN: ${abiError}`);
    process.exit(1);
  }
  run('build:renderer');
  run('build:electron');
  const electronBin = createRequire(import.meta.url)('electron') as unknown as string;
  const child = spawn(electronBin, [join(root, 'dist/electron/src-main/electron/main.js'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const abiError = ensureNativeBuild('node');
  if (abiError) {
    console.error(`SAIREN: ${abiError}`);
    process.exit(1);
  }
  console.log(`Electron cannot start here (${reason}): running headless mode, dashboard on http://127.0.0.1:8080`);
  process.argv = [process.argv[0], join(root, 'src-main/cli/headless.ts'), ...args];
  await import('./headless.js');
}
