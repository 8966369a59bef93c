// Config hierarchy: $SAIREN_CONFIG -> ./well_config.toml -> built-in defaults. A file that
// cannot be read, parsed or validated is reported and the defaults are used: a bad config
// must never stop the advisory from running. I/O comes in through `readFile`.
import { parse as parseToml } from 'smol-toml';
import { defaultConfig, type ConfigIssue, type WellConfig } from '../../src-shared/config.js';
import { parseCampaign } from '../../src-shared/campaign.js';
import { validateConfig } from './validate.js';

/** Returns the file's text, or null when there is no such file. May throw on other errors. */
export type ReadTextFile = (path: string) => string | null;

export interface LoadConfigOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  readFile: ReadTextFile;
}

export interface LoadedConfig {
  config: WellConfig;
  source: 'env' | 'cwd' | 'defaults';
  /** The file the config came from; null when defaults are used. */
  path: string | null;
  warnings: ConfigIssue[];
  errors: ConfigIssue[];
  /** The file that failed to load (unreadable, missing SAIREN_CONFIG, invalid); null when none did. */
  rejected: string | null;
}

export const CONFIG_FILE_NAME = 'well_config.toml';

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

/** "TOML syntax error at line 3, column 7: invalid value (in: foo = = 3)": the line a person must fix. */
function tomlErrorText(e: unknown, text: string): string {
  const err = e as { message?: unknown; line?: unknown; column?: unknown };
  const what = (typeof err.message === 'string' ? err.message.split('\n')[0] : String(e)).replace(/^Invalid TOML document:\s*/, '');
  if (typeof err.line !== 'number') return `TOML syntax error: ${what}`;
  const source = (text.split(/\r?\n/)[err.line - 1] ?? '').trim().slice(0, 80);
  const column = typeof err.column === 'number' ? `, column ${err.column}` : '';
  return `TOML syntax error at line ${err.line}${column}: ${what}${source ? ` (in: ${source})` : ''}`;
}

/** Parses and validates TOML text; the issues carry the file path in their messages. */
export function parseConfigToml(text: string, path: string): { config: WellConfig | null; errors: ConfigIssue[]; warnings: ConfigIssue[] } {
  let raw: unknown;
  try {
    raw = parseToml(text);
  } catch (e) {
    return { config: null, errors: [{ key: '(file)', message: `${path}: ${tomlErrorText(e, text)}` }], warnings: [] };
  }
  const v = validateConfig(raw);
  return { config: v.config, errors: v.errors, warnings: v.warnings };
}

export function loadConfig({ env, cwd, readFile }: LoadConfigOptions): LoadedConfig {
  const envPath = env.SAIREN_CONFIG?.trim();
  const candidates: { source: 'env' | 'cwd'; path: string; required: boolean }[] = envPath
    ? [{ source: 'env', path: envPath, required: true }]
    : [{ source: 'cwd', path: joinPath(cwd, CONFIG_FILE_NAME), required: false }];

  let result: LoadedConfig = { config: defaultConfig(), source: 'defaults', path: null, warnings: [], errors: [], rejected: null };
  for (const c of candidates) {
    let text: string | null;
    try {
      text = readFile(c.path);
    } catch (e) {
      text = null;
      const msg = e instanceof Error ? e.message : String(e);
      result.errors.push({ key: '(file)', message: `${c.path}: cannot read: ${msg}` });
    }
    if (text === null) {
      // An explicit SAIREN_CONFIG that is missing is an operator mistake worth shouting about;
      // we still fall back to defaults rather than guessing at another file.
      if (c.required && result.errors.length === 0) {
        result.errors.push({ key: '(file)', message: `SAIREN_CONFIG=${c.path}: file not found` });
      }
      break;
    }
    const parsed = parseConfigToml(text, c.path);
    if (parsed.config) {
      result = { config: parsed.config, source: c.source, path: c.path, warnings: parsed.warnings, errors: [], rejected: null };
    } else {
      result.errors.push(...parsed.errors);
    }
    break;
  }
  if (result.errors.length > 0) {
    result.rejected = candidates[0].path;
    result.warnings.push({ key: '(file)', message: 'configuration file rejected; using built-in defaults' });
  }

  // CAMPAIGN=pa (DOMAIN §8) selects the starting campaign over the file.
  const campaignEnv = env.CAMPAIGN?.trim();
  if (campaignEnv) {
    const c = parseCampaign(campaignEnv);
    if (c) result.config = { ...result.config, campaign: { ...result.config.campaign, active: c } };
    else result.warnings.push({ key: 'CAMPAIGN', message: `CAMPAIGN: "${campaignEnv}" is not a campaign name; keeping ${result.config.campaign.active}` });
  }
  return result;
}
