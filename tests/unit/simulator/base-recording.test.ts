import { describe, expect, it } from 'vitest';
import { emptyChannels, type ChannelValues } from '../../../src-shared/wits.js';
import { expandTo1Hz, recordingSamples, valueAt, type RecordingRow } from '../../../src-main/simulator/base-recording.js';
import { FAULT_PROFILES, checkSpec, faultShape, faultSpec, InjectionError } from '../../../src-main/simulator/fault-profiles.js';
import { injectFault } from '../../../src-main/simulator/inject.js';
import { drillingOnsets, drillingSeconds, drillingThrough, spreadOnsets, trippingSeconds } from '../../../src-main/simulator/onsets.js';
import { synthesiseMissing } from '../../../src-main/simulator/synthesise.js';

const row = (timeMs: number, v: Partial<ChannelValues>): RecordingRow => ({ timeMs, values: { ...emptyChannels(), ...v } });

/** A steady drilling log, one row every 4 s, no flow out, pits or gas. */
function drillingLog(seconds: number): RecordingRow[] {
  const rows: RecordingRow[] = [];
  for (let t = 0; t <= seconds; t += 4) {
    const depth = 5000 + (t * 100) / 3600;
    rows.push(row(t * 1000, { bitDepthFt: depth, holeDepthFt: depth, ropFtHr: 100, wobKlbf: 20, rpm: 120, torqueKftLbf: 10, sppPsi: 3000, flowInGpm: 600, mudWeightInPpg: 10 }));
  }
  return rows;
}

describe('expandTo1Hz', () => {
  it('interpolates between rows, holds a channel the next row lacks, keeps long gaps as gaps', () => {
    const rec = expandTo1Hz(
      [row(0, { wobKlbf: 10, rpm: 100 }), row(4000, { wobKlbf: 14, rpm: null }), row(8000, { wobKlbf: 18 }), row(200_000, { wobKlbf: 30 })],
      { maxGapS: 60 },
    );
    expect(rec.lengthS).toBe(201);
    expect([0, 1, 2, 3, 4].map((k) => valueAt(rec, 'wobKlbf', k))).toEqual([10, 11, 12, 13, 14]);
    expect(valueAt(rec, 'rpm', 3)).toBe(100); // held until the row that lacks it
    expect(Number.isNaN(valueAt(rec, 'rpm', 4))).toBe(true);
    expect(rec.present[8]).toBe(1);
    expect(rec.present[9]).toBe(0); // 192 s without a row: nothing invented
    expect(rec.present[199]).toBe(0);
    expect(rec.present[200]).toBe(1);
    expect(rec.channels.sppPsi).toBeUndefined();
    const samples = [...recordingSamples(rec)];
    expect(samples).toHaveLength(10);
    expect(samples[9].values.wobKlbf).toBe(30);
    expect(samples[4].values.rpm).toBeNull();
  });

  it('orders rows and lets a later duplicate of a time win', () => {
    const rec = expandTo1Hz([row(2000, { wobKlbf: 3 }), row(0, { wobKlbf: 1 }), row(2000, { wobKlbf: 5 })]);
    expect([0, 1, 2].map((k) => valueAt(rec, 'wobKlbf', k))).toEqual([1, 3, 5]);
  });
});

describe('synthesiseMissing', () => {
  const base = expandTo1Hz(drillingLog(7200));

  it('makes up only absent channels, the same way for the same seed', () => {
    const a = synthesiseMissing(base, { seed: 3, bitDiameterIn: 12.25 });
    const b = synthesiseMissing(base, { seed: 3, bitDiameterIn: 12.25 });
    expect(a.synthesised).toEqual(['flowOutGpm', 'pitVolumeBbl', 'gasUnits', 'pumpSpm', 'mudWeightOutPpg']);
    expect(a.channels.flowInGpm).toBe(base.channels.flowInGpm); // real channels untouched (shared)
    expect(Array.from(a.channels.flowOutGpm as Float64Array)).toEqual(Array.from(b.channels.flowOutGpm as Float64Array));
    const c = synthesiseMissing(base, { seed: 4 });
    expect(Array.from(c.channels.flowOutGpm as Float64Array)).not.toEqual(Array.from(a.channels.flowOutGpm as Float64Array));
    expect(synthesiseMissing(a, { seed: 3 }).synthesised).toEqual(a.synthesised); // nothing more to make up
  });

  it('flow out follows flow in within paddle noise; pits take the drilled hole volume and drift slowly', () => {
    const r = synthesiseMissing(base, { seed: 1, bitDiameterIn: 12.25 });
    const out = r.channels.flowOutGpm as Float64Array;
    const pit = r.channels.pitVolumeBbl as Float64Array;
    let sum = 0;
    let maxDev = 0;
    for (let k = 60; k < r.lengthS; k++) {
      sum += out[k] - 600;
      maxDev = Math.max(maxDev, Math.abs(out[k] - 600));
    }
    expect(Math.abs(sum / (r.lengthS - 60))).toBeLessThan(4);
    expect(maxDev).toBeLessThan(30);
    // 2 h at 100 ft/hr in 12.25 in: 200 ft x 0.1458 bbl/ft = 29.2 bbl taken from the pits.
    const drilledBbl = (200 * 12.25 * 12.25) / 1029.4;
    expect(pit[0] - pit[r.lengthS - 1]).toBeGreaterThan(drilledBbl - 2);
    expect(pit[0] - pit[r.lengthS - 1]).toBeLessThan(drilledBbl + 2);
    expect(valueAt(r, 'pumpSpm', 100)).toBeCloseTo(600 / 4.2, -1);
    expect(valueAt(r, 'gasUnits', 100)).toBeGreaterThan(3);
  });

  it('makes up nothing when asked for nothing, and no flow out without flow in', () => {
    expect(synthesiseMissing(base, { seed: 1, channels: [] }).synthesised).toEqual([]);
    const noFlow = expandTo1Hz([row(0, { wobKlbf: 1 }), row(10_000, { wobKlbf: 2 })]);
    expect(synthesiseMissing(noFlow, { seed: 1 }).synthesised).toEqual([]);
  });

  it('takes a channel logged as all zeros (flow out and pits: one unchanging value) for a sensor the rig lacked', () => {
    // A time log writes 0 (or a frozen tank reading) where the rig had no sensor.
    const logged = drillingLog(3600).map((r, i) => ({
      ...r,
      values: { ...r.values, flowOutGpm: 0, gasUnits: 0, pitVolumeBbl: 312.5, mudWeightOutPpg: 10.1, pumpSpm: i % 2 === 0 ? 0 : 140 },
    }));
    const r = synthesiseMissing(expandTo1Hz(logged), { seed: 2 });
    expect([...r.synthesised].sort()).toEqual(['flowOutGpm', 'gasUnits', 'pitVolumeBbl']);
    expect(valueAt(r, 'flowOutGpm', 1800)).toBeGreaterThan(550);
    expect(valueAt(r, 'pitVolumeBbl', 1800)).not.toBe(312.5);
    // A steady mud weight out is a real reading (it is often typed in), and strokes that move are kept.
    expect(valueAt(r, 'mudWeightOutPpg', 1800)).toBe(10.1);
    expect(valueAt(r, 'pumpSpm', 1)).toBe(35); // interpolated between 0 and 140 at 1 s of 4
  });
});

describe('injectFault', () => {
  const base = synthesiseMissing(expandTo1Hz(drillingLog(4 * 3600)), { seed: 1, bitDiameterIn: 8.5 });
  const onsetS = 3600;

  it('kick: flow out +N at full size, pits gain the integral and keep it, gas up; ground truth times', () => {
    const { recording, truth } = injectFault(base, faultSpec('kick', onsetS, { size: 60, rampS: 300, holdS: 900 }));
    expect(truth).toMatchObject({ fault: 'kick', size: 60, sizeUnit: 'gpm', onsetS, fullSizeS: 3900, endS: 3600 + 300 + 900 + 60, anomalyCategory: 'WellControl', expectedFaults: ['kick'] });
    expect(truth.onset).toBe('1970-01-01T01:00:00.000Z');
    expect(truth.fullSize).toBe('1970-01-01T01:05:00.000Z');
    expect(truth.channels).toEqual(expect.arrayContaining(['flowOutGpm', 'pitVolumeBbl', 'gasUnits']));
    const d = (c: 'flowOutGpm' | 'pitVolumeBbl' | 'gasUnits', k: number) => valueAt(recording, c, k) - valueAt(base, c, k);
    expect(d('flowOutGpm', onsetS - 1)).toBe(0);
    expect(d('flowOutGpm', onsetS + 150)).toBeCloseTo(30, 6);
    expect(d('flowOutGpm', 4500)).toBeCloseTo(60, 6);
    // Ramp 300 s at 30 gpm mean + 600 s at 60 gpm = 45 000 gal... in bbl:
    const gainAt4500 = (300 * 30 + 600 * 60) / 60 / 42;
    expect(d('pitVolumeBbl', 4500)).toBeCloseTo(gainAt4500, 0);
    expect(d('pitVolumeBbl', truth.endS + 600)).toBeGreaterThan(d('pitVolumeBbl', 4500)); // the gain stays
    expect(d('flowOutGpm', truth.endS + 10)).toBe(0);
    expect(d('gasUnits', 4500)).toBeCloseTo(300, 6);
    // The input recording is not changed.
    expect(valueAt(base, 'flowOutGpm', 4500)).toBeLessThan(640);
  });

  it('pack-off: torque +45 %, SPP +300 psi, ROP -60 % at full size, and less hole is drilled', () => {
    const { recording } = injectFault(base, faultSpec('pack-off', onsetS));
    const k = onsetS + 600;
    expect(valueAt(recording, 'torqueKftLbf', k) / valueAt(base, 'torqueKftLbf', k)).toBeCloseTo(1.45, 6);
    expect(valueAt(recording, 'sppPsi', k) - valueAt(base, 'sppPsi', k)).toBeCloseTo(300, 6);
    expect(valueAt(recording, 'ropFtHr', k) / valueAt(base, 'ropFtHr', k)).toBeCloseTo(0.4, 6);
    // Not drilled: 100 ft/hr x (300 s at 30 % on average + 300 s at 60 %) = 7.5 ft.
    expect(valueAt(base, 'holeDepthFt', k) - valueAt(recording, 'holeDepthFt', k)).toBeCloseTo(7.5, 1);
    expect(valueAt(recording, 'holeDepthFt', onsetS - 1)).toBe(valueAt(base, 'holeDepthFt', onsetS - 1));
    // The pits keep the mud the undrilled 7.5 ft would have taken: 7.5 x 8.5² / 1029.4 = 0.53 bbl (8.5-in default bit).
    expect(valueAt(recording, 'pitVolumeBbl', k) - valueAt(base, 'pitVolumeBbl', k)).toBeCloseTo((7.5 * 8.5 * 8.5) / 1029.4, 1);
    const big = injectFault(base, faultSpec('pack-off', onsetS), { bitDiameterIn: 17.5 }).recording;
    expect(valueAt(big, 'pitVolumeBbl', k) - valueAt(base, 'pitVolumeBbl', k)).toBeCloseTo((7.5 * 17.5 * 17.5) / 1029.4, 1);
    expect(valueAt(recording, 'pitVolumeBbl', onsetS - 1)).toBe(valueAt(base, 'pitVolumeBbl', onsetS - 1));
  });

  it('washout, stick-slip, founder and loss change what they should', () => {
    const k = onsetS + 600;
    const w = injectFault(base, faultSpec('washout', onsetS, { size: 250 })).recording;
    expect(valueAt(w, 'sppPsi', k) - valueAt(base, 'sppPsi', k)).toBeCloseTo(-250, 6);
    expect(valueAt(w, 'flowInGpm', k)).toBe(valueAt(base, 'flowInGpm', k));
    const s = injectFault(base, faultSpec('stick-slip', onsetS, { size: 40, periodS: 6 })).recording;
    const ratios = Array.from({ length: 12 }, (_, i) => valueAt(s, 'torqueKftLbf', k + i) / valueAt(base, 'torqueKftLbf', k + i));
    expect(Math.max(...ratios)).toBeCloseTo(1 + 0.4 * Math.sin(Math.PI / 3), 2);
    expect(Math.min(...ratios)).toBeCloseTo(1 - 0.4 * Math.sin(Math.PI / 3), 2);
    const f = injectFault(base, faultSpec('founder', onsetS, { size: 40 })).recording;
    expect(valueAt(f, 'wobKlbf', k) / valueAt(base, 'wobKlbf', k)).toBeCloseTo(1.4, 6);
    expect(valueAt(f, 'ropFtHr', k) / valueAt(base, 'ropFtHr', k)).toBeCloseTo(0.85, 6);
    const l = injectFault(base, faultSpec('loss', onsetS, { size: 80 })).recording;
    expect(valueAt(l, 'flowOutGpm', k) - valueAt(base, 'flowOutGpm', k)).toBeCloseTo(-80, 6);
    expect(valueAt(l, 'pitVolumeBbl', k)).toBeLessThan(valueAt(base, 'pitVolumeBbl', k) - 10);
  });

  it('refuses what the recording cannot carry, with the reason', () => {
    const bare = expandTo1Hz(drillingLog(7200));
    expect(() => injectFault(bare, faultSpec('kick', 100))).toThrow(/kick needs flowOutGpm or pitVolumeBbl.*synthesise/);
    expect(() => injectFault(bare, faultSpec('trip-gain', 100))).toThrow(InjectionError);
    expect(() => checkSpec(bare, faultSpec('washout', 99_999))).toThrow(/onset 99999 s is outside the recording \(0-7200 s\)/);
    expect(() => checkSpec(bare, faultSpec('washout', 10, { size: 0 }))).toThrow(/washout size must be within 1-5000 psi/);
    expect(() => checkSpec(bare, faultSpec('stick-slip', 10, { periodS: 60 }))).toThrow(/period must be within 2-30 s/);
  });

  it('refuses a washout bigger than the SPP it would come off (a transducer reading next to nothing while pumping)', () => {
    const deadSpp = expandTo1Hz(drillingLog(7200).map((r) => ({ ...r, values: { ...r.values, sppPsi: 10 } })));
    expect(() => injectFault(deadSpp, faultSpec('washout', 3600, { size: 300 }))).toThrow(/SPP reads about 10 psi over the washout's ramp: a 300 psi drop cannot be put into it/);
    // A washout that fits the pressure there goes in; other faults do not care.
    expect(() => injectFault(deadSpp, faultSpec('washout', 3600, { size: 9 }))).not.toThrow();
    expect(() => injectFault(deadSpp, faultSpec('stick-slip', 3600))).not.toThrow();
  });

  it('the shape ramps in, holds and ramps out linearly', () => {
    const spec = faultSpec('washout', 100, { rampS: 100, holdS: 50, rampOutS: 10 });
    expect([99, 100, 150, 200, 249, 250, 255, 260].map((k) => faultShape(spec, k))).toEqual([0, 0, 0.5, 1, 1, 1, 0.5, 0]);
    expect(FAULT_PROFILES['trip-gain'].during).toBe('tripping');
  });
});

describe('onsets', () => {
  it('drilling onsets spread over the drilling seconds, after the settling time', () => {
    const rec = expandTo1Hz(drillingLog(3 * 3600));
    const mask = drillingSeconds(rec);
    expect(spreadOnsets(mask, [0.3, 0.55, 0.8], 1800, rec.lengthS - 1300)).toEqual([4110, 6036, 7961]); // 0.3 / 0.55 / 0.8 of seconds 1800-9500
    expect(spreadOnsets(new Uint8Array(10), [0.5], 0, 9)).toEqual([]);
  });

  it('a drilling onset needs the rig on bottom through the ramp: one just before a connection moves past it', () => {
    // 3 h of drilling with an 8-minute connection (off bottom, pumps off) at 6,000-6,480 s.
    const rows = drillingLog(3 * 3600).map((r) =>
      r.timeMs >= 6_000_000 && r.timeMs < 6_480_000 ? { ...r, values: { ...r.values, ropFtHr: 0, wobKlbf: 0, rpm: 0, flowInGpm: 0 } } : r,
    );
    const rec = expandTo1Hz(rows);
    const through = drillingThrough(drillingSeconds(rec), 300);
    // 300 s ahead must be 90 % drilling: up to 30 s of the stop may fall inside the ramp.
    expect([5600, 5730, 5731, 5999, 6300, 6480].map((k) => through[k])).toEqual([1, 1, 0, 0, 0, 1]);
    // 0.55 of the drilling seconds from 1,800 s lands at 5,773 s, 227 s before the connection: it moves to
    // where the bit is back on bottom (6,477 s: the pumps and rotary interpolated up in the last 4-s row).
    expect(spreadOnsets(drillingSeconds(rec), [0.55], 1800, rec.lengthS - 1300)).toEqual([5773]);
    expect(drillingOnsets(rec, [0.55], 1800, rec.lengthS - 1300)).toEqual([6477]);
    // Onsets clear of any stop stay where they were.
    expect(drillingOnsets(rec, [0.3, 0.8], 1800, rec.lengthS - 1300)).toEqual(spreadOnsets(drillingSeconds(rec), [0.3, 0.8], 1800, rec.lengthS - 1300));
  });
  it('tripping: pipe moving with pumps and rotation off and a trip tank read', () => {
    const rows: RecordingRow[] = [];
    for (let t = 0; t <= 600; t += 2) rows.push(row(t * 1000, { bitDepthFt: 8000 - t, flowInGpm: 0, rpm: 0, tripTankBbl: 20 }));
    const mask = trippingSeconds(expandTo1Hz(rows));
    expect(mask[300]).toBe(1);
    expect(mask[10]).toBe(0); // the window around it is not complete yet
  });
});
