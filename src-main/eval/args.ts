// `npm run eval` options, checked without side effects so every bad argument is testable.
import { parseArgs } from 'node:util';
import { REAL_FAULTS } from '../simulator/inject.js';
import { secondsOf } from '../simulator/base-args.js';
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
}

export const EVAL_USAGE = `usage: npm run eval -- [options]
  --quick                 1 onset, nominal size only
  --recordings a,b        of ${ALL_RECORDING_IDS.join(', ')} (default all)
  --faults a,b            of ${REAL_FAULTS.join(', ')} (default all)
  --sizes nominal,small   (default both)     --onsets N (1-6, default 3)
  --lead 1h               replay from this long before each onset (default 1h)
  --workers N             worker processes (default 2)
  --no-clean --no-raw     leave out the clean recordings at 1 Hz / as read by replay
  --data DIR              the recordings (default ../shared/data)
  --out FILE              JSON report (default eval-report.json)`;

type Parsed = { ok: true; options: EvalOptions; help: boolean } | { ok: false; error: string };

const list = (text: string | undefined, allowed: readonly string[], what: string): string[] | null | string => {
  if (text === undefined) return null;
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i));
  if (items.length === 0 || bad.length > 0) return `unknown ${what} '${bad[0] ?? text}' (one of ${allowed.join(', ')})`;
  return items;
};

export function parseEvalArgs(argv: string[], cpus = 2): Parsed {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: 'boolean' },
        recordings: { type: 'string' },
        faults: { type: 'string' },
        sizes: { type: 'string' },
        onsets: { type: 'string' },
        lead: { type: 'string' },
        workers: { type: 'string' },
        out: { type: 'string' },
        data: { type: 'string' },
        'no-clean': { type: 'boolean' },
        'no-raw': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    return { ok: false, error: (e as Error).message.split('\n')[0] };
  }
  const recordings = list(v.recordings, ALL_RECORDING_IDS, 'recording');
  const faults = list(v.faults, REAL_FAULTS, 'fault');
  const sizes = list(v.sizes, ['nominal', 'small'], 'size');
  for (const x of [recordings, faults, sizes]) if (typeof x === 'string') return { ok: false, error: x };
  const onsets = v.onsets === undefined ? (v.quick ? 1 : 3) : Number(v.onsets);
  if (!Number.isInteger(onsets) || onsets < 1 || onsets > 6) return { ok: false, error: `bad --onsets '${v.onsets}' (1-6)` };
  const leadS = v.lead === undefined ? 3600 : secondsOf(v.lead);
  if (leadS === null || leadS < 0 || leadS > 48 * 3600) return { ok: false, error: `bad --lead '${v.lead}' (e.g. 30m, 1h, 7200)` };
  const workers = v.workers === undefined ? Math.max(1, Math.min(2, cpus)) : Number(v.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) return { ok: false, error: `bad --workers '${v.workers}' (1-16)` };
  return {
    ok: true,
    help: v.help === true,
    options: {
      recordings: recordings as string[] | null,
      faults: faults as string[] | null,
      sizes: ((sizes as string[] | null) ?? (v.quick ? ['nominal'] : ['nominal', 'small'])) as SizeLabel[],
      onsets,
      leadS,
      workers,
      out: v.out ?? 'eval-report.json',
      dataDir: v.data ?? null,
      clean: v['no-clean'] !== true,
      raw: v['no-raw'] !== true,
    },
  };
}
