// The standing-alarm wiring through the real pipeline (coordinator -> event tracker -> physics):
// the simulator's kick, once advised, neither teaches the flow-noise band that it is noise nor
// raises a second event for its own gas.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src-shared/config.js';
import { makePacket } from '../../src-shared/wits.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { bareCoordinator } from '../support/coordinator.js';

describe('standing alarms through the pipeline', () => {
  it("a simulated kick: the flow band holds while its alarm stands, and its gas is the kick's event", () => {
    const sim = createSimulation({ scenario: 'kick', seed: 1 });
    const kick = sim.groundTruth().faults[0];
    const endMs = Date.parse(kick.end);
    const c = bareCoordinator(defaultConfig());
    let noiseAtAlarmGpm: number | null = null;
    let widestNoiseGpm = 0;
    const faultsRaised = new Set<string>();
    for (const s of sim) {
      const out = c.process(makePacket(s.timeMs, s.values));
      for (const t of out.transitions) if (t.kind === 'raised') faultsRaised.add(t.fault);
      if (s.timeMs > endMs) break;
      const noise = out.metrics?.flowNoiseGpm ?? null;
      if (noiseAtAlarmGpm === null && c.events.isActive('kick')) noiseAtAlarmGpm = noise;
      if (noiseAtAlarmGpm !== null && noise !== null) widestNoiseGpm = Math.max(widestNoiseGpm, noise);
    }
    expect(noiseAtAlarmGpm).not.toBeNull();
    expect(widestNoiseGpm).toBeLessThanOrEqual((noiseAtAlarmGpm as number) * 1.05);
    expect(faultsRaised).toContain('kick');
    expect(faultsRaised).not.toContain('gas');
  });
});
