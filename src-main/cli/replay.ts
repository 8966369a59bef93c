// `npm run replay -- --csv FILE [--speed max|N] [--campaign pa] [--config FILE] [--units metric] --report OUT.json`
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCampaign, type Campaign } from '../../src-shared/campaign.js';
import { readTextFileOrNull } from '../config/config-file.js';
import { loadConfig } from '../config/load.js';
import { loadStaticKnowledgeStore } from '../knowledge/knowledge-file.js';
import { replayCsv } from '../pipeline/replay.js';

const USAGE = 'usage: npm run replay -- --csv FILE [--speed max|N] [--campaign production|pa] [--config FILE] [--units imperial|metric] [--report OUT.json]';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function die(message: string): never {
  process.stderr.write(`sairen replay: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function progressBar(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const f = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(f * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)} % ${done}/${total} rows`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opts: { csv?: string; speed: number | 'max'; campaign?: Campaign; config?: string; report?: string; units?: 'imperial' | 'metric' } = { speed: 'max' };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) die(`${flag} needs a value`);
    i++;
    if (flag === '--csv') opts.csv = value;
    else if (flag === '--report') opts.report = value;
    else if (flag === '--config') opts.config = value;
    else if (flag === '--speed') {
      const n = Number(value);
      if (value !== 'max' && !(n > 0)) die(`--speed expects "max" or a positive number, got "${value}"`);
      opts.speed = value === 'max' ? 'max' : n;
    } else if (flag === '--campaign') {
      const c = parseCampaign(value);
      if (!c) die(`--campaign expects production or pa, got "${value}"`);
      opts.campaign = c;
    } else if (flag === '--units') {
      if (value !== 'imperial' && value !== 'metric') die(`--units expects imperial or metric, got "${value}"`);
      opts.units = value;
    } else die(`unknown option ${flag}`);
  }
  if (!opts.csv) die('--csv FILE is required');
  if (readTextFileOrNull(opts.csv) === null) die(`cannot read ${opts.csv}`);

  const env = { ...process.env };
  if (opts.config) env.SAIREN_CONFIG = resolve(opts.config);
  const loaded = loadConfig({ env, cwd: process.cwd(), readFile: readTextFileOrNull });
  if (opts.config && loaded.errors.length > 0) die(`configuration ${opts.config} is invalid: ${loaded.errors.map((e) => e.message).join('; ')}`);
  const config = opts.units ? { ...loaded.config, acquisition: { ...loaded.config.acquisition, units: opts.units } } : loaded.config;
  const kb = loadStaticKnowledgeStore(join(root, 'resources/knowledge-base.json'));

  const report = await replayCsv(opts.csv, { config, campaign: opts.campaign, speed: opts.speed, knowledge: kb.store, onProgress: progressBar });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const json = JSON.stringify(report, null, 2);
  if (opts.report) writeFileSync(opts.report, json);
  process.stdout.write(
    `${report.packets} packets (${report.simulatedSeconds.toFixed(0)} s of recording) in ${report.wallSeconds.toFixed(2)} s: ` +
      `${report.packetsPerSecond.toFixed(0)} packets/s; tickets ${report.tickets}; confirmed ${report.verification.confirmed}, ` +
      `uncertain ${report.verification.uncertain}, rejected ${report.verification.rejected}; advisories ${report.advisories.length} ` +
      `${JSON.stringify(report.advisoriesByFault)}${opts.report ? `; report ${opts.report}` : ''}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`sairen replay: ${(e as Error).message}\n`);
  process.exit(1);
});
