// A rig whose only flow-out sensor is the paddle's percent (WITS 0128), as most rigs have: the
// simulator's returns turned into a non-linear paddle reading, flow out in gpm not sent. The
// engine calibrates the paddle against flow in at steady pumps, so a kick is still read from
// the flow, not left to the pits alone, and clean drilling stays quiet. (The paddle is made up
// here: the shared recordings carry no usable flow-out percent.)
import { describe, expect, it } from 'vitest';
import type { ChannelValues } from '../../src-shared/wits.js';
import { runScenario } from '../support/run-scenario.js';

/** Percent of a 1,500 gpm full scale, bending as a paddle's does. */
const paddleOnly = (v: ChannelValues): ChannelValues => ({
  ...v,
  flowOutGpm: null,
  flowOutPercent: v.flowOutGpm === null ? null : 100 * (Math.max(0, v.flowOutGpm) / 1500) ** 0.85,
});
const noFlowOut = (v: ChannelValues): ChannelValues => ({ ...v, flowOutGpm: null, flowOutPercent: null });

function firstKick(sensors: (v: ChannelValues) => ChannelValues) {
  const run = runScenario('kick', { seed: 1, sensors });
  const fault = run.truth.faults.find((f) => f.category === 'kick');
  if (!fault) throw new Error('kick: no ground-truth fault');
  const onsetMs = Date.parse(fault.onset);
  const right = run.advisories.find((a) => a.timeMs >= onsetMs && a.fault === 'kick');
  const early = run.advisories.filter((a) => a.timeMs < onsetMs && a.riskLevel !== 'Low').map((a) => `${a.fault}@${(a.timeMs - onsetMs) / 1000}s`);
  return { delayS: right ? (right.timeMs - onsetMs) / 1000 : null, reason: right?.physicsVerdict.reason ?? '', early };
}

describe('a rig with only a flow paddle (percent)', () => {
  it('reads the kick from the calibrated paddle, sooner than the pits alone, with nothing loud before', () => {
    const paddle = firstKick(paddleOnly);
    const pitsOnly = firstKick(noFlowOut);
    expect(paddle.early).toEqual([]);
    expect(paddle.delayS).not.toBeNull();
    expect(paddle.delayS as number).toBeLessThanOrEqual(60);
    expect(paddle.reason).toMatch(/flow out [\d.]+ gpm above flow in/);
    expect(pitsOnly.delayS === null || (paddle.delayS as number) < (pitsOnly.delayS as number)).toBe(true);
  });
  it('six hours of clean drilling on the paddle alone: no advisory at Elevated or above', () => {
    const run = runScenario('normal', { seed: 1, durationS: 6 * 3600, sensors: paddleOnly });
    expect(run.advisories.filter((a) => a.riskLevel !== 'Low').map((a) => `${a.fault} ${a.riskLevel}`)).toEqual([]);
    expect(run.tickets.length / run.packets).toBeLessThan(0.01);
  });
});
