// Runs one eval task through the full pipeline (replayPackets: a fresh engine, in-memory
// storage, the static knowledge base, as `npm run replay` does). Base recordings are loaded
// once per process and kept.
import { join } from 'node:path';
import { defaultConfig, type WellConfig } from '../../src-shared/config.js';
import { makePacket, type WitsPacket } from '../../src-shared/wits.js';
import type { KnowledgeStore } from '../knowledge/knowledge-store.js';
import { replayCsv, replayPackets, type ReplayReport } from '../pipeline/replay.js';
import { loadBaseRecording } from '../simulator/base-file.js';
import { expandTo1Hz, recordingSamples, type BaseRecording } from '../simulator/base-recording.js';
import { FAULT_PROFILES, InjectionError, faultSpec, type FaultSpec } from '../simulator/fault-profiles.js';
import { injectFault, type InjectionTruth } from '../simulator/inject.js';
import { createSimulation, type SimSample } from '../simulator/model.js';
import { drillingOnsets, spreadOnsets, trippingSeconds } from '../simulator/onsets.js';
import { synthesiseMissing } from '../simulator/synthesise.js';
import { onsetRange } from './classify.js';
import type { EvalRecording } from './recordings.js';
import { alarmFigures, scoreCleanRun, scoreFaultRun, type AdvisoryLite } from './score.js';
import { recordingById, type EvalSettings, type EvalTask, type FaultRunResult, type TaskResult } from './tasks.js';

export class BaseCache {
  private readonly bases = new Map<string, Promise<BaseRecording>>();
  private readonly onsets = new Map<string, number[]>();

  constructor(private readonly settings: EvalSettings) {}

  has(id: string): boolean {
    return this.bases.has(id);
  }

  async get(r: EvalRecording): Promise<BaseRecording> {
    let p = this.bases.get(r.id);
    if (!p) {
      p = loadBase(r, this.settings.dataDir, this.settings.synthSeed ?? 1);
      this.bases.set(r.id, p);
    }
    return p;
  }

  /** Onsets for faults that happen while drilling or while tripping, longest fault window allowed for. */
  async onsetsFor(r: EvalRecording, during: 'drilling' | 'tripping'): Promise<number[]> {
    const key = `${r.id}/${during}`;
    const cached = this.onsets.get(key);
    if (cached) return cached;
    const rec = await this.get(r);
    const { minS, maxS } = onsetRange(rec.lengthS);
    const fractions = this.settings.onsetFractions;
    const found = during === 'drilling' ? drillingOnsets(rec, fractions, minS, maxS) : spreadOnsets(trippingSeconds(rec), fractions, minS, maxS);
    this.onsets.set(key, found);
    return found;
  }
}

async function loadBase(r: EvalRecording, dataDir: string, synthSeed: number): Promise<BaseRecording> {
  if (r.file === null) {
    const sim = r.simulator ?? { seed: 1, durationS: 12 * 3600 };
    const rows = [...createSimulation({ scenario: 'normal', seed: sim.seed, durationS: sim.durationS })];
    return synthesiseMissing(expandTo1Hz(rows), { seed: sim.seed, bitDiameterIn: r.bitDiameterIn });
  }
  const loaded = await loadBaseRecording(join(dataDir, r.file), {
    seed: synthSeed,
    bitDiameterIn: r.bitDiameterIn,
    synthesise: r.synthesise ? undefined : [],
  });
  return loaded.recording;
}

export function configFor(r: { bitDiameterIn: number }): WellConfig {
  const c = defaultConfig();
  return { ...c, well: { ...c.well, bit_diameter_inches: r.bitDiameterIn } };
}

function* packetsOf(samples: Iterable<SimSample>): Generator<WitsPacket> {
  for (const s of samples) yield makePacket(s.timeMs, s.values);
}

const lite = (report: ReplayReport): AdvisoryLite[] =>
  report.advisories.map((a) => ({ timeMs: Date.parse(a.time), fault: a.fault, category: a.category, riskLevel: a.riskLevel as AdvisoryLite['riskLevel'] }));

export async function runTask(task: EvalTask, cache: BaseCache, settings: EvalSettings, knowledge: KnowledgeStore): Promise<TaskResult> {
  const started = performance.now();
  const wall = () => Math.round(performance.now() - started) / 1000;
  if (task.kind === 'sim-native') return runSimNative(task, knowledge, wall);
  const r = recordingById(settings.recordings, task.recording);
  if (task.kind === 'raw') {
    const report = await replayCsv(join(settings.dataDir, r.file as string), { config: configFor(r), campaign: r.campaign, speed: 'max', knowledge });
    return { kind: 'raw', key: task.key, recording: r.id, packets: report.packets, wallS: wall(), synthesised: [], score: scoreCleanRun(lite(report), report.simulatedSeconds / 3600, report.alarms) };
  }
  const base = await cache.get(r);
  if (task.kind === 'clean') {
    const report = await replayPackets(packetsOf(recordingSamples(base)), { config: configFor(r), campaign: r.campaign, speed: 'max', knowledge });
    let presentS = 0;
    for (const v of base.present) presentS += v;
    return { kind: 'clean', key: task.key, recording: r.id, packets: report.packets, wallS: wall(), synthesised: [...base.synthesised], score: scoreCleanRun(lite(report), presentS / 3600, report.alarms) };
  }
  const profile = FAULT_PROFILES[task.fault];
  const onsets = await cache.onsetsFor(r, profile.during);
  const onsetS = onsets[task.onsetIndex];
  if (onsetS === undefined) {
    return { kind: 'skipped', key: task.key, recording: r.id, fault: task.fault, reason: `only ${onsets.length} ${profile.during} onsets in this recording` };
  }
  const size = profile[task.size];
  const injected = tryInject(base, faultSpec(task.fault, onsetS, { size }), r.bitDiameterIn);
  // A recording without the channels the fault lives in (a found log with no flow in): said, not an error.
  if (typeof injected === 'string') return { kind: 'skipped', key: task.key, recording: r.id, fault: task.fault, reason: injected };
  const { recording, truth } = injected;
  const runFromS = Math.max(0, onsetS - settings.leadS);
  const report = await replayPackets(packetsOf(recordingSamples(recording, runFromS, truth.endS)), {
    config: configFor(r),
    campaign: r.campaign,
    speed: 'max',
    knowledge,
  });
  const advisories = lite(report);
  const at = (s: number) => recording.startMs + s * 1000;
  const score = scoreFaultRun(advisories, {
    runStartMs: at(runFromS),
    onsetMs: at(onsetS),
    endMs: at(truth.endS),
    expectedFaults: truth.expectedFaults,
    category: truth.anomalyCategory,
  });
  return {
    kind: 'fault', key: task.key, recording: r.id, fault: task.fault, sizeLabel: task.size, size, sizeUnit: profile.sizeUnit,
    onsetIndex: task.onsetIndex, onsetS, onset: truth.onset, endS: truth.endS, runFromS, truth, packets: report.packets, wallS: wall(),
    score, alarms: alarmFigures(advisories, report.simulatedSeconds / 3600, report.alarms),
  };
}

function tryInject(base: BaseRecording, spec: FaultSpec, bitDiameterIn: number): { recording: BaseRecording; truth: InjectionTruth } | string {
  try {
    return injectFault(base, spec, { bitDiameterIn });
  } catch (e) {
    if (e instanceof InjectionError) return e.message;
    throw e;
  }
}

async function runSimNative(task: Extract<EvalTask, { kind: 'sim-native' }>, knowledge: KnowledgeStore, wall: () => number): Promise<FaultRunResult> {
  const sim = createSimulation({ scenario: task.fault, seed: task.seed });
  const gt = sim.groundTruth();
  const f = gt.faults[0];
  const report = await replayPackets(packetsOf(sim), { config: defaultConfig(), campaign: gt.campaign, speed: 'max', knowledge });
  const advisories = lite(report);
  const profile = FAULT_PROFILES[task.fault];
  const onsetMs = Date.parse(f.onset);
  const score = scoreFaultRun(advisories, {
    runStartMs: sim.startMs,
    onsetMs,
    endMs: Date.parse(f.end),
    expectedFaults: profile.expected,
    category: profile.category,
  });
  return {
    kind: 'sim-native', key: task.key, recording: 'sim-native', fault: task.fault, sizeLabel: `seed ${task.seed}`, size: null, sizeUnit: '',
    onsetIndex: 0, onsetS: (onsetMs - sim.startMs) / 1000, onset: f.onset, endS: (Date.parse(f.end) - sim.startMs) / 1000, runFromS: 0, truth: null,
    packets: report.packets, wallS: wall(), score, alarms: alarmFigures(advisories, report.simulatedSeconds / 3600, report.alarms),
  };
}
