// `npm run headless -- --check-config FILE`: the validate-only call for people editing
// well_config.toml on the rig. Prints every problem with its key; returns the exit code.
import { readTextFileOrNull } from '../config/config-file.js';
import { parseConfigToml } from '../config/load.js';

export function checkConfigFile(path: string, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): number {
  const text = readTextFileOrNull(path);
  if (text === null) {
    out(`${path}: cannot read the file`);
    return 1;
  }
  const r = parseConfigToml(text, path);
  for (const e of r.errors) out(`error   ${e.message}`);
  for (const w of r.warnings) out(`warning ${w.message}`);
  const ok = r.errors.length === 0 && r.config !== null;
  out(ok ? `${path}: valid (${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'})` : `${path}: NOT valid (${r.errors.length} error${r.errors.length === 1 ? '' : 's'})`);
  return ok ? 0 : 1;
}
