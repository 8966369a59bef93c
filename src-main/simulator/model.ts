// The pure drilling model: one call to next() is one second of rig time. No clocks, no
// Math.random: everything comes from the seed and the sample index, so a seed replays
// exactly. Values are canonical US oilfield units (ARCHITECTURE.md "Units").
// This file composes the run: the plan (scenarios.ts), the rig (rig-state.ts), one second of
// physics (rig-step.ts) and the ground truth (ground-truth.ts).
import type { Campaign } from '../../src-shared/campaign.js';
import type { ChannelValues } from '../../src-shared/wits.js';
import { faultStrength } from './fault-effects.js';
import { groundTruthOf } from './ground-truth.js';
import { rockAt } from './lithology.js';
import { createRng } from './prng.js';
import { createRig } from './rig-state.js';
import { stepRig } from './rig-step.js';
import { DEFAULT_DURATION_S, defaultCampaign, planDropouts, planFaults, type GroundTruth, type ScenarioName } from './scenarios.js';

export { faultStrength } from './fault-effects.js';

export interface SimulationOptions {
  scenario: ScenarioName;
  seed: number;
  /** Epoch ms of the first sample; defaults to 2025-01-01T00:00:00Z so runs are reproducible. */
  startMs?: number;
  /** Seconds of rig time (one sample per second); defaults per scenario. */
  durationS?: number;
  campaign?: Campaign;
}

export interface SimSample {
  timeMs: number;
  values: ChannelValues;
}

export interface Simulation extends Iterable<SimSample> {
  readonly scenario: ScenarioName;
  readonly seed: number;
  readonly startMs: number;
  readonly durationS: number;
  readonly campaign: Campaign;
  /** The next 1 Hz sample, or null when the run is over. */
  next(): SimSample | null;
  groundTruth(): GroundTruth;
  /** Name of the formation under the bit (for the ML engine's checks and debugging). */
  currentFormation(): string;
  /** Strength 0..1 of the strongest planned fault at a sample time (ML engine checks). */
  faultStrengthAt(timeMs: number): number;
}

export const DEFAULT_START_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

export function createSimulation(opts: SimulationOptions): Simulation {
  const { scenario, seed } = opts;
  const startMs = opts.startMs ?? DEFAULT_START_MS;
  const durationS = Math.max(1, Math.floor(opts.durationS ?? DEFAULT_DURATION_S[scenario]));
  const campaign = opts.campaign ?? defaultCampaign(scenario);
  // Separate streams: the plan does not shift when the per-second noise draws change.
  const planRng = createRng(seed * 7919 + 1);
  const rng = createRng(seed);
  const faults = planFaults(scenario, durationS, planRng);
  const dropouts = planDropouts(scenario, durationS, planRng);
  const { world, state } = createRig({ scenario, durationS, faults, dropouts }, planRng, rng);
  const truth = groundTruthOf({ scenario, seed, campaign, startMs, durationS }, faults, dropouts);

  const sim: Simulation = {
    scenario,
    seed,
    startMs,
    durationS,
    campaign,
    next(): SimSample | null {
      if (state.t >= durationS) return null;
      const values = stepRig(world, state);
      const sample = { timeMs: startMs + state.t * 1000, values };
      state.t++;
      return sample;
    },
    groundTruth: () => structuredClone(truth),
    currentFormation: () => (world.paRock && world.isPa ? world.paRock.name : rockAt(world.layers, state.lithoFt).name),
    faultStrengthAt: (timeMs) => faults.reduce((m, f) => Math.max(m, faultStrength(f, (timeMs - startMs) / 1000)), 0),
    *[Symbol.iterator](): Iterator<SimSample> {
      for (let s = sim.next(); s !== null; s = sim.next()) yield s;
    },
  };
  return sim;
}
