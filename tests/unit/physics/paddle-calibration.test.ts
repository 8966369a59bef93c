// Flow out from the paddle's percent (WITS 0128) on a rig that sends no flow out in gpm: learned
// at steady, quiet pumping per pump rate, held while a kick or a loss builds.
import { describe, expect, it } from 'vitest';
import { PADDLE_LEARN_S, PaddleCalibration } from '../../../src-main/physics/trackers/paddle-calibration.js';

/** A paddle reading 40 % at 600 gpm and 55 % at 900 gpm: not linear, as paddles are not. */
const percentAt = (returnsGpm: number) => 100 * (returnsGpm / 1500) ** 0.85;

function feed(cal: PaddleCalibration, flowInGpm: number, seconds: number, extraGpm: (s: number) => number = () => 0) {
  let last: number | null = null;
  for (let s = 0; s < seconds; s++) {
    const balance = last === null ? null : last - flowInGpm;
    last = cal.update(flowInGpm, percentAt(flowInGpm + extraGpm(s)), true, balance, 3, 1);
  }
  return last;
}

describe('PaddleCalibration', () => {
  it('says nothing until a rate has been learned, then reads flow out in gpm at that rate', () => {
    const cal = new PaddleCalibration();
    expect(feed(cal, 600, PADDLE_LEARN_S - 1)).toBeNull();
    expect(feed(cal, 600, 2)).toBeCloseTo(600, 6);
  });
  it('keeps a calibration per pump rate: a new rate learns again, a rate used before needs no new learning', () => {
    const cal = new PaddleCalibration();
    feed(cal, 600, PADDLE_LEARN_S + 10);
    // 900 gpm on 600 gpm's calibration would read 900 × (linear error): not used, learned anew.
    expect(cal.update(900, percentAt(900), true, null, 3, 1)).toBeNull();
    expect(feed(cal, 900, PADDLE_LEARN_S + 10)).toBeCloseTo(900, 6);
    // Back at 600 gpm: its own calibration at once.
    expect(cal.update(600, percentAt(600), true, 0, 3, 1)).toBeCloseTo(600, 6);
    // Pumps off (paddle at rest): nothing.
    expect(cal.update(0, 0, false, null, 3, 1)).toBeNull();
  });
  it('holds while a kick builds: a 60 gpm influx ramped over 5 minutes is read, not calibrated away', () => {
    const cal = new PaddleCalibration();
    feed(cal, 900, 600);
    const out = feed(cal, 900, 600, (s) => Math.min(60, (60 * s) / 300)) as number;
    // A secant calibration reads a change through this paddle's curve at 0.85 of its size (51 gpm).
    expect(out - 900).toBeGreaterThan(48);
    // Without the hold (the balance never passed on) the same influx fades into the calibration.
    const naive = new PaddleCalibration();
    for (let s = 0; s < 600; s++) naive.update(900, percentAt(900), true, null, 3, 1);
    let last = 0;
    for (let s = 0; s < 600; s++) last = naive.update(900, percentAt(900 + Math.min(60, (60 * s) / 300)), true, null, 3, 1) as number;
    expect(last - 900).toBeLessThan(30);
  });
  it('a paddle reading a fraction (0-1) or resting under 5 % is not calibrated on', () => {
    const cal = new PaddleCalibration();
    for (let s = 0; s < 300; s++) expect(cal.update(900, 1, true, null, 3, 1)).toBeNull();
  });
});
