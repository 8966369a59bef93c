// The connection flow check: with the pumps off and the flow-back over, returns on the
// flow-out sensor mean the well is flowing. A static well raises nothing; a flowing one a
// critical kick advisory telling the crew to shut in. Real pipeline, simulated connection.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src-shared/config.js';
import type { Advisory } from '../../src-shared/advisory.js';
import { makePacket, type ChannelValues, type WitsPacket } from '../../src-shared/wits.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { bareCoordinator } from '../support/coordinator.js';

/** Normal drilling up to 30 s after the pumps first stop for a connection. */
function drillingIntoConnection(): { packets: WitsPacket[]; last: { timeMs: number; values: ChannelValues } } {
  const packets: WitsPacket[] = [];
  let pumpedFor = 0;
  let offAt = -1;
  for (const s of createSimulation({ scenario: 'normal', seed: 4, durationS: 4 * 3600 })) {
    packets.push(makePacket(s.timeMs, s.values));
    const flowIn = s.values.flowInGpm ?? 0;
    if (offAt < 0) {
      pumpedFor = flowIn > 300 ? pumpedFor + 1 : 0;
      if (pumpedFor === 0 && packets.length > 1200) offAt = packets.length;
    } else if (packets.length - offAt >= 30) {
      return { packets, last: s };
    }
  }
  throw new Error('no connection in the simulated run');
}

function run(flowOutGpm: number, pitBblPerMin: number): { advisories: Advisory[]; flowingFromMs: number } {
  const config = defaultConfig();
  const coordinator = bareCoordinator(config);
  const { packets, last } = drillingIntoConnection();
  const advisories: Advisory[] = [];
  const feed = (p: WitsPacket) => {
    const out = coordinator.process(p);
    if (out.advisory) advisories.push(out.advisory);
  };
  packets.forEach(feed);
  // The connection goes on, pipe static in the slips, pumps off: first 4 min with a dead-static
  // well, then returns start coming back.
  let t = last.timeMs;
  const staticValues = { ...last.values, flowInGpm: 0, flowOutGpm: 0, rpm: 0, wobKlbf: 0, ropFtHr: 0, pumpSpm: 0 };
  for (let i = 0; i < 240; i++) feed(makePacket((t += 1000), staticValues));
  const flowingFromMs = t + 1000;
  const pit0 = staticValues.pitVolumeBbl ?? 500;
  for (let i = 1; i <= 180; i++) {
    const wobble = ((i * 7) % 5) - 2; // a paddle sensor is never perfectly still
    feed(makePacket((t += 1000), { ...staticValues, flowOutGpm: flowOutGpm > 0 ? flowOutGpm + wobble : 0, pitVolumeBbl: pit0 + (pitBblPerMin * i) / 60 }));
  }
  return { advisories, flowingFromMs };
}

describe('connection flow check', () => {
  it('a static well with the pumps off raises nothing', () => {
    const { advisories, flowingFromMs } = run(0, 0);
    expect(advisories.filter((a) => a.timeMs >= flowingFromMs - 240_000)).toEqual([]);
  });

  it('returns with the pumps off give a critical kick advisory to shut in, within 30 s', () => {
    const { advisories, flowingFromMs } = run(35, 1.2);
    const kick = advisories.find((a) => a.timeMs >= flowingFromMs && a.fault === 'kick');
    expect(kick, 'a kick advisory').toBeDefined();
    const k = kick as Advisory;
    expect((k.timeMs - flowingFromMs) / 1000).toBeLessThanOrEqual(30);
    expect(k.riskLevel).toBe('Critical');
    expect(k.physicsVerdict.status).toBe('Confirmed');
    expect(k.template.diagnosis).toContain('Well flowing with the pumps off');
    expect(k.template.recommendation).toMatch(/^Shut in now/);
    expect(k.trigger.parameter).toBe('flowOutGpm');
    // nothing was raised while the well stood static before the flow started
    expect(advisories.filter((a) => a.timeMs >= flowingFromMs - 240_000 && a.timeMs < flowingFromMs)).toEqual([]);
  });
});
