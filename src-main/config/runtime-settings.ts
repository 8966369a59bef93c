// What the crew changed at run time (Settings or the API) survives a restart: configuration
// changes, the data source with its units, and the campaign are kept in
// `<data dir>/runtime_settings.json` and applied over the configuration file at start.
// Written atomically. A damaged file is set aside (renamed .corrupt-<time>, so the next change
// cannot overwrite what it held), reported, and the app runs on the configuration file.
import { z } from 'zod';
import { SourceConfigSchema } from '../../src-shared/bridge.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { SourceConfig } from '../../src-shared/source.js';
import type { UnitSystem } from '../../src-shared/units.js';
import { JsonFile, nodeTextFiles, type TextFiles } from '../storage/json-file.js';
import { setAsideDamagedFile } from '../storage/set-aside.js';

export const RUNTIME_SETTINGS_FILE = 'runtime_settings.json';

export interface RuntimeSettings {
  schema_version: 1;
  /** Config changes applied at run time, merged in order (a partial WellConfig). */
  config: Record<string, unknown>;
  source: SourceConfig | null;
  units: UnitSystem | null;
  campaign: Campaign | null;
}

const Schema = z.object({
  schema_version: z.literal(1),
  config: z.record(z.string(), z.unknown()),
  source: SourceConfigSchema.nullable(),
  units: z.enum(['imperial', 'metric']).nullable(),
  campaign: z.enum(['production', 'plug_abandonment']).nullable(),
});

export const emptyRuntimeSettings = (): RuntimeSettings => ({ schema_version: 1, config: {}, source: null, units: null, campaign: null });

export class RuntimeSettingsFile {
  private readonly file: JsonFile;

  constructor(
    readonly dataDir: string,
    files: TextFiles = nodeTextFiles,
  ) {
    this.file = new JsonFile(dataDir, RUNTIME_SETTINGS_FILE, files);
  }

  get path(): string {
    return this.file.path;
  }

  load(nowMs: number = Date.now()): { settings: RuntimeSettings; warning: string | null; setAside: string | null } {
    let text: string | null;
    try {
      text = this.file.readText();
    } catch (e) {
      return { settings: emptyRuntimeSettings(), warning: `cannot read ${this.path}: ${(e as Error).message}; saved settings ignored`, setAside: null };
    }
    if (text === null) return { settings: emptyRuntimeSettings(), warning: null, setAside: null };
    let why: string;
    try {
      const r = Schema.safeParse(JSON.parse(text));
      if (r.success) return { settings: r.data as RuntimeSettings, warning: null, setAside: null };
      const i = r.error.issues[0];
      why = `is invalid at ${i.path.join('.') || '(root)'}: ${i.message}`;
    } catch {
      why = 'is not valid JSON';
    }
    return this.setAsideDamaged(why, nowMs);
  }

  private setAsideDamaged(why: string, nowMs: number): { settings: RuntimeSettings; warning: string; setAside: string | null } {
    try {
      const moved = setAsideDamagedFile(this.path, nowMs);
      return { settings: emptyRuntimeSettings(), warning: `${this.path} ${why}: kept as ${moved}; saved settings not applied (running on the configuration file)`, setAside: moved };
    } catch (e) {
      return { settings: emptyRuntimeSettings(), warning: `${this.path} ${why} and cannot be set aside (${(e as Error).message}); saved settings ignored`, setAside: null };
    }
  }

  /** Returns an error message instead of throwing: a full disk must not stop the advice. */
  save(settings: RuntimeSettings): string | null {
    return this.file.save(settings);
  }
}
