// `npm run eval` options, checked without side effects so every bad argument is testable.
import { REAL_FAULTS } from '../simulator/inject.js';
import { secondsOf } from '../simulator/base-args.js';
import { UsageError, intFlag, parseFlags } from '../cli/args.js';
import { ALL_RECORDING_IDS, type SizeLabel } from './tasks.js';

export interface EvalOptions {
  recordings: string[] | null;
  faults: string[] | null;
  sizes: SizeLabel[];
  onsets: number;
  leadS: number;
  workers: number;
  out: string;
  dataDir: string | null;
  clean: boolean;
  raw: boolean;
  /** Seed of the channels made up for a recording that lacks them (flow out, pits, gas). */
  synthSeed: number;
}

export const EVAL_USAGE = `usage: npm run eval -- [options]
  --quick                 1 onset, nominal size only
  --recordings a,b        of ${ALL_RECORDING_IDS.join(', ')} (default all)
  --faults a,b            of ${REAL_FAULTS.join(', ')} (default all)
  --sizes nominal,small   (default both)     --onsets N (1-6, default 3)
  --lead 1h               replay from this long before each onset (default 1h)
  --workers N             worker processes (default 2)
  --no-clean --no-raw     leave out the clean recordings at 1 Hz / as read by replay
  --synth-seed N          another draw of the made-up channels' noise (default 1): figures
                          that hold on one draw only are fitted to it
  --data DIR              the recordings (default ../shared/data)
  --out FILE              JSON report (default eval-report.json)`;

type Parsed = { ok: true; options: EvalOptions; help: boolean } | { ok: false; error: string };

/** A comma-separated subset of `allowed`; null when the flag is absent. */
function list(flag: string, text: string | undefined, allowed: readonly string[]): string[] | null {
  if (text === undefined) return null;
  const items = text.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = items.find((i) => !allowed.includes(i));
  if (items.length === 0 || bad !== undefined) throw new UsageError(`${flag} expects some of ${allowed.join(', ')}, got "${bad ?? text}"`);
  return items;
}

export function parseEvalArgs(argv: string[], cpus = 2): Parsed {
  try {
    const { options, help } = optionsFrom(argv, cpus);
    return { ok: true, options, help };
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, error: e.message };
    throw e;
  }
}

function optionsFrom(argv: string[], cpus: number): { options: EvalOptions; help: boolean } {
  const v = parseFlags(argv, {
    quick: { type: 'boolean' },
    recordings: { type: 'string' },
    faults: { type: 'string' },
    sizes: { type: 'string' },
    onsets: { type: 'string' },
    lead: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    data: { type: 'string' },
    'synth-seed': { type: 'string' },
    'no-clean': { type: 'boolean' },
    'no-raw': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const recordings = list('--recordings', v.recordings, ALL_RECORDING_IDS);
  const faults = list('--faults', v.faults, REAL_FAULTS);
  const sizes = list('--sizes', v.sizes, ['nominal', 'small']) as SizeLabel[] | null;
  const onsets = v.onsets === undefined ? (v.quick ? 1 : 3) : intFlag('--onsets', v.onsets, 1, 6);
  const leadS = v.lead === undefined ? 3600 : secondsOf(v.lead);
  if (leadS === null || leadS > 48 * 3600) throw new UsageError(`--lead expects a time before the onset (e.g. 30m, 1h, 7200), got "${v.lead}"`);
  return {
    help: v.help === true,
    options: {
      recordings,
      faults,
      sizes: sizes ?? (v.quick ? ['nominal'] : ['nominal', 'small']),
      onsets,
      leadS,
      workers: v.workers === undefined ? Math.max(1, Math.min(2, cpus)) : intFlag('--workers', v.workers, 1, 16),
      out: v.out ?? 'eval-report.json',
      dataDir: v.data ?? null,
      clean: v['no-clean'] !== true,
      raw: v['no-raw'] !== true,
      synthSeed: v['synth-seed'] === undefined ? 1 : intFlag('--synth-seed', v['synth-seed'], 1, 1_000_000),
    },
  };
}
