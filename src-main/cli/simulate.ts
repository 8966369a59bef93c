// `npm run simulate -- ...`: the simulator's command line. All I/O and pacing live here and
// in live.ts/server.ts; the model stays pure.
import fs from 'node:fs';
import { parseCampaign, type Campaign } from '../../src-shared/campaign.js';
import type { UnitSystem } from '../../src-shared/units.js';
import type { ChannelMapPreset } from '../acquisition/channel-map.js';
import { BASE_USAGE, parseBaseArgs, type BaseRunOptions } from '../simulator/base-args.js';
import { BaseUsageError, runBaseCli } from '../simulator/base-run.js';
import { runSimulationLive } from '../simulator/live.js';
import { DEFAULT_START_MS, type SimSample } from '../simulator/model.js';
import { DEFAULT_DURATION_S, SCENARIOS, isScenarioName, type ScenarioName } from '../simulator/scenarios.js';
import { startSimulatorServer } from '../simulator/server.js';
import { CSV_HEADER, createWitsFormatter, formatCsvRow, wireHookFor } from '../simulator/wire.js';
import { UsageError, exitUsage, parseFlags } from './args.js';

export { UsageError } from './args.js';

export type CliOutput =
  | { kind: 'port'; port: number; host: string }
  | { kind: 'serial'; path: string }
  | { kind: 'stdout' }
  | { kind: 'csv'; file: string };

export interface CliOptions {
  scenario: ScenarioName;
  seed: number;
  durationS: number;
  speed: number | 'max';
  output: CliOutput;
  units: UnitSystem;
  channelMap: ChannelMapPreset;
  groundTruthFile: string | null;
  campaign: Campaign | undefined;
  startMs: number | undefined;
  /** Seconds of the scenario skipped before the TCP server sends (--from): a restarted feed resumes there. */
  fromS: number;
  /** WITS frames carry the sample's time as Record 01 Date/Time items (0105/0106, UTC). */
  witsTime: boolean;
  /** A fault on a real recording instead of the model (see simulator/base-args.ts). */
  base: BaseRunOptions | null;
}

const USAGE =
  'usage: npm run simulate -- [--scenario NAME] [--seed N] [--duration 2h|90m|3600s] [--speed N|max] ' +
  '[--port N [--host H] | --serial PATH | --stdout | --format csv --out FILE] [--units metric] ' +
  '[--channel-map wits-record01|reference] [--wits-time] [--campaign production|pa] [--start ISO] [--from 45m (with --port)] [--ground-truth FILE]\n' +
  `       npm run simulate -- ${BASE_USAGE} [outputs as above]`;

/** "2h", "90m", "3600s" or bare seconds -> seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(h|m|s)?$/.exec(text.trim());
  if (!m) throw new UsageError(`bad --duration '${text}' (use e.g. 2h, 90m, 3600s)`);
  const n = Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
  if (!(n >= 1) || n > 30 * 24 * 3600) throw new UsageError(`--duration must be between 1 s and 30 days, got '${text}'`);
  return Math.floor(n);
}

function parseIntStrict(text: string, what: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`bad ${what} '${text}' (integer expected)`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${what} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const v = parseFlags(argv, {
    scenario: { type: 'string' },
    seed: { type: 'string' },
    duration: { type: 'string' },
    speed: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    serial: { type: 'string' },
    stdout: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    units: { type: 'string' },
    'channel-map': { type: 'string' },
    'wits-time': { type: 'boolean' },
    campaign: { type: 'string' },
    start: { type: 'string' },
    from: { type: 'string' },
    'ground-truth': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    base: { type: 'string' },
    onset: { type: 'string' },
    size: { type: 'string' },
    ramp: { type: 'string' },
    hold: { type: 'string' },
    period: { type: 'string' },
    bit: { type: 'string' },
    'no-synthesise': { type: 'boolean' },
  });
  if (v.help) throw new UsageError(USAGE);
  const baseArgs = parseBaseArgs(v);
  if (!baseArgs.ok) throw new UsageError(baseArgs.error);
  const scenarioText = baseArgs.base ? 'normal' : (v.scenario ?? 'normal');
  if (!isScenarioName(scenarioText)) {
    throw new UsageError(`unknown scenario '${scenarioText}' (one of ${SCENARIOS.join(', ')})`);
  }
  const scenario = scenarioText;
  const seed = v.seed === undefined ? 1 : parseIntStrict(v.seed, '--seed', 0, 2 ** 31 - 1);
  const durationS = v.duration === undefined ? DEFAULT_DURATION_S[scenario] : parseDuration(v.duration);

  const format = v.format ?? 'wits';
  if (format !== 'wits' && format !== 'csv') throw new UsageError(`bad --format '${format}' (wits or csv)`);
  const targets = [v.port !== undefined, v.serial !== undefined, v.stdout === true, format === 'csv'].filter(Boolean);
  if (targets.length > 1) throw new UsageError('choose one output: --port, --serial, --stdout or --format csv');
  if (v.out !== undefined && format !== 'csv') throw new UsageError('--out needs --format csv');
  if (v.host !== undefined && v.port === undefined) throw new UsageError('--host needs --port');
  let output: CliOutput;
  if (format === 'csv') {
    if (!v.out) throw new UsageError('--format csv needs --out FILE');
    output = { kind: 'csv', file: v.out };
  } else if (v.port !== undefined) {
    output = { kind: 'port', port: parseIntStrict(v.port, '--port', 0, 65535), host: v.host ?? '127.0.0.1' };
  } else if (v.serial !== undefined) {
    if (!v.serial) throw new UsageError('--serial needs a path');
    output = { kind: 'serial', path: v.serial };
  } else {
    output = { kind: 'stdout' };
  }

  let speed: number | 'max' = output.kind === 'csv' ? 'max' : 1;
  if (v.speed !== undefined) {
    if (v.speed === 'max') speed = 'max';
    else {
      const n = Number(v.speed);
      if (!/^\d+(\.\d+)?$/.test(v.speed) || !(n > 0) || n > 100000) {
        throw new UsageError(`bad --speed '${v.speed}' (a positive number up to 100000, or max)`);
      }
      speed = n;
    }
  }

  const unitsText = v.units ?? 'imperial';
  if (unitsText !== 'imperial' && unitsText !== 'metric' && unitsText !== 'us') {
    throw new UsageError(`bad --units '${unitsText}' (imperial or metric)`);
  }
  const units: UnitSystem = unitsText === 'metric' ? 'metric' : 'imperial';
  if (units === 'metric' && output.kind === 'csv') {
    throw new UsageError('the CSV is always written in canonical US units; --units metric is for WITS output');
  }
  const mapText = v['channel-map'] ?? 'wits-record01';
  if (mapText !== 'wits-record01' && mapText !== 'reference') {
    throw new UsageError(`bad --channel-map '${mapText}' (wits-record01 or reference)`);
  }
  const witsTime = v['wits-time'] ?? false;
  if (witsTime && output.kind === 'csv') throw new UsageError('--wits-time is for WITS output; the CSV has its own timestamp column');
  if (witsTime && mapText === 'reference') throw new UsageError('--wits-time needs --channel-map wits-record01 (the reference layout uses 0105 for block position)');
  let campaign: Campaign | undefined;
  if (v.campaign !== undefined) {
    const c = parseCampaign(v.campaign);
    if (!c) throw new UsageError(`bad --campaign '${v.campaign}' (production or pa)`);
    campaign = c;
  }
  let startMs: number | undefined;
  if (v.start !== undefined) {
    startMs = v.start === 'now' ? Math.floor(Date.now() / 1000) * 1000 : Date.parse(v.start);
    if (!Number.isFinite(startMs)) throw new UsageError(`bad --start '${v.start}' (ISO-8601 or now)`);
  }
  let fromS = 0;
  if (v.from !== undefined) {
    if (output.kind !== 'port') throw new UsageError('--from needs --port (a TCP feed restarted part-way through)');
    fromS = parseDuration(v.from);
    if (fromS >= durationS) throw new UsageError(`--from ${v.from} is past the end of the ${durationS} s run`);
  }
  return {
    scenario,
    seed,
    durationS,
    fromS,
    speed,
    output,
    units,
    channelMap: mapText,
    witsTime,
    groundTruthFile: v['ground-truth'] ?? null,
    campaign,
    startMs,
    base: baseArgs.base,
  };
}

async function waitDrain(stream: NodeJS.WritableStream & { writableNeedDrain?: boolean }): Promise<void> {
  if (stream.writableNeedDrain) await new Promise<void>((r) => stream.once('drain', () => r()));
}

export async function runCli(o: CliOptions): Promise<void> {
  if (o.base) return runBaseCli(o.base, o);
  const base = { scenario: o.scenario, seed: o.seed, durationS: o.durationS, campaign: o.campaign, speed: o.speed };

  if (o.output.kind === 'port') {
    const server = await startSimulatorServer({
      ...base,
      startMs: o.startMs,
      port: o.output.port,
      host: o.output.host,
      fromS: o.fromS,
      channelMap: o.channelMap,
      units: o.units,
      dateTime: o.witsTime,
    });
    writeGroundTruth(o, server.groundTruth());
    process.stderr.write(`simulator: ${o.scenario} seed ${o.seed} on tcp://${o.output.host}:${server.port}\n`);
    const stop = (): void => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }

  // CSV files are reproducible by default (fixed start); live outputs start at the wall clock.
  const startMs = o.startMs ?? (o.output.kind === 'csv' ? DEFAULT_START_MS : undefined);
  let sink: NodeJS.WritableStream & { writableNeedDrain?: boolean; end(cb?: () => void): void };
  let toText: (s: SimSample, i: number) => string;
  if (o.output.kind === 'csv') {
    sink = fs.createWriteStream(o.output.file);
    sink.write(CSV_HEADER + '\n');
    toText = (s) => formatCsvRow(s) + '\n';
  } else {
    sink = o.output.kind === 'serial' ? fs.createWriteStream(o.output.path, { flags: 'w' }) : process.stdout;
    toText = createWitsFormatter({
      channelMap: o.channelMap,
      units: o.units,
      hook: wireHookFor(o.scenario, o.seed)?.hook,
      dateTime: o.witsTime,
    });
  }
  sink.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`sairen simulate: ${err.message}\n`);
    process.exit(1);
  });

  let index = 0;
  const run = runSimulationLive(
    { ...base, startMs },
    (s) => {
      sink.write(toText(s, index++));
    },
    () => !sink.writableNeedDrain,
  );
  writeGroundTruth(o, run.simulation.groundTruth());
  process.once('SIGINT', () => run.stop());
  process.once('SIGTERM', () => run.stop());
  await run.done;
  await waitDrain(sink);
  if (sink !== process.stdout) await new Promise<void>((r) => sink.end(() => r()));
}

function writeGroundTruth(o: CliOptions, truth: unknown): void {
  if (o.groundTruthFile) fs.writeFileSync(o.groundTruthFile, JSON.stringify(truth, null, 2) + '\n');
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let opts: CliOptions;
  try {
    opts = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) exitUsage('simulate', err.message);
    throw err;
  }
  try {
    await runCli(opts);
  } catch (err) {
    // A recording that cannot carry the asked fault is bad input, not a crash.
    if (err instanceof BaseUsageError) exitUsage('simulate', err.message);
    process.stderr.write(`sairen simulate: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

// Run only as a script, so tests can import the parser.
const invoked = process.argv[1] ?? '';
if (invoked.endsWith('cli/simulate.ts') || invoked.endsWith('cli/simulate.js')) void main();
