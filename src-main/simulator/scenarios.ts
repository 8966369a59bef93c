// Scenario catalogue and fault plans. A plan is fixed when the simulation is created (seeded),
// so the ground truth is known up front and does not depend on how far the run has got.
import type { AnomalyCategory, FaultKind } from '../../src-shared/advisory.js';
import { FAULT_CATEGORY } from '../../src-shared/advisory.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { Channel } from '../../src-shared/wits.js';
import type { Rng } from './prng.js';

export const SCENARIOS = [
  'normal',
  'kick',
  'loss',
  'pack-off',
  'stick-slip',
  'founder',
  'washout',
  'mse-inefficiency',
  'formation-change',
  'milling',
  'cement-drill-out',
  'sensor-dropout',
  'garbage',
  'mixed',
] as const;

export type ScenarioName = (typeof SCENARIOS)[number];

export function isScenarioName(s: string): s is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(s);
}

/** Drilling faults the physics model can produce. */
export type DrillingFault = Extract<
  FaultKind,
  'kick' | 'loss' | 'pack-off' | 'stick-slip' | 'founder' | 'washout' | 'mse-inefficiency' | 'formation-change'
>;

/** P&A operations: not faults, but windows the operation classifier must recognise. */
export type PaOperation = 'milling' | 'cement-drill-out';

export type GroundTruthCategory = DrillingFault | PaOperation | 'sensor-dropout';

export interface GroundTruthFault {
  category: GroundTruthCategory;
  /** The advisory category a detector should raise; absent for operations and dropouts. */
  anomalyCategory?: AnomalyCategory;
  /** ISO-8601 UTC: the ramp starts here. */
  onset: string;
  /** ISO-8601 UTC: the effect is fully gone (ramp-out included). */
  end: string;
  /** sensor-dropout only: the channels that went absent. */
  channels?: Channel[];
}

export interface GroundTruth {
  scenario: ScenarioName;
  seed: number;
  campaign: Campaign;
  startTime: string;
  durationS: number;
  faults: GroundTruthFault[];
}

/** A fault in seconds from the start of the run. */
export interface PlannedFault {
  category: DrillingFault | PaOperation;
  onsetS: number;
  /** Seconds the fault is developing/held at full strength. */
  windowS: number;
  /** Seconds for the effect to fade after the window. */
  rampOutS: number;
  /** Time constant of the exponential ramp-in, s. */
  tauS: number;
  /** Severity of the developed fault, 0.8..1.2, seeded. */
  magnitude: number;
  /** Scenario variant (washout step vs ramp, stick-slip period...). */
  variant: number;
}

export interface PlannedDropout {
  channels: Channel[];
  onsetS: number;
  endS: number;
}

export const DEFAULT_DURATION_S: Record<ScenarioName, number> = {
  normal: 24 * 3600,
  kick: 3600,
  loss: 3600,
  'pack-off': 3600,
  'stick-slip': 3600,
  founder: 3600,
  washout: 3600,
  'mse-inefficiency': 3600,
  'formation-change': 3600,
  milling: 3600,
  'cement-drill-out': 3600,
  'sensor-dropout': 3600,
  garbage: 3600,
  mixed: 7 * 3600,
};

export function defaultCampaign(s: ScenarioName): Campaign {
  return s === 'milling' || s === 'cement-drill-out' ? 'plug_abandonment' : 'production';
}

// Window (held) length, ramp-in time constant and ramp-out per fault: long enough to develop
// well past the DOMAIN.md §4 thresholds, short enough to fit an hour's run.
const FAULT_SHAPE: Record<DrillingFault | PaOperation, { windowS: number; tauS: number; rampOutS: number }> = {
  kick: { windowS: 900, tauS: 120, rampOutS: 90 },
  loss: { windowS: 720, tauS: 60, rampOutS: 90 },
  'pack-off': { windowS: 600, tauS: 90, rampOutS: 120 },
  'stick-slip': { windowS: 720, tauS: 60, rampOutS: 90 },
  founder: { windowS: 420, tauS: 1, rampOutS: 60 },
  washout: { windowS: 900, tauS: 150, rampOutS: 60 },
  'mse-inefficiency': { windowS: 720, tauS: 120, rampOutS: 120 },
  'formation-change': { windowS: 1200, tauS: 60, rampOutS: 120 },
  milling: { windowS: 2100, tauS: 45, rampOutS: 60 },
  'cement-drill-out': { windowS: 2100, tauS: 45, rampOutS: 60 },
};

/** Normal drilling before the first fault so baseline learning can lock. */
const LEAD_IN_S = 900;

function planOne(
  category: DrillingFault | PaOperation,
  onsetS: number,
  maxEndS: number,
  rng: Rng,
): PlannedFault {
  const shape = FAULT_SHAPE[category];
  const room = maxEndS - onsetS - shape.rampOutS;
  return {
    category,
    onsetS,
    windowS: Math.max(60, Math.min(shape.windowS, room)),
    rampOutS: shape.rampOutS,
    tauS: shape.tauS,
    magnitude: rng.uniform(0.85, 1.15),
    variant: rng.int(0, 1),
  };
}

export function planFaults(scenario: ScenarioName, durationS: number, rng: Rng): PlannedFault[] {
  const single: Partial<Record<ScenarioName, DrillingFault | PaOperation>> = {
    kick: 'kick',
    loss: 'loss',
    'pack-off': 'pack-off',
    'stick-slip': 'stick-slip',
    founder: 'founder',
    washout: 'washout',
    'mse-inefficiency': 'mse-inefficiency',
    'formation-change': 'formation-change',
    milling: 'milling',
    'cement-drill-out': 'cement-drill-out',
  };
  const one = single[scenario];
  if (one) {
    // Short test runs shrink the lead-in rather than lose the fault.
    const onsetS = Math.round(Math.min(LEAD_IN_S, durationS * 0.3) + rng.uniform(0, Math.min(60, durationS * 0.05)));
    // A run too short to hold even the start of the fault stays plain drilling.
    if (onsetS + 60 > durationS) return [];
    return [planOne(one, onsetS, durationS - 30, rng)];
  }
  if (scenario !== 'mixed') return [];
  const order: DrillingFault[] = [
    'kick',
    'pack-off',
    'stick-slip',
    'washout',
    'founder',
    'loss',
    'mse-inefficiency',
    'formation-change',
  ];
  const out: PlannedFault[] = [];
  let t = Math.min(LEAD_IN_S, durationS * 0.1) + rng.uniform(0, 60);
  for (const category of order) {
    const shape = FAULT_SHAPE[category];
    if (t + Math.min(shape.windowS, 300) + shape.rampOutS > durationS - 60) break;
    const f = planOne(category, Math.round(t), durationS - 60, rng);
    out.push(f);
    // Normal drilling in between: 20-30 minutes, so the baseline settles again.
    t = f.onsetS + f.windowS + f.rampOutS + rng.uniform(1200, 1800);
  }
  return out;
}

export function planDropouts(scenario: ScenarioName, durationS: number, rng: Rng): PlannedDropout[] {
  if (scenario !== 'sensor-dropout') return [];
  const sets: Channel[][] = [
    ['flowOutGpm'],
    ['pitVolumeBbl', 'gasUnits'],
    ['torqueKftLbf', 'rpm'],
    ['sppPsi'],
    ['flowOutGpm', 'pitVolumeBbl', 'sppPsi', 'torqueKftLbf', 'wobKlbf', 'ropFtHr'],
  ];
  const out: PlannedDropout[] = [];
  let t = Math.min(LEAD_IN_S, durationS * 0.2);
  for (const channels of sets) {
    const len = Math.round(rng.uniform(30, 300));
    if (t + len > durationS - 30) break;
    out.push({ channels, onsetS: Math.round(t), endS: Math.round(t + len) });
    t += len + rng.uniform(240, 600);
  }
  return out;
}

export function anomalyCategoryOf(c: GroundTruthCategory): AnomalyCategory | undefined {
  return c in FAULT_CATEGORY ? FAULT_CATEGORY[c as FaultKind] : undefined;
}
