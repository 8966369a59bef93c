// The eval's units of work and their results, and how the run matrix is laid out. Pure.
import type { RealFault } from '../simulator/fault-profiles.js';
import type { InjectionTruth } from '../simulator/inject.js';
import type { AlarmFigures, CleanScore, FaultScore } from './score.js';
import { SIM_NATIVE_FAULTS, SIM_NATIVE_ID, SIM_NATIVE_SEEDS, type EvalRecording } from './recordings.js';

export type SizeLabel = 'nominal' | 'small';
export type SimNativeFault = (typeof SIM_NATIVE_FAULTS)[number];

export type EvalTask =
  | { kind: 'fault'; key: string; recording: string; fault: RealFault; onsetIndex: number; size: SizeLabel }
  /** The whole recording at 1 Hz with the made-up channels, no fault. */
  | { kind: 'clean'; key: string; recording: string }
  /** The file through the replay reader as it is (its own pace, no made-up channels). */
  | { kind: 'raw'; key: string; recording: string }
  | { kind: 'sim-native'; key: string; fault: SimNativeFault; seed: number };

export interface EvalSettings {
  dataDir: string;
  /** What the tasks' recording ids name (found in dataDir, and the simulator base). */
  recordings: readonly EvalRecording[];
  /** Replay starts this long before the onset (s). */
  leadS: number;
  /** Where the onsets sit among the eligible seconds (0-1). */
  onsetFractions: number[];
  /** Seed of a real recording's made-up channels (default 1). */
  synthSeed?: number;
}

export interface FaultRunResult {
  kind: 'fault' | 'sim-native';
  key: string;
  recording: string;
  fault: string;
  /** 'nominal' / 'small' for injected faults, 'seed N' for the simulator's own. */
  sizeLabel: string;
  size: number | null;
  sizeUnit: string;
  onsetIndex: number;
  onsetS: number;
  onset: string;
  endS: number;
  runFromS: number;
  truth: InjectionTruth | null;
  packets: number;
  wallS: number;
  score: FaultScore;
  alarms: AlarmFigures;
}

export interface CleanRunResult {
  kind: 'clean' | 'raw';
  key: string;
  recording: string;
  packets: number;
  wallS: number;
  synthesised: string[];
  score: CleanScore;
}

export interface SkippedResult {
  kind: 'skipped';
  key: string;
  recording: string;
  fault: string | null;
  reason: string;
}

export type TaskResult = FaultRunResult | CleanRunResult | SkippedResult;

export interface MatrixOptions {
  recordings: readonly string[] | null;
  faults: readonly string[] | null;
  sizes: readonly SizeLabel[];
  onsets: number;
  clean: boolean;
  raw: boolean;
}

/** Onset positions among the eligible seconds for N onsets: 1 -> middle, 3 -> 0.3 / 0.55 / 0.8. */
export function onsetFractions(n: number): number[] {
  if (n === 1) return [0.55];
  if (n === 3) return [0.3, 0.55, 0.8];
  return Array.from({ length: n }, (_, i) => Math.round((0.2 + (0.7 * i) / (n - 1)) * 1000) / 1000);
}

export function buildMatrix(o: MatrixOptions, recordings: readonly EvalRecording[]): EvalTask[] {
  const want = (id: string) => o.recordings === null || o.recordings.includes(id);
  const wantFault = (f: string) => o.faults === null || o.faults.includes(f);
  const tasks: EvalTask[] = [];
  for (const r of recordings.filter((x) => want(x.id))) {
    if (o.clean) tasks.push({ kind: 'clean', key: `${r.id}/clean`, recording: r.id });
    if (o.raw && r.file !== null) tasks.push({ kind: 'raw', key: `${r.id}/raw`, recording: r.id });
    for (const fault of r.faults.filter(wantFault)) {
      for (const size of o.sizes) {
        for (let i = 0; i < o.onsets; i++) tasks.push({ kind: 'fault', key: `${r.id}/${fault}/${size}/${i + 1}`, recording: r.id, fault, onsetIndex: i, size });
      }
    }
  }
  if (want(SIM_NATIVE_ID)) {
    for (const fault of SIM_NATIVE_FAULTS.filter(wantFault)) {
      for (const seed of SIM_NATIVE_SEEDS) tasks.push({ kind: 'sim-native', key: `${SIM_NATIVE_ID}/${fault}/seed-${seed}`, fault, seed });
    }
  }
  return tasks;
}

export function recordingById(recordings: readonly EvalRecording[], id: string): EvalRecording {
  const r = recordings.find((x) => x.id === id);
  if (!r) throw new Error(`unknown recording ${id}`);
  return r;
}

export const taskRecording = (t: EvalTask): string => (t.kind === 'sim-native' ? SIM_NATIVE_ID : t.recording);
