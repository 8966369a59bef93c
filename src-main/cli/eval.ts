// `npm run eval`: the detection scorecard (issue 11). Faults injected into every drilling
// recording found in the data directory (../shared/data by default) and the simulator, each run
// through the full pipeline on worker processes; one table printed, the whole result written as JSON.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVAL_USAGE, parseEvalArgs, recordingsProblem, type EvalOptions } from '../eval/args.js';
import { exitUsage } from './args.js';
import { discoverRecordings, type Discovery } from '../eval/discover.js';
import { runPool } from '../eval/pool.js';
import { SIM_RECORDING, isSimulatorId, recordingIds } from '../eval/recordings.js';
import { cleanRows, faultRows, formatRecordings, formatScorecard } from '../eval/report.js';
import { checkTargets, formatTargets } from '../eval/targets.js';
import { buildMatrix, onsetFractions, type SkippedResult, type TaskResult } from '../eval/tasks.js';
import { describeResult } from '../eval/progress.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The recordings in the data directory (and the simulator base); a usage error when there is no directory but one is needed. */
async function findRecordings(o: EvalOptions, dataDir: string): Promise<Discovery> {
  if (!existsSync(dataDir)) {
    if (o.recordings === null || !o.recordings.every(isSimulatorId)) {
      exitUsage('eval', `no recordings at ${dataDir} (give --data DIR, or --recordings sim,sim-native)`);
    }
    return { recordings: [SIM_RECORDING], ignored: [], unread: [] };
  }
  if (!statSync(dataDir).isDirectory()) exitUsage('eval', `--data expects a directory of recordings, got ${dataDir}`);
  const started = performance.now();
  process.stderr.write(`sairen eval: looking for recordings in ${dataDir}\n`);
  const found = await discoverRecordings(dataDir, {
    bitDiameterIn: o.bitDiameterIn,
    wanted: o.recordings,
    onProgress: (line) => process.stderr.write(`  ${line}\n`),
  });
  const scored = found.recordings.length;
  process.stderr.write(`sairen eval: ${scored} recording${scored === 1 ? '' : 's'} in the data directory to score, ${found.ignored.length} ignored (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  return { ...found, recordings: [...found.recordings, SIM_RECORDING] };
}

async function main(): Promise<void> {
  const parsed = parseEvalArgs(process.argv.slice(2), availableParallelism());
  if (!parsed.ok) exitUsage('eval', parsed.error);
  if (parsed.help) {
    process.stdout.write(`${EVAL_USAGE}\n`);
    return;
  }
  const o = parsed.options;
  const dataDir = resolve(o.dataDir ?? resolve(root, '../shared/data'));
  const { recordings, ignored, unread } = await findRecordings(o, dataDir);
  const problem = recordingsProblem(o.recordings, [...recordingIds(recordings), ...unread], ignored);
  if (problem) exitUsage('eval', problem);
  const tasks = buildMatrix({ recordings: o.recordings, faults: o.faults, sizes: o.sizes, onsets: o.onsets, clean: o.clean, raw: o.raw }, recordings);
  if (tasks.length === 0) {
    exitUsage('eval', 'nothing to run with these filters');
  }
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  process.stderr.write(`sairen eval: ${tasks.length} runs on ${o.workers} workers (onsets ${o.onsets}, sizes ${o.sizes.join('+')}, lead ${o.leadS} s${o.synthSeed === 1 ? '' : `, synth seed ${o.synthSeed}`})\n`);
  const settings = { dataDir, recordings, leadS: o.leadS, onsetFractions: onsetFractions(o.onsets), synthSeed: o.synthSeed, resourcesDir: resolve(root, 'resources') };
  const results: TaskResult[] = await runPool(tasks, {
    workers: o.workers,
    settings,
    onResult: (r, done, total) => process.stderr.write(`[${String(done).padStart(3)}/${total} ${elapsed().toFixed(0).padStart(4)} s] ${describeResult(r)}\n`),
  });
  const runtimeS = Math.round(elapsed() * 10) / 10;
  const faults = faultRows(results);
  const clean = cleanRows(results);
  const skipped = results.filter((r): r is SkippedResult => r.kind === 'skipped');
  const targets = checkTargets(faults, clean, recordings);
  const tables = [formatRecordings(recordings, ignored, dataDir), formatScorecard(faults, clean, skipped, recordingIds(recordings)), formatTargets(targets)];
  process.stdout.write(`\n${tables.join('\n\n')}\n\n`);
  const out = resolve(o.out);
  const report = {
    generatedAt: new Date().toISOString(),
    runtimeS,
    options: { ...o, dataDir },
    recordings,
    ignored,
    faults,
    clean,
    targets,
    runs: results.sort((a, b) => a.key.localeCompare(b.key)),
  };
  writeFileSync(out, JSON.stringify(report, null, 2));
  process.stdout.write(`${results.length} runs in ${runtimeS} s on ${o.workers} workers; report ${out}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`sairen eval: ${e.message}\n`);
  process.exit(1);
});
