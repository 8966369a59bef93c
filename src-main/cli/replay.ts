// `npm run replay -- --csv FILE [--speed max|N] [--campaign pa] [--config FILE] [--units metric] [--column-map FILE] --report OUT.json`
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCampaign, type Campaign } from '../../src-shared/campaign.js';
import type { CsvColumnMap } from '../../src-shared/source.js';
import { loadColumnMapFile } from '../acquisition/column-map-file.js';
import { CsvLayoutError } from '../acquisition/csv-presets.js';
import { readTextFileOrNull } from '../config/config-file.js';
import { loadConfig } from '../config/load.js';
import { loadStaticKnowledgeStore } from '../knowledge/knowledge-file.js';
import { replayCsv } from '../pipeline/replay.js';
import { UsageError, choiceFlag, exitUsage, parseFlags, speedFlag } from './args.js';

const USAGE = 'usage: npm run replay -- --csv FILE [--speed max|N] [--campaign production|pa] [--config FILE] [--units imperial|metric] [--column-map FILE] [--report OUT.json]';
const FLAGS = {
  csv: { type: 'string' },
  speed: { type: 'string' },
  campaign: { type: 'string' },
  config: { type: 'string' },
  units: { type: 'string' },
  report: { type: 'string' },
  'column-map': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function die(message: string): never {
  return exitUsage('replay', message);
}

/** The replay's options from the command line; a UsageError names the bad flag. */
export function parseReplayArgs(argv: string[]): { csv: string; speed: number | 'max'; campaign?: Campaign; config?: string; report?: string; units?: 'imperial' | 'metric'; columnMap?: string; help: boolean } {
  const v = parseFlags(argv, FLAGS);
  if (v.help) return { csv: '', speed: 'max', help: true };
  if (!v.csv) throw new UsageError('--csv FILE is required');
  let campaign: Campaign | undefined;
  if (v.campaign !== undefined) {
    campaign = parseCampaign(v.campaign) ?? undefined;
    if (!campaign) throw new UsageError(`--campaign expects production or pa, got "${v.campaign}"`);
  }
  return {
    csv: v.csv,
    speed: v.speed === undefined ? 'max' : speedFlag(v.speed, true),
    campaign,
    config: v.config,
    report: v.report,
    units: v.units === undefined ? undefined : choiceFlag('--units', v.units, ['imperial', 'metric'] as const),
    columnMap: v['column-map'],
    help: false,
  };
}

function progressBar(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const f = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(f * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)} % ${done}/${total} rows`);
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof parseReplayArgs>;
  try {
    opts = parseReplayArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) die(e.message);
    throw e;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (readTextFileOrNull(opts.csv) === null) die(`cannot read ${opts.csv}`);
  let columns: CsvColumnMap | undefined;
  if (opts.columnMap) {
    const map = loadColumnMapFile(opts.columnMap);
    if (!map.ok) die(map.error);
    columns = map.columns;
  }

  const env = { ...process.env };
  if (opts.config) env.SAIREN_CONFIG = resolve(opts.config);
  const loaded = loadConfig({ env, cwd: process.cwd(), readFile: readTextFileOrNull });
  if (opts.config && loaded.errors.length > 0) die(`configuration ${opts.config} is invalid: ${loaded.errors.map((e) => e.message).join('; ')}`);
  const config = opts.units ? { ...loaded.config, acquisition: { ...loaded.config.acquisition, units: opts.units } } : loaded.config;
  const kb = loadStaticKnowledgeStore(join(root, 'resources/knowledge-base.json'));

  const report = await replayCsv(opts.csv, { config, campaign: opts.campaign, speed: opts.speed, knowledge: kb.store, columns, onProgress: progressBar });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const json = JSON.stringify(report, null, 2);
  if (opts.report) writeFileSync(opts.report, json);
  process.stdout.write(
    `${report.packets} packets (${report.simulatedSeconds.toFixed(0)} s of recording) in ${report.wallSeconds.toFixed(2)} s: ` +
      `${report.packetsPerSecond.toFixed(0)} packets/s; tickets ${report.tickets}; confirmed ${report.verification.confirmed}, ` +
      `uncertain ${report.verification.uncertain}, rejected ${report.verification.rejected}; advisories ${report.advisories.length} ` +
      `${JSON.stringify(report.advisoriesByFault)}; events ${report.alarms.events}, alarms ${report.alarms.alarms} ` +
      `(${report.alarms.alarmsPer10Min} per 10 min, peak ${report.alarms.peakAlarmsIn10Min} in 10 min, chattering ${report.alarms.chattering}, ` +
      `standing ${report.alarms.standing}); ML reports ${report.ml.reports.length} ` +
      `(${report.ml.reports.filter((r) => r.status === 'success').length} with an optimum), skipped ${report.ml.skipped.length}` +
      `${opts.report ? `; report ${opts.report}` : ''}\n`,
  );
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('cli/replay.ts') || invoked.endsWith('cli/replay.js')) main().catch((e) => {
  // A CSV layout we cannot read is bad input (exit 2, like a bad argument), not a failure.
  if (e instanceof CsvLayoutError) exitUsage('replay', e.message);
  process.stderr.write(`sairen replay: ${(e as Error).message}\n`);
  process.exit(1);
});
