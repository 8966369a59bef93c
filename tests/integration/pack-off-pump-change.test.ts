// One pack-off is one alarm across the driller's pump changes (issue 11, alarm discipline): while
// the pack-off builds he cuts the pumps and brings them back, SPP's baseline starts over at each
// new rate and cannot be read for minutes, and torque is still up. The event stands through it;
// it is not cleared and reopened with a second alarm. Real pipeline, simulated pack-off.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src-shared/config.js';
import { makePacket } from '../../src-shared/wits.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { bareCoordinator } from '../support/coordinator.js';

/** The pumps cut to this share of the rate, then brought back, each for PUMP_STEP_S. */
const CUT_SHARE = 0.8;
const PUMP_STEP_S = 360;

describe('a pack-off through a pump-rate change', () => {
  it('stays one event with one alarm while torque is up and SPP cannot be read at the new rates', () => {
    const sim = createSimulation({ scenario: 'pack-off', seed: 1 });
    const fault = sim.groundTruth().faults[0];
    const endMs = Date.parse(fault.end);
    const c = bareCoordinator(defaultConfig());
    let raisedAtMs: number | null = null;
    const packOff: { kind: string; alarm: boolean }[] = [];
    for (const s of sim) {
      if (s.timeMs > endMs) break;
      const v = { ...s.values };
      // From a minute after the alarm: the driller cuts the pumps for 6 minutes, then brings them back.
      const sinceS = raisedAtMs === null ? -1 : (s.timeMs - raisedAtMs) / 1000 - 60;
      if (sinceS >= 0 && sinceS < PUMP_STEP_S && v.flowInGpm !== null && v.sppPsi !== null) {
        v.flowInGpm *= CUT_SHARE;
        if (v.flowOutGpm !== null) v.flowOutGpm *= CUT_SHARE;
        if (v.pumpSpm !== null) v.pumpSpm *= CUT_SHARE;
        v.sppPsi *= CUT_SHARE ** 1.8;
      }
      const out = c.process(makePacket(s.timeMs, v));
      for (const t of out.transitions) {
        if (t.fault !== 'pack-off') continue;
        packOff.push({ kind: t.kind, alarm: t.alarm });
        if (t.kind === 'raised') raisedAtMs ??= s.timeMs;
      }
    }
    expect(raisedAtMs).not.toBeNull();
    expect(packOff.filter((t) => t.kind === 'raised')).toHaveLength(1);
    expect(packOff.filter((t) => t.kind === 'reopened' || t.kind === 'cleared')).toEqual([]);
    expect(packOff.filter((t) => t.alarm)).toHaveLength(1);
  });
});
