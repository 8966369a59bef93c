import { describe, expect, it } from 'vitest';
import { fixed, groupThousands, percentOfFraction, signedFixed, withUnit } from '../../../src-shared/number-format.js';
import { formatQuantity, joinRich, partsText, quantity, rich } from '../../../src-shared/quantity.js';

describe('number formatting (the one module)', () => {
  it('never prints -0 or -0.0', () => {
    expect(fixed(-0.04, 1)).toBe('0.0');
    expect(fixed(-0.4, 0)).toBe('0');
    expect(fixed(-0.06, 1)).toBe('-0.1');
    expect(signedFixed(0.04, 1)).toBe('0.0');
    expect(signedFixed(-0.04, 1)).toBe('0.0');
    expect(signedFixed(3.25, 1)).toBe('+3.3');
  });

  it('percent always with a space: "70 %"', () => {
    expect(percentOfFraction(0.7)).toBe('70 %');
    expect(withUnit('70', '%')).toBe('70 %');
    expect(withUnit('1.42', '')).toBe('1.42');
  });

  it('thousands separators keep sign and decimals', () => {
    expect(groupThousands('-12345.67')).toBe('-12,345.67');
    expect(groupThousands('999')).toBe('999');
    expect(fixed(10012.4, 0, true)).toBe('10,012');
  });
});

describe('quantities and rich text', () => {
  it('converts to metric with sensible decimals; unknown units stay as written', () => {
    expect(formatQuantity(quantity(6.1, 'bbl', 1, true), 'metric')).toBe('+0.97 m³');
    expect(formatQuantity(quantity(10.2, 'ppg', 1), 'metric')).toBe('1.22 g/cm³');
    expect(formatQuantity(quantity(25, 'klbf', 1), 'metric')).toBe('111 kN');
    expect(formatQuantity(quantity(240, 'units', 0), 'metric')).toBe('240 units');
    expect(formatQuantity(quantity(null, 'gpm', 0), 'metric')).toBe('n/a');
    expect(formatQuantity(quantity(70, '%', 0), 'imperial')).toBe('70 %');
  });

  it('groups depth always and other values from five digits, only when asked', () => {
    expect(formatQuantity(quantity(10200, 'ft', 0), 'imperial', { group: true })).toBe('10,200 ft');
    expect(formatQuantity(quantity(2930, 'psi', 0), 'imperial', { group: true })).toBe('2930 psi');
    expect(formatQuantity(quantity(64000, 'psi', 0), 'imperial', { group: true })).toBe('64,000 psi');
    expect(formatQuantity(quantity(10200, 'ft', 0), 'imperial')).toBe('10200 ft');
  });

  it('rich`` splices text, numbers, quantities and nested rich text, merging text', () => {
    const inner = rich`pit ${quantity(5, 'bbl', 1)}`;
    const r = rich`Gain (${inner}) at ${3} min`;
    expect(r.filter((p) => 'text' in p)).toHaveLength(2);
    expect(partsText(r)).toBe('Gain (pit 5.0 bbl) at 3 min');
    expect(partsText(joinRich([rich`a`, rich`${quantity(1, 'ft', 0)}`, rich`c`], '; '), 'metric')).toBe('a; 0 m; c');
  });
});
