// Persistence edge for the baseline: data/baseline_state.json, a JsonFile (written crash-safe,
// so a kill mid-write never leaves half a file). A corrupt or mismatched file is
// reported as a warning and learning starts over; it never stops the engine.
import { z } from 'zod';
import { JsonFile, nodeTextFiles, type TextFiles } from '../storage/json-file.js';
import type { BaselineState } from './learner.js';

export const BASELINE_FILE_NAME = 'baseline_state.json';

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
  private readonly file: JsonFile;

  constructor(
    readonly dataDir: string,
    files: TextFiles = nodeTextFiles,
  ) {
    this.file = new JsonFile(dataDir, BASELINE_FILE_NAME, files);
  }

  get path(): string {
    return this.file.path;
  }

  load(): BaselineLoadResult {
    let text: string | null;
    try {
      text = this.file.readText();
    } catch (e) {
      return { state: null, warning: `cannot read ${this.path}: ${e instanceof Error ? e.message : String(e)}; baseline learning restarts` };
    }
    if (text === null) return { state: null, warning: null };
    return parseBaselineState(text);
  }

  /** Crash-safe save. Returns an error message instead of throwing (a full disk must not stop drilling advice). */
  save(state: BaselineState): string | null {
    return this.file.save(state);
  }

  reset(): void {
    this.file.remove();
  }
}
