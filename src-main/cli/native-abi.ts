// Native modules (better-sqlite3) are compiled for one ABI at a time: Node's for the tests and
// headless mode, Electron's for the desktop window. `npm ci` builds for Node; `npm start`
// switches to Electron's before opening the window and `npm test` switches back. A stamp file
// records which build is in node_modules so the switch costs nothing when nothing changed.
// N-API modules (node-llama-cpp, usearch, serialport) work under both and are left alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type NativeTarget = 'node' | 'electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const STAMP = join(root, 'node_modules', '.sairen-native-abi');

function electronVersion(): string {
  const pkg = createRequire(import.meta.url)('electron/package.json') as { version: string };
  return pkg.version;
}

/** What node_modules holds now; no stamp = the `npm ci` build, which is Node's. */
export function currentNativeBuild(): string {
  return existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : 'node';
}

/** Rebuilds the ABI-specific modules for `target` if needed. Returns a one-line error or null. */
export function ensureNativeBuild(target: NativeTarget): string | null {
  const wanted = target === 'node' ? 'node' : `electron-${electronVersion()}`;
  if (currentNativeBuild() === wanted) return null;
  const [cmd, args] =
    target === 'node'
      ? ['npm', ['rebuild', 'better-sqlite3']]
      : ['npx', ['electron-builder', 'install-app-deps']];
  process.stdout.write(`native modules: rebuilding for ${wanted} (${cmd} ${args.join(' ')})\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) return `rebuilding native modules for ${wanted} failed (exit ${r.status ?? r.signal})`;
  writeFileSync(STAMP, `${wanted}\n`);
  return null;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (target !== 'node' && target !== 'electron') {
    process.stderr.write('usage: native-abi node|electron\n');
    process.exit(2);
  }
  const err = ensureNativeBuild(target);
  if (err) {
    process.stderr.write(`${err}\n`);
    process.exit(1);
  }
}
