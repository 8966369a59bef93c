// Holds the current config for the running engine. Updates are validated as a whole and,
// when accepted, swapped in at once; the pipeline reads `get()` per packet, so a change
// applies from the next packet. Listeners get the audit-ready diff.
import type { ConfigIssue, WellConfig } from '../../src-shared/config.js';
import { diffConfig, mergeConfig, type ConfigChange } from './merge.js';

export interface ConfigUpdateResult {
  ok: boolean;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
  /** Changed leaf keys with before/after values; empty when rejected or a no-op. */
  changes: ConfigChange[];
}

export interface ConfigUpdateEvent {
  timeMs: number;
  actor: string;
  before: WellConfig;
  after: WellConfig;
  changes: ConfigChange[];
}

export type ConfigListener = (e: ConfigUpdateEvent) => void;

export class ConfigStore {
  private current: WellConfig;
  private readonly listeners = new Set<ConfigListener>();

  constructor(initial: WellConfig) {
    this.current = initial;
  }

  get(): WellConfig {
    return this.current;
  }

  update(partial: unknown, actor: string, nowMs: number): ConfigUpdateResult {
    const merged = mergeConfig(this.current, partial);
    if (!merged.ok || !merged.config) {
      return { ok: false, errors: merged.errors, warnings: merged.warnings, changes: [] };
    }
    const before = this.current;
    const after = merged.config;
    const changes = diffConfig(before, after);
    if (changes.length > 0) {
      this.current = after;
      const event: ConfigUpdateEvent = { timeMs: nowMs, actor, before, after, changes };
      for (const l of this.listeners) l(event);
    }
    return { ok: true, errors: [], warnings: merged.warnings, changes };
  }

  onChange(listener: ConfigListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
