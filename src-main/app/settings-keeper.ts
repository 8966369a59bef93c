// Run-time changes (config, source and units, campaign) as saved in runtime_settings.json:
// what was loaded at start, and a save after each accepted change.
import type { WellConfig } from '../../src-shared/config.js';
import { mergeConfig } from '../config/merge.js';
import type { StartupNotice } from '../../src-shared/health.js';
import { emptyRuntimeSettings, type RuntimeSettings, type RuntimeSettingsFile } from '../config/runtime-settings.js';

export class SettingsKeeper {
  readonly saved: RuntimeSettings;
  /** Messages for the log at start (unreadable file, saved changes that no longer validate). */
  readonly warnings: string[] = [];
  /** Set when the saved file was damaged and renamed aside. */
  readonly notice: StartupNotice | null = null;

  constructor(private readonly file: RuntimeSettingsFile | null) {
    const loaded = file ? file.load() : { settings: emptyRuntimeSettings(), warning: null, setAside: null };
    if (loaded.warning) this.warnings.push(loaded.warning);
    if (file && loaded.setAside) this.notice = { kind: 'file-set-aside', file: file.path, summary: loaded.warning ?? '' };
    this.saved = loaded.settings;
  }

  /** The configuration file with the saved run-time changes over it. */
  configOver(fileConfig: WellConfig): WellConfig {
    if (Object.keys(this.saved.config).length === 0) return fileConfig;
    const merged = mergeConfig(fileConfig, this.saved.config);
    if (merged.ok && merged.config) return merged.config;
    this.warnings.push(`saved configuration changes no longer validate (${merged.errors.map((e) => e.message).join('; ')}); using the configuration file`);
    return fileConfig;
  }

  /** Returns an error message when the file could not be written; then nothing is kept in memory either. */
  persist(patch: Partial<RuntimeSettings>): string | null {
    const next = { ...this.saved, ...patch };
    const err = this.file?.save(next) ?? null;
    if (!err) Object.assign(this.saved, patch);
    return err;
  }
}
