// Which model files the engine may open when asked at run time (setLlmModel from Settings, the
// API or IPC): a `.gguf` inside the models folder, or one the person at the desktop picked in
// the file dialog (the Electron shell keeps that list). Anything else is refused before it is
// read, and a refusal never quotes the file's bytes (a loader's "bad magic: got 'root'" did).
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { extname, sep } from 'node:path';

export interface ModelPathPolicy {
  /** The shipped models folder (resources/models). */
  modelsDir: string;
  /** Whether the person picked this file (real path) in the file dialog. */
  picked(realPath: string): boolean;
}

export type ModelPathCheck = { ok: true; path: string } | { ok: false; reason: string };

const GGUF_MAGIC = Buffer.from('GGUF', 'ascii');

function startsWithGgufMagic(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.equals(GGUF_MAGIC);
  } finally {
    closeSync(fd);
  }
}

function realDir(dir: string): string | null {
  try {
    return realpathSync(dir);
  } catch {
    return null;
  }
}

/** '' (no model: templates, or the automatic choice) passes; a file must pass every rule. */
export function checkModelPath(path: string, policy: ModelPathPolicy): ModelPathCheck {
  const requested = path.trim();
  if (requested === '') return { ok: true, path: '' };
  if (extname(requested).toLowerCase() !== '.gguf') return { ok: false, reason: 'only .gguf model files can be loaded' };
  let real: string;
  try {
    real = realpathSync(requested); // symlinks resolved: a link in the models folder cannot point out of it
  } catch {
    return { ok: false, reason: 'no such model file' };
  }
  if (extname(real).toLowerCase() !== '.gguf') return { ok: false, reason: 'only .gguf model files can be loaded' };
  const models = realDir(policy.modelsDir);
  const inModels = models !== null && real.startsWith(models.endsWith(sep) ? models : models + sep);
  if (!inModels && !policy.picked(real)) {
    return { ok: false, reason: `the model must be in the models folder (${policy.modelsDir}) or chosen in the file dialog` };
  }
  try {
    if (!statSync(real).isFile()) return { ok: false, reason: 'the model path is not a file' };
    if (!startsWithGgufMagic(real)) return { ok: false, reason: 'the file is not a GGUF model (it does not start with the GGUF signature)' };
  } catch {
    return { ok: false, reason: 'the model file cannot be read' };
  }
  return { ok: true, path: real };
}

/** Headless mode has no file dialog: only the models folder. */
export const modelsFolderOnly = (modelsDir: string): ModelPathPolicy => ({ modelsDir, picked: () => false });
