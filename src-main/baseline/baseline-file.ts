// Persistence edge for the baseline: data/baseline_state.json written atomically (temp file +
// rename, so a crash mid-write never leaves half a file). A corrupt or mismatched file is
// reported as a warning and learning starts over; it never stops the engine.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BaselineState } from './learner.js';

export const BASELINE_FILE_NAME = 'baseline_state.json';

/** Small file-system port so tests can fake failures. */
export interface BaselineFs {
  readText(path: string): string | null;
  writeText(path: string, text: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  ensureDir(path: string): void;
}

export const nodeBaselineFs: BaselineFs = {
  readText(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  },
  writeText: (path, text) => writeFileSync(path, text, 'utf8'),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
  ensureDir: (path) => mkdirSync(path, { recursive: true }),
};

const ThresholdSchema = z.object({
  mean: z.number().finite(),
  std: z.number().finite().min(0),
  warning_sigma: z.number().finite(),
  critical_sigma: z.number().finite(),
  locked: z.boolean(),
  locked_timestamp: z.number().finite().nullable(),
  sample_count: z.number().int().min(0),
  min: z.number().finite(),
  max: z.number().finite(),
});

const StateSchema = z.object({
  schema_version: z.literal(2),
  thresholds: z.record(z.string().regex(/^[^:]+:[a-z_]+$/), ThresholdSchema),
});

export interface BaselineLoadResult {
  state: BaselineState | null;
  /** Set when a file existed but could not be used; learning restarts. */
  warning: string | null;
}

/** Pure: parses and checks the file text. */
export function parseBaselineState(text: string): BaselineLoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { state: null, warning: `${BASELINE_FILE_NAME} is not valid JSON; baseline learning restarts` };
  }
  const version = (raw as { schema_version?: unknown } | null)?.schema_version;
  if (version !== 2) {
    return { state: null, warning: `${BASELINE_FILE_NAME} has schema_version ${String(version)}, expected 2; baseline learning restarts` };
  }
  const r = StateSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    return {
      state: null,
      warning: `${BASELINE_FILE_NAME} is corrupt at ${first.path.join('.')}: ${first.message}; baseline learning restarts`,
    };
  }
  return { state: r.data, warning: null };
}

export class BaselineFile {
  readonly path: string;

  constructor(
    readonly dataDir: string,
    private readonly fs: BaselineFs = nodeBaselineFs,
  ) {
    this.path = join(dataDir, BASELINE_FILE_NAME);
  }

  load(): BaselineLoadResult {
    let text: string | null;
    try {
      text = this.fs.readText(this.path);
    } catch (e) {
      return { state: null, warning: `cannot read ${this.path}: ${e instanceof Error ? e.message : String(e)}; baseline learning restarts` };
    }
    if (text === null) return { state: null, warning: null };
    return parseBaselineState(text);
  }

  /** Atomic save. Returns an error message instead of throwing (a full disk must not stop drilling advice). */
  save(state: BaselineState): string | null {
    const tmp = `${this.path}.tmp`;
    try {
      this.fs.ensureDir(this.dataDir);
      this.fs.writeText(tmp, JSON.stringify(state, null, 2));
      this.fs.rename(tmp, this.path);
      return null;
    } catch (e) {
      return `cannot save ${this.path}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  reset(): void {
    this.fs.remove(this.path);
  }
}
