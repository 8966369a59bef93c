// What the crew changed at run time (Settings or the API) survives a restart: configuration
// changes, the data source with its units, and the campaign are kept in
// `<data dir>/runtime_settings.json` and applied over the configuration file at start.
// Written atomically; a corrupt file is reported and ignored, never fatal.
import { join } from 'node:path';
import { z } from 'zod';
import { SourceConfigSchema } from '../../src-shared/bridge.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { SourceConfig } from '../../src-shared/source.js';
import type { UnitSystem } from '../../src-shared/units.js';
import { nodeBaselineFs, type BaselineFs } from '../baseline/baseline-file.js';

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
  readonly path: string;

  constructor(
    readonly dataDir: string,
    private readonly fs: BaselineFs = nodeBaselineFs,
  ) {
    this.path = join(dataDir, RUNTIME_SETTINGS_FILE);
  }

  load(): { settings: RuntimeSettings; warning: string | null } {
    let text: string | null;
    try {
      text = this.fs.readText(this.path);
    } catch (e) {
      return { settings: emptyRuntimeSettings(), warning: `cannot read ${this.path}: ${(e as Error).message}; saved settings ignored` };
    }
    if (text === null) return { settings: emptyRuntimeSettings(), warning: null };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { settings: emptyRuntimeSettings(), warning: `${this.path} is not valid JSON; saved settings ignored` };
    }
    const r = Schema.safeParse(raw);
    if (!r.success) {
      const i = r.error.issues[0];
      return { settings: emptyRuntimeSettings(), warning: `${this.path} is invalid at ${i.path.join('.') || '(root)'}: ${i.message}; saved settings ignored` };
    }
    return { settings: r.data as RuntimeSettings, warning: null };
  }

  /** Returns an error message instead of throwing: a full disk must not stop the advice. */
  save(settings: RuntimeSettings): string | null {
    const tmp = `${this.path}.tmp`;
    try {
      this.fs.ensureDir(this.dataDir);
      this.fs.writeText(tmp, JSON.stringify(settings, null, 2));
      this.fs.rename(tmp, this.path);
      return null;
    } catch (e) {
      return `cannot save ${this.path}: ${(e as Error).message}`;
    }
  }
}
