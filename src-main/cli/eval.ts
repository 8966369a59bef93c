// `npm run eval`: the detection scorecard (issue 11). Faults injected into every recording in
// ../shared/data and the simulator, each run through the full pipeline on worker processes;
// one table printed, the whole result written as JSON.
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVAL_USAGE, parseEvalArgs } from '../eval/args.js';
import { exitUsage } from './args.js';
import { runPool } from '../eval/pool.js';
import { EVAL_RECORDINGS } from '../eval/recordings.js';
import { cleanRows, faultRows, formatScorecard } from '../eval/report.js';
import { checkTargets, formatTargets } from '../eval/targets.js';
import { ALL_RECORDING_IDS, buildMatrix, onsetFractions, type SkippedResult, type TaskResult } from '../eval/tasks.js';
import { describeResult } from '../eval/progress.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const parsed = parseEvalArgs(process.argv.slice(2), availableParallelism());
  if (!parsed.ok) exitUsage('eval', parsed.error);
  if (parsed.help) {
    process.stdout.write(`${EVAL_USAGE}\n`);
    return;
  }
  const o = parsed.options;
  const dataDir = resolve(o.dataDir ?? resolve(root, '../shared/data'));
  const needsData = (o.recordings ?? ALL_RECORDING_IDS).some((id) => EVAL_RECORDINGS.find((r) => r.id === id)?.file);
  if (needsData && !existsSync(dataDir)) {
    exitUsage('eval', `no recordings at ${dataDir} (give --data DIR, or --recordings sim,sim-native)`);
  }
  const tasks = buildMatrix({ recordings: o.recordings, faults: o.faults, sizes: o.sizes, onsets: o.onsets, clean: o.clean, raw: o.raw });
  if (tasks.length === 0) {
    exitUsage('eval', 'nothing to run with these filters');
  }
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  process.stderr.write(`sairen eval: ${tasks.length} runs on ${o.workers} workers (onsets ${o.onsets}, sizes ${o.sizes.join('+')}, lead ${o.leadS} s${o.synthSeed === 1 ? '' : `, synth seed ${o.synthSeed}`})\n`);
  const settings = { dataDir, leadS: o.leadS, onsetFractions: onsetFractions(o.onsets), synthSeed: o.synthSeed, resourcesDir: resolve(root, 'resources') };
  const results: TaskResult[] = await runPool(tasks, {
    workers: o.workers,
    settings,
    onResult: (r, done, total) => process.stderr.write(`[${String(done).padStart(3)}/${total} ${elapsed().toFixed(0).padStart(4)} s] ${describeResult(r)}\n`),
  });
  const runtimeS = Math.round(elapsed() * 10) / 10;
  const order = ALL_RECORDING_IDS;
  const faults = faultRows(results);
  const clean = cleanRows(results);
  const skipped = results.filter((r): r is SkippedResult => r.kind === 'skipped');
  const targets = checkTargets(faults, clean);
  process.stdout.write(`\n${formatScorecard(faults, clean, skipped, order)}\n\n${formatTargets(targets)}\n\n`);
  const out = resolve(o.out);
  const report = {
    generatedAt: new Date().toISOString(),
    runtimeS,
    options: { ...o, dataDir },
    recordings: EVAL_RECORDINGS,
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
