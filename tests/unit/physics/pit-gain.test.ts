import { describe, expect, it } from 'vitest';
import { PitTrend } from '../../../src-main/physics/flow.js';

describe('pit gain over the long window', () => {
  it('adds up a slow influx that the 90 s rate window would show only in part', () => {
    const gain = new PitTrend(600, 20);
    const rate = new PitTrend(90, 20);
    // 1.3 bbl/min for 10 minutes: 13 bbl in the pits, about the simulated kick.
    for (let s = 0; s <= 600; s++) {
      const v = 500 + (1.3 * s) / 60;
      gain.push(s * 1000, v);
      rate.push(s * 1000, v);
    }
    expect(gain.gainBbl()).toBeCloseTo(13, 1);
    expect(rate.compute()?.gainBbl).toBeCloseTo(1.95, 1);
    expect(rate.compute()?.rateBblHr).toBeCloseTo(78, 0);
  });

  it('lets slow drift fall out of the window instead of adding up over a shift', () => {
    const gain = new PitTrend(600, 20);
    // 0.5 bbl/hr of drift for 8 hours: 4 bbl in all, but only ~0.08 bbl within any 10 minutes.
    for (let s = 0; s <= 8 * 3600; s++) gain.push(s * 1000, 500 + (0.5 * s) / 3600);
    expect(gain.gainBbl()).toBeCloseTo(600 * (0.5 / 3600), 2);
  });

  it('says "not enough data" rather than guessing on a short span', () => {
    const gain = new PitTrend(600, 20);
    for (let s = 0; s < 10; s++) gain.push(s * 1000, 500 + s);
    expect(gain.gainBbl()).toBeNull();
  });
});
