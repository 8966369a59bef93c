import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type WellConfig } from '../../../src-shared/config.js';
import { makePacket } from '../../../src-shared/wits.js';
import { validateConfig } from '../../../src-main/config/validate.js';
import { bitDiameterFor } from '../../../src-main/physics/bit-diameter.js';
import { bareCoordinator } from '../../support/coordinator.js';

const program = (sections: Array<[number, number, number]>) =>
  sections.map(([from_depth_ft, to_depth_ft, diameter_in]) => ({ from_depth_ft, to_depth_ft, diameter_in }));

describe('well.bit_program', () => {
  it('reads from TOML (inline tables or [[well.bit_program]]) and validates', () => {
    const inline = parse('[well]\nbit_program = [{ from_depth_ft = 0, to_depth_ft = 4500, diameter_in = 17.5 }, { from_depth_ft = 4500, to_depth_ft = 9000, diameter_in = 12.25 }]\n');
    const v = validateConfig(inline);
    expect(v.errors).toEqual([]);
    expect(v.config?.well.bit_program).toEqual(program([[0, 4500, 17.5], [4500, 9000, 12.25]]));
    const tables = parse('[[well.bit_program]]\nfrom_depth_ft = 0\nto_depth_ft = 100\ndiameter_in = 26\n');
    expect(validateConfig(tables).config?.well.bit_program).toEqual(program([[0, 100, 26]]));
  });

  it('names the section and rule for a bad diameter, reversed depths, overlap and disorder', () => {
    const keys = (sections: Array<[number, number, number]>) =>
      validateConfig({ well: { bit_program: program(sections) } }).errors.map((e) => e.key);
    expect(keys([[0, 1000, 1.5]])).toEqual(['well.bit_program.0.diameter_in']);
    expect(keys([[0, 1000, 40]])).toEqual(['well.bit_program.0.diameter_in']);
    expect(keys([[1000, 500, 12.25]])).toEqual(['well.bit_program.0.to_depth_ft']);
    expect(keys([[0, 5000, 17.5], [4000, 9000, 12.25]])).toEqual(['well.bit_program.1.from_depth_ft']);
    expect(keys([[5000, 9000, 12.25], [0, 5000, 17.5]])).toEqual(['well.bit_program.1.from_depth_ft']);
    const m = validateConfig({ well: { bit_program: program([[0, 5000, 17.5], [4000, 9000, 12.25]]) } }).errors[0].message;
    expect(m).toMatch(/sorted by depth and not overlap/);
    expect(validateConfig({ well: { bit_program: [{ from_depth_ft: 0, to_depth_ft: 10 }] } }).errors[0].key).toBe('well.bit_program.0.diameter_in');
  });
});

describe('bitDiameterFor', () => {
  const config: WellConfig = { ...defaultConfig(), well: { ...defaultConfig().well, bit_program: program([[0, 4500, 17.5], [4500, 9000, 12.25]]) } };
  const at = (bitDepthFt: number | null, bitDiameterIn: number | null = null, holeDepthFt: number | null = null) =>
    bitDiameterFor({ bitDepthFt, bitDiameterIn, holeDepthFt }, config);

  it("the packet's own diameter, else the program at the bit's depth, else the configured bit", () => {
    expect(at(3000, 8.5)).toBe(8.5);
    expect(at(3000)).toBe(17.5);
    expect(at(6000)).toBe(12.25);
    expect(at(null, null, 6000)).toBe(12.25);
    expect(at(9500)).toBe(8.5); // below the program: well.bit_diameter_inches
    expect(at(3000, 0)).toBe(17.5); // an implausible reading is not a bit
    expect(at(3000, 444.5)).toBe(17.5);
  });

  it('drives MSE and the d-exponent: a 12.25-in bit gives a lower MSE than the 8.5-in default', () => {
    const drilling = (bitDiameterIn: number | null) => {
      const coordinator = bareCoordinator(defaultConfig());
      let mse: number | null = null;
      let dExp: number | null = null;
      for (let i = 0; i < 5; i++) {
        const out = coordinator.process(
          makePacket(1_700_000_000_000 + i * 1000, {
            bitDepthFt: 5000 + i * 0.01, holeDepthFt: 5000 + i * 0.01, ropFtHr: 60, wobKlbf: 25, rpm: 120, torqueKftLbf: 12,
            sppPsi: 3000, flowInGpm: 600, mudWeightInPpg: 10, bitDiameterIn,
          }),
        );
        mse = out.metrics?.msePsi ?? mse;
        dExp = out.metrics?.dExponent ?? dExp;
      }
      return { mse: mse as number, dExp: dExp as number };
    };
    const small = drilling(null);
    const big = drilling(12.25);
    expect(small.mse).toBeGreaterThan(0);
    expect(big.mse / small.mse).toBeCloseTo((8.5 / 12.25) ** 2, 2);
    expect(big.dExp).not.toBeCloseTo(small.dExp, 3);
  });
});
