// `npm run eval` options, checked without side effects so every bad argument is testable.
import { REAL_FAULTS } from '../simulator/fault-profiles.js';
import { secondsOf } from '../simulator/base-args.js';
import { UsageError, intFlag, parseFlags } from '../cli/args.js';
import { SHARED_RECORDING_IDS, SIM_NATIVE_ID, SIM_RECORDING } from './recordings.js';
import type { SizeLabel } from './tasks.js';

export interface EvalOptions {
  /** Ids as asked; checked against the recordings found once the data directory is read. */
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
  /** The bit (in) of a found recording that carries none. */
  bitDiameterIn: number;
}

/** A bit a rig might run (in): from a slim 3.5-in hole to a 36-in conductor. */
export const BIT_DIAMETER_RANGE_IN = [3.5, 36] as const;
export const DEFAULT_BIT_DIAMETER_IN = 8.5;

export const EVAL_USAGE = `usage: npm run eval -- [options]
  --quick                 1 onset, nominal size only
  --recordings a,b        of the recordings found in the data directory, ${SIM_RECORDING.id}, ${SIM_NATIVE_ID}
                          (default all). Every *.csv under DIR: the shared ones keep their ids
                          (${SHARED_RECORDING_IDS.join(', ')}); any other is named from its path
                          (other-rig/WELL_X.csv -> other-rig-well-x) and scored when it has
                          drilling (or tripping with a trip tank) long enough for onsets;
                          the rest are listed as ignored, with why
  --bit-diameter IN       the bit of a found recording without a diameter column
                          (${BIT_DIAMETER_RANGE_IN[0]}-${BIT_DIAMETER_RANGE_IN[1]}, default ${DEFAULT_BIT_DIAMETER_IN}); the scorecard names those that used it
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

/** A comma-separated subset of `allowed` (any non-empty names when null); null when the flag is absent. */
function list(flag: string, text: string | undefined, allowed: readonly string[] | null): string[] | null {
  if (text === undefined) return null;
  const items = text.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = allowed === null ? undefined : items.find((i) => !allowed.includes(i));
  if (items.length === 0 || bad !== undefined) throw new UsageError(`${flag} expects some of ${(allowed ?? ['recording ids']).join(', ')}, got "${bad ?? text}"`);
  return items;
}

/** `--recordings` against what the data directory holds: why it cannot run, or null. */
export function recordingsProblem(asked: readonly string[] | null, ids: readonly string[], ignored: ReadonlyArray<{ id: string; file: string; reason: string }>): string | null {
  for (const id of asked ?? []) {
    if (ids.includes(id)) continue;
    const skipped = ignored.find((x) => x.id === id);
    if (skipped) return `--recordings names ${id} (${skipped.file}), which is ignored: ${skipped.reason}`;
    return `--recordings expects some of ${ids.join(', ')}, got "${id}"`;
  }
  return null;
}

function bitFlag(text: string): number {
  const n = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  const [lo, hi] = BIT_DIAMETER_RANGE_IN;
  if (!(n >= lo && n <= hi)) throw new UsageError(`--bit-diameter expects a bit in inches (${lo}-${hi}), got "${text}"`);
  return n;
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
    'bit-diameter': { type: 'string' },
    'no-clean': { type: 'boolean' },
    'no-raw': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const recordings = list('--recordings', v.recordings, null);
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
      bitDiameterIn: v['bit-diameter'] === undefined ? DEFAULT_BIT_DIAMETER_IN : bitFlag(v['bit-diameter']),
    },
  };
}
