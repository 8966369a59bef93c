// `simulate --base FILE --scenario FAULT --onset S [--size N --ramp S --hold S --period S]`:
// the options of a fault on a real recording, checked without touching the file.
import { FAULT_PROFILES, REAL_FAULTS, isRealFault, type RealFault } from './fault-profiles.js';

export interface BaseRunOptions {
  file: string;
  /** null: the recording replayed as the simulator's base, no fault. */
  fault: RealFault | null;
  onsetS: number | null;
  size: number | null;
  rampS: number | null;
  holdS: number | null;
  periodS: number | null;
  /** Seconds of the recording to emit from its start; null = all. */
  durationS: number | null;
  /** Bit for the made-up pits' hole volume when the file carries no diameter (in). */
  bitDiameterIn: number | null;
  /** Make up flow out, pits, gas, pump strokes and mud weight out when the recording lacks them. */
  synthesise: boolean;
}

export interface BaseArgValues {
  base?: string;
  scenario?: string;
  onset?: string;
  size?: string;
  ramp?: string;
  hold?: string;
  period?: string;
  duration?: string;
  bit?: string;
  'no-synthesise'?: boolean;
}

export const BASE_USAGE =
  '--base FILE [--scenario normal|' + REAL_FAULTS.join('|') + ' --onset SECONDS [--size N] [--ramp S] [--hold S] [--period S]] ' +
  '[--bit INCHES] [--no-synthesise]';

type Parsed = { ok: true; base: BaseRunOptions | null } | { ok: false; error: string };

/** "90", "90s", "15m", "2h" -> seconds; null when it is none of these. */
export function secondsOf(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(h|m|s)?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
}

export function parseBaseArgs(v: BaseArgValues): Parsed {
  const faultFlags = (['onset', 'size', 'ramp', 'hold', 'period', 'bit'] as const).filter((k) => v[k] !== undefined);
  if (v.base === undefined) {
    if (faultFlags.length > 0 || v['no-synthesise']) {
      return { ok: false, error: `--${faultFlags[0] ?? 'no-synthesise'} goes with --base FILE (a fault on a real recording)` };
    }
    return { ok: true, base: null };
  }
  if (v.base.trim() === '') return { ok: false, error: '--base needs a recording file' };
  const name = v.scenario ?? 'normal';
  if (name !== 'normal' && !isRealFault(name)) {
    return { ok: false, error: `with --base the scenario is normal or one of ${REAL_FAULTS.join(', ')}; got '${name}'` };
  }
  const fault = name === 'normal' ? null : name;
  const seconds = (flag: string, text: string | undefined, min: number, max: number): number | null | string => {
    if (text === undefined) return null;
    const s = secondsOf(text);
    if (s === null || s < min || s > max) return `bad --${flag} '${text}' (seconds between ${min} and ${max}, or e.g. 90m, 2h)`;
    return s;
  };
  const onset = seconds('onset', v.onset, 0, 400 * 24 * 3600);
  const ramp = seconds('ramp', v.ramp, 1, 24 * 3600);
  const hold = seconds('hold', v.hold, 0, 30 * 24 * 3600);
  const period = seconds('period', v.period, 2, 30);
  const duration = seconds('duration', v.duration, 1, 400 * 24 * 3600);
  for (const r of [onset, ramp, hold, period, duration]) if (typeof r === 'string') return { ok: false, error: r };
  let size: number | null = null;
  if (v.size !== undefined) {
    const p = fault ? FAULT_PROFILES[fault] : null;
    const n = Number(v.size);
    if (!p) return { ok: false, error: '--size needs a fault (--scenario kick, loss, ...)' };
    if (!/^\d+(\.\d+)?$/.test(v.size.trim()) || !(n >= p.minSize && n <= p.maxSize)) {
      return { ok: false, error: `bad --size '${v.size}' for ${fault} (${p.minSize}-${p.maxSize} ${p.sizeUnit})` };
    }
    size = n;
  }
  let bit: number | null = null;
  if (v.bit !== undefined) {
    bit = Number(v.bit);
    if (!/^\d+(\.\d+)?$/.test(v.bit.trim()) || !(bit >= 2 && bit <= 36)) return { ok: false, error: `bad --bit '${v.bit}' (inches, 2-36)` };
  }
  if (fault && onset === null) return { ok: false, error: `--scenario ${fault} with --base needs --onset SECONDS (from the start of the recording)` };
  const faultOnly = faultFlags.find((f) => f !== 'bit');
  if (!fault && faultOnly) return { ok: false, error: `--${faultOnly} needs a fault (--scenario ${REAL_FAULTS.join('|')})` };
  return {
    ok: true,
    base: {
      file: v.base,
      fault,
      onsetS: onset as number | null,
      size,
      rampS: ramp as number | null,
      holdS: hold as number | null,
      periodS: period as number | null,
      durationS: duration as number | null,
      bitDiameterIn: bit,
      synthesise: v['no-synthesise'] !== true,
    },
  };
}
