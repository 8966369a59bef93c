import { describe, expect, it } from 'vitest';
import {
  coefficientOfVariation,
  logGamma,
  median,
  pearson,
  regularizedIncompleteBeta,
  slopePerSample,
  studentTTwoTailedP,
} from '../../../src-main/ml/statistics.js';

describe('Student t distribution from the incomplete beta function', () => {
  it('log-gamma matches factorials and sqrt(pi)', () => {
    expect(logGamma(1)).toBeCloseTo(0, 9);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 9);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 9);
    expect(logGamma(3.5)).toBeCloseTo(Math.log(3.323350970447843), 9);
  });

  it('regularised incomplete beta matches closed forms', () => {
    // I_x(a, 1) = x^a; I_x(1, b) = 1 - (1-x)^b; I_0.5(2, 3) = 11/16.
    expect(regularizedIncompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 10);
    expect(regularizedIncompleteBeta(0.7, 1, 4)).toBeCloseTo(1 - 0.3 ** 4, 10);
    expect(regularizedIncompleteBeta(0.5, 2, 3)).toBeCloseTo(11 / 16, 10);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  // Critical values from the standard t table: P(|T| >= t) = alpha.
  it.each([
    [12.706, 1, 0.05],
    [4.303, 2, 0.05],
    [2.228, 10, 0.05],
    [3.169, 10, 0.01],
    [2.042, 30, 0.05],
    [2.75, 30, 0.01],
    [1.96, 1e6, 0.05],
  ])('t = %f with %i degrees of freedom gives two-tailed p = %f', (t, df, p) => {
    expect(studentTTwoTailedP(t, df)).toBeCloseTo(p, 3);
    expect(studentTTwoTailedP(-t, df)).toBeCloseTo(p, 3);
  });

  it('t = 0 gives p = 1; t = 1 with 1 df gives p = 0.5 (Cauchy)', () => {
    expect(studentTTwoTailedP(0, 7)).toBeCloseTo(1, 12);
    expect(studentTTwoTailedP(1, 1)).toBeCloseTo(0.5, 10);
    expect(studentTTwoTailedP(2, 10)).toBeCloseTo(0.07339, 4);
  });
});

describe('Pearson correlation', () => {
  it('is +1 / -1 on straight lines (p = 0) and null on flat series or too few pairs', () => {
    const x = [1, 2, 3, 4, 5, 6];
    expect(pearson(x, x.map((v) => 2 * v + 1))).toMatchObject({ r: 1, pValue: 0, n: 6 });
    expect(pearson(x, x.map((v) => -v))?.r).toBeCloseTo(-1, 12);
    expect(pearson(x, x.map(() => 3))).toBeNull();
    expect(pearson([1, 2], [3, 4])).toBeNull();
  });

  it('skips pairs with a missing value and matches a hand-computed r and p', () => {
    // r = 0.8 exactly for this set; t = 0.8*sqrt(3)/0.6 = 2.3094 with 3 df -> p = 0.1041.
    const r = pearson([1, 2, 3, 4, 5, null], [2, 1, 4, 3, 5, 9]);
    expect(r?.n).toBe(5);
    expect(r?.r).toBeCloseTo(0.8, 12);
    expect(r?.pValue).toBeCloseTo(0.1041, 3);
  });
});

describe('helpers', () => {
  it('median, CV and slope', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(coefficientOfVariation([9, 11])).toBeCloseTo(0.1, 12);
    expect(coefficientOfVariation([0, 0])).toBeNull();
    expect(slopePerSample([1, 3, 5, 7])).toBeCloseTo(2, 12);
    expect(slopePerSample([5])).toBe(0);
  });
});
