// Where the model file comes from: the configured path (settings / well_config llm.model_path),
// else the first `*.gguf` by name in resources/models, else none -> template-only mode. No model
// is a status for the banner, not an error.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type ModelDiscovery =
  | { kind: 'found'; path: string; source: 'config' | 'resources'; detail: string }
  | { kind: 'none'; detail: string };

export const DEFAULT_MODELS_DIR = 'resources/models';

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export function discoverModel(configuredPath: string, modelsDir: string = DEFAULT_MODELS_DIR): ModelDiscovery {
  const configured = configuredPath.trim();
  let note = '';
  if (configured !== '') {
    const p = resolve(configured);
    if (isFile(p)) return { kind: 'found', path: p, source: 'config', detail: `model from settings: ${p}` };
    note = `configured model ${p} not found; `;
  }
  const dir = resolve(modelsDir);
  if (existsSync(dir)) {
    let names: string[] = [];
    try {
      names = readdirSync(dir)
        .filter((n) => n.toLowerCase().endsWith('.gguf'))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch {
      names = [];
    }
    for (const n of names) {
      const p = join(dir, n);
      if (isFile(p)) return { kind: 'found', path: p, source: 'resources', detail: `${note}model from ${dir}: ${n}` };
    }
  }
  return { kind: 'none', detail: `${note}no model file (no *.gguf in ${dir}): template-only mode` };
}
