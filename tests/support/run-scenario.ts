// Runs a simulator scenario through the real pipeline coordinator (no I/O) and reports what
// came out, with the simulator's ground truth, for the detection-quality tests and tuning.
import { defaultConfig, type WellConfig } from '../../src-shared/config.js';
import type { Advisory, Ticket, VerificationResult } from '../../src-shared/advisory.js';
import type { Operation } from '../../src-shared/campaign.js';
import type { EventTransition } from '../../src-shared/events.js';
import { makePacket, type ChannelValues } from '../../src-shared/wits.js';
import type { PipelineCoordinator } from '../../src-main/pipeline/coordinator.js';
import { bareCoordinator } from './coordinator.js';
import { createSimulation, defaultCampaign, type GroundTruth, type ScenarioName } from '../../src-main/simulator/index.js';

export interface ScenarioRun {
  truth: GroundTruth;
  packets: number;
  tickets: Ticket[];
  verifications: VerificationResult[];
  advisories: Advisory[];
  /** Alarm-event state changes, in order. */
  transitions: EventTransition[];
  /** Packets per operation the classifier settled on. */
  operations: Partial<Record<Operation, number>>;
  coordinator: PipelineCoordinator;
}

/**
 * `everyS`: keep one packet in this many (2 = a 0.5 Hz feed, 5 = 0.2 Hz); default all (1 Hz).
 * `sensors`: what the rig sends instead of the simulator's channels (a rig with only a paddle).
 */
export function runScenario(
  scenario: ScenarioName,
  opts: { seed?: number; durationS?: number; config?: WellConfig; everyS?: number; sensors?: (v: ChannelValues) => ChannelValues } = {},
): ScenarioRun {
  const config = opts.config ?? defaultConfig();
  const campaign = defaultCampaign(scenario);
  const sim = createSimulation({ scenario, seed: opts.seed ?? 1, ...(opts.durationS ? { durationS: opts.durationS } : {}) });
  const coordinator = bareCoordinator(config, campaign, () => performance.now());
  const run: ScenarioRun = { truth: sim.groundTruth(), packets: 0, tickets: [], verifications: [], advisories: [], transitions: [], operations: {}, coordinator };
  const every = opts.everyS ?? 1;
  let i = 0;
  for (const s of sim) {
    if (i++ % every !== 0) continue;
    const out = coordinator.process(makePacket(s.timeMs, opts.sensors ? opts.sensors(s.values) : s.values));
    run.packets++;
    run.operations[coordinator.operation] = (run.operations[coordinator.operation] ?? 0) + 1;
    if (out.ticket) run.tickets.push(out.ticket);
    if (out.verification) run.verifications.push(out.verification);
    if (out.advisory) run.advisories.push(out.advisory);
    run.transitions.push(...out.transitions);
  }
  return run;
}
