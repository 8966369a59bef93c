import { describe, expect, it } from 'vitest';
import { describeSegment, formationLabel, largestSegment, segmentByDExponent } from '../../../src-main/ml/segmentation.js';
import { run } from './fixtures.js';

describe('formation segmentation by d-exponent (DOMAIN §10.3)', () => {
  it('labels rock by mean d-exponent', () => {
    expect(formationLabel(1.0)).toBe('Soft Shale');
    expect(formationLabel(1.4)).toBe('Medium Shale/Siltstone');
    expect(formationLabel(1.8)).toBe('Hard Sandstone');
    expect(formationLabel(2.3)).toBe('Very Hard');
  });

  it('keeps steady rock in one segment and under 120 samples never splits', () => {
    expect(segmentByDExponent(run(2000))).toEqual([[0, 2000]]);
    expect(segmentByDExponent(run(100, (i) => ({ dExponent: i < 50 ? 1.0 : 2.0 })))).toEqual([[0, 100]]);
    expect(segmentByDExponent([])).toEqual([]);
  });

  it('splits where d-exponent shifts more than 15 % and places the boundary at the shift', () => {
    const s = run(1000, (i) => ({ dExponent: i < 600 ? 1.3 : 1.7 }));
    expect(segmentByDExponent(s)).toEqual([[0, 600], [600, 1000]]);
    // A 10 % shift is the same rock.
    expect(segmentByDExponent(run(1000, (i) => ({ dExponent: i < 600 ? 1.5 : 1.65 })))).toHaveLength(1);
  });

  it('finds several boundaries, ignores missing d, and describes each segment', () => {
    const s = run(1500, (i) => ({ dExponent: i % 97 === 0 ? null : i < 400 ? 1.1 : i < 900 ? 1.8 : 1.2, depthFt: 9000 + i }));
    const ranges = segmentByDExponent(s);
    expect(ranges).toEqual([[0, 400], [400, 900], [900, 1500]]);
    expect(largestSegment(ranges)).toBe(2);
    const seg = describeSegment(s, ranges[1], 1);
    expect(seg).toMatchObject({ index: 1, label: 'Hard Sandstone', fromFt: 9400, toFt: 9899, samples: 500 });
    expect(seg.meanDExponent).toBeCloseTo(1.8, 12);
  });

  it('the largest segment wins, the later one on a tie', () => {
    expect(largestSegment([[0, 500], [500, 700]])).toBe(0);
    expect(largestSegment([[0, 300], [300, 600]])).toBe(1);
  });
});
