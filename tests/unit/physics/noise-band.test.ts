// The noise band a single well-control indicator is judged against: learned from the rig's own
// readings, two minutes late, so a ramping influx does not widen the band it is judged against.
import { describe, expect, it } from 'vitest';
import { NoiseBand, NoisePause, singleIndicatorLevel } from '../../../src-main/physics/trackers/noise-band.js';

/** ±5 alternating: RMS 5. */
const noise = (i: number) => (i % 2 ? 5 : -5);

describe('NoiseBand', () => {
  it('is not trusted until 120 readings have been learned, after a 120-reading delay', () => {
    const b = new NoiseBand();
    for (let i = 0; i < 239; i++) expect(b.update(noise(i), true)).toBeNull();
    expect(b.update(noise(239), true)).toBeCloseTo(5, 6);
  });
  it('a ramp held inside the delay does not widen the band; the same readings learned later do', () => {
    const b = new NoiseBand();
    for (let i = 0; i < 600; i++) b.update(noise(i), true);
    const before = b.rms as number;
    // A kick ramping from 0 to 15 gpm (up to 3 RMS) over 110 s.
    for (let i = 0; i < 110; i++) b.update((15 * i) / 110, true);
    expect(b.rms).toBeCloseTo(before, 9);
    for (let i = 0; i < 120; i++) b.update(15, true);
    expect(b.rms as number).toBeGreaterThan(before * 1.1);
  });
  it('readings not judged (pumps changing) are neither learned nor delayed', () => {
    const b = new NoiseBand();
    for (let i = 0; i < 600; i++) b.update(noise(i), true);
    const before = b.rms;
    for (let i = 0; i < 500; i++) b.update(100, false);
    expect(b.rms).toBe(before);
    expect(b.update(null, true)).toBe(before);
  });
  it('a young band may show the sensor noisier than a typical one, never quieter, until 600 s are learned', () => {
    const b = new NoiseBand();
    for (let i = 0; i < 200; i++) b.update(noise(i), true);
    expect(b.rmsNoLessThan(10)).toBeNull(); // nothing learned yet (120 s delay)
    for (let i = 200; i < 400; i++) b.update(noise(i), true);
    // 280 s learned at RMS 5: a typical 10 stands, a typical 3 does not lower it.
    expect(b.rmsNoLessThan(10)).toBe(10);
    expect(b.rmsNoLessThan(3)).toBeCloseTo(5, 6);
    for (let i = 400; i < 720; i++) b.update(noise(i), true);
    // 600 s learned: the band's own 5 is trusted.
    expect(b.rmsNoLessThan(10)).toBeCloseTo(5, 6);
  });
  it('a single indicator must clear the warning or 3 RMS, whichever is higher', () => {
    expect(singleIndicatorLevel(10, null)).toBe(10);
    expect(singleIndicatorLevel(10, 2)).toBe(10);
    expect(singleIndicatorLevel(10, 5)).toBe(15);
  });
  it('readings queued while a fault built are dropped, not learned', () => {
    const b = new NoiseBand();
    for (let i = 0; i < 600; i++) b.update(noise(i), true);
    const before = b.rms as number;
    // Two minutes of a loss ramping in sit in the delay; the alarm then drops them.
    for (let i = 0; i < 110; i++) b.update(-(60 * i) / 110, true);
    b.discardPending();
    for (let i = 0; i < 240; i++) b.update(noise(i), true);
    expect(b.rms).toBeCloseTo(before, 6);
  });
});

describe('NoisePause', () => {
  it('pauses from the alarm on, says when it began, and learns again once it clears', () => {
    const p = new NoisePause();
    expect(p.update(0, false)).toBe('learning');
    expect(p.update(1000, true)).toBe('began');
    expect(p.update(2000, true)).toBe('paused');
    expect(p.update(600_000, true)).toBe('paused');
    expect(p.update(601_000, false)).toBe('learning');
    expect(p.update(602_000, true)).toBe('began');
  });
  it("an alarm left standing past 15 minutes is the rig's new normal: the bands learn again", () => {
    const p = new NoisePause();
    p.update(0, true);
    expect(p.update(900_000, true)).toBe('paused');
    expect(p.update(901_000, true)).toBe('learning');
  });
});
