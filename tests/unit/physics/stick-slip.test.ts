import { describe, expect, it } from 'vitest';
import { torqueOscillationOf } from '../../../src-main/physics/stick-slip.js';

const sine = (n: number, amplitude: (i: number) => number, periodS = 6, meanKftLbf = 15): number[] =>
  Array.from({ length: n }, (_, i) => meanKftLbf * (1 + amplitude(i) * Math.sin((2 * Math.PI * i) / periodS)));

describe('torque oscillation', () => {
  it('names the period, not a multiple of it', () => {
    const osc = torqueOscillationOf(sine(40, () => 0.3));
    expect(osc?.periodS).toBe(6);
    expect(osc?.regularity).toBeGreaterThan(0.9);
  });
  it('reads the size of an oscillation building up from its newest two periods', () => {
    // Amplitude growing from 0 to 20 % over the 40 s window: now it is ~14 % RMS, the window's average ~8 %.
    const osc = torqueOscillationOf(sine(40, (i) => (0.2 * i) / 39));
    expect(osc?.cv).toBeGreaterThan(0.11);
    expect(osc?.cv).toBeLessThan(0.15);
  });
  it('torque near zero or held between slow logger updates is not assessable', () => {
    expect(torqueOscillationOf(sine(40, () => 0.3, 6, 0.5))).toBeNull();
    expect(torqueOscillationOf(Array.from({ length: 40 }, (_, i) => 15 + Math.floor(i / 10)))).toBeNull();
  });
});
