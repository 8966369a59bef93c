// Runtime updates: deep-merge a partial update over the current config, then validate the
// result as a whole (a change can break a cross-field rule with a key it did not touch).
import type { WellConfig } from '../../src-shared/config.js';
import { validateConfig, type ParsedConfig } from './validate.js';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Plain-object deep merge; arrays and scalars in `patch` replace those in `base`. */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = deepMerge(base[k], v);
  return out;
}

export function mergeConfig(current: WellConfig, partialUpdate: unknown): ParsedConfig {
  if (partialUpdate !== undefined && !isPlainObject(partialUpdate)) {
    return {
      ok: false,
      errors: [{ key: '(root)', message: '(root): a config update must be an object of sections' }],
      warnings: [],
      config: null,
    };
  }
  return validateConfig(deepMerge(current, partialUpdate ?? {}));
}

export interface ConfigChange {
  key: string;
  before: unknown;
  after: unknown;
}

/** Dotted keys whose leaf value differs (for the audit log). */
export function diffConfig(before: unknown, after: unknown, prefix = ''): ConfigChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffConfig(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ key: prefix || '(root)', before, after }];
}
