import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { detectPackOff, emptyDetectorInputs } from '../../../src-main/physics/detectors.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { PackOffTrend, TREND_WINDOW_S, togetherClear, type PackOffTrendPacket, type PackOffTrendReading } from '../../../src-main/physics/trackers/pack-off-trend.js';

const th = thresholdsFor(defaultConfig(), 'production');
const floors = { torqueFraction: 0.075, sppPsi: 50, ropFraction: 0.1 };
/** Clean drilling long enough for the noise bands to learn (their delay plus their minimum). */
const LEARN = 3 * TREND_WINDOW_S + 60;

/** Clean drilling with a small deterministic wobble, then `after` shaping the packets from `LEARN` on. */
function run(after: (k: number, p: PackOffTrendPacket) => PackOffTrendPacket, extra = 150): (PackOffTrendReading | null)[] {
  const t = new PackOffTrend();
  const out: (PackOffTrendReading | null)[] = [];
  for (let i = 0; i < LEARN + extra; i++) {
    const w = Math.sin(i / 7) * 0.02;
    const clean: PackOffTrendPacket = { torqueKftLbf: 20 * (1 + w), sppPsi: 3000 + 20 * w * 50, ropFtHr: 60 * (1 - w), wobKlbf: 25, rpm: 120 };
    out.push(t.update(i < LEARN ? clean : after(i - LEARN, clean), true, floors));
  }
  return out;
}
const ramp = (k: number) => Math.min(k, 300) / 300;
const packOff = (k: number, p: PackOffTrendPacket): PackOffTrendPacket => ({
  ...p, torqueKftLbf: p.torqueKftLbf! * (1 + 0.45 * ramp(k)), sppPsi: p.sppPsi! + 300 * ramp(k), ropFtHr: p.ropFtHr! * (1 - 0.6 * ramp(k)),
});
const lastClear = (r: (PackOffTrendReading | null)[]) => r[r.length - 1]?.clearRatio ?? null;

describe('PackOffTrend', () => {
  it('torque up, SPP up and ROP down together over two minutes stand clear; clean drilling does not', () => {
    const clean = run((_k, p) => p);
    expect(lastClear(clean)).not.toBeNull();
    expect(lastClear(clean)!).toBeLessThan(1);
    const r = run(packOff);
    const last = r[r.length - 1]!;
    expect(last.clearRatio).toBeGreaterThanOrEqual(1);
    expect(last.torqueTrendFraction).toBeGreaterThan(0.1);
    expect(last.sppTrendPsi).toBeGreaterThan(80);
    expect(last.ropFallFraction).toBeGreaterThan(0.15);
  });
  it('a mud motor loading up (torque and SPP up, ROP up) and harder rock (ROP down, torque flat) are not a pack-off', () => {
    const motor = run((k, p) => ({ ...packOff(k, p), ropFtHr: p.ropFtHr! * (1 + 0.2 * ramp(k)) }));
    expect(lastClear(motor)!).toBeLessThan(0);
    const rock = run((k, p) => ({ ...p, ropFtHr: p.ropFtHr! * (1 - 0.6 * ramp(k)) }));
    expect(lastClear(rock)!).toBeLessThan(1);
  });
  it('a driller weight step inside the window is taken out: bit torque, motor SPP and ROP follow WOB', () => {
    // WOB up 30 % half-way through: torque and SPP step up with it and ROP rises, then nothing more.
    const step = run((k, p) => {
      const on = k >= 60 ? 1 : 0;
      return { ...p, wobKlbf: 25 * (1 + 0.3 * on), torqueKftLbf: p.torqueKftLbf! * (1 + 0.2 * on), sppPsi: p.sppPsi! + 150 * on, ropFtHr: p.ropFtHr! * (1 + 0.1 * on) };
    }, 100);
    const seen = step.slice(LEARN).filter((r) => r !== null);
    expect(seen.length).toBeGreaterThan(50);
    expect(Math.max(...seen.map((r) => r!.clearRatio))).toBeLessThan(1);
  });
  it('a driller stepping WOB every 30 s: his steps are taken out, the pack-off building between them is not', () => {
    // WOB alternates 25 / 30 / 22 klbf every 30 s; bit torque, motor SPP and ROP all jump with it.
    const steps = [0, 0.2, -0.12];
    const stepping = (k: number, p: PackOffTrendPacket): PackOffTrendPacket => {
      const w = steps[Math.floor(k / 30) % 3];
      return { ...p, wobKlbf: 25 * (1 + w), torqueKftLbf: p.torqueKftLbf! * (1 + 0.6 * w), sppPsi: p.sppPsi! + 400 * w, ropFtHr: p.ropFtHr! * (1 + 0.8 * w) };
    };
    const clean = run(stepping, 240);
    const seen = clean.slice(LEARN).filter((r) => r !== null);
    expect(seen.length).toBeGreaterThan(100);
    expect(Math.max(...seen.map((r) => r!.clearRatio))).toBeLessThan(1);
    const packing = run((k, p) => stepping(k, packOff(k, p)), 150);
    const last = packing[packing.length - 1]!;
    expect(last.clearRatio).toBeGreaterThanOrEqual(1);
    expect(last.torqueTrendFraction).toBeGreaterThan(0.1);
  });
  it('a small weight change in step with the ramp (inside the stretch band) leaves the trend read, less what the weight explains', () => {
    // WOB +2 % forty seconds into a pack-off: too small to be a driller's step, too much in step
    // with time to be separated from it. Before, the trend gave no reading at all for two minutes.
    const eased = run((k, p) => ({ ...packOff(k, p), wobKlbf: 25 * (k >= 40 ? 1.02 : 1) }), 130);
    const last = eased[eased.length - 1];
    expect(last).not.toBeNull();
    expect(last!.clearRatio).toBeGreaterThanOrEqual(1);
    // The driller easing 4 % more weight on over two minutes with torque and motor SPP following
    // it in proportion and ROP sagging (founder-like): what the weight explains is taken out.
    const easing = run((k, p) => {
      const w = 0.04 * Math.min(k, 120) / 120;
      return { ...p, wobKlbf: 25 * (1 + w), torqueKftLbf: p.torqueKftLbf! * (1 + w), sppPsi: p.sppPsi! * (1 + w), ropFtHr: p.ropFtHr! * (1 - 0.1 * Math.min(k, 120) / 120) };
    }, 120);
    const r = easing[easing.length - 1];
    expect(r).not.toBeNull();
    expect(r!.clearRatio).toBeLessThan(1);
  });
  it('a reading that jumps once and holds (torque, SPP up and ROP down in one packet) is not a build-up', () => {
    const jump = run((k, p) => (k >= 60 ? { ...p, torqueKftLbf: p.torqueKftLbf! * 1.1, sppPsi: p.sppPsi! + 150, ropFtHr: p.ropFtHr! * 0.85 } : p), 120);
    const seen = jump.slice(LEARN).filter((r) => r !== null);
    expect(seen.length).toBeGreaterThan(100);
    expect(Math.max(...seen.map((r) => r!.clearRatio))).toBeLessThan(1);
  });
  it('an RPM change, off-bottom time or too little learned clean drilling gives no reading', () => {
    const rpm = run((k, p) => ({ ...packOff(k, p), rpm: 120 + k }));
    expect(rpm[rpm.length - 1]).toBeNull();
    const t = new PackOffTrend();
    for (let i = 0; i < 2 * TREND_WINDOW_S; i++) expect(t.update({ torqueKftLbf: 20, sppPsi: 3000, ropFtHr: 60, wobKlbf: 25, rpm: 120 }, true, floors)).toBeNull();
    expect(t.update({ torqueKftLbf: 20, sppPsi: 3000, ropFtHr: 60, wobKlbf: 25, rpm: 120 }, false, floors)).toBeNull();
  });
  it('detectPackOff fires on the trends together when the baseline deltas stay quiet (stale baselines)', () => {
    const trend = { torqueTrendFraction: 0.15, sppTrendPsi: 120, ropFallFraction: 0.3, clearRatio: 1.4, levels: floors };
    const quiet = { ...emptyDetectorInputs(), pumpsSteady: true, torqueKftLbf: 20, torqueDeltaFraction: 0.05, sppDeltaPsi: 20, sppBaselinePsi: 3000, sppBaselineAgeS: 600, ropDropFraction: 0.05, wobRiseFraction: 0 };
    const d = detectPackOff({ ...quiet, packOffTrend: trend }, th);
    expect(d?.fault).toBe('pack-off');
    expect(d?.description).toMatch(/last 2 minutes torque \+15/);
    expect(detectPackOff({ ...quiet, packOffTrend: { ...trend, clearRatio: 0.8 } }, th)).toBeNull();
    expect(detectPackOff(quiet, th)).toBeNull();
  });
  it('the three signs carry one another: a wandering torque under its level stands with SPP and ROP far clear', () => {
    // USROP F-7: torque's two-minute spread puts its level at 23.5 %; a 45 % pack-off shows +15 % there, SPP and ROP 3 levels clear.
    expect(togetherClear(0.64, 3.1, 3.0, true)).toBeGreaterThanOrEqual(1);
    // Volve F-9: ROP's spread puts its level at 45 %; the ramp shows 0.43 of it beside torque and SPP three levels clear
    expect(togetherClear(0.43, 3.0, 2.8, true)).toBeGreaterThanOrEqual(1);
    // one sign under one clean-drilling RMS (0.4 of its level), or any under its floor, or together not clear on average: not clear
    expect(togetherClear(0.35, 3.1, 3.0, true)).toBeLessThan(1);
    expect(togetherClear(0.64, 3.1, 3.0, false)).toBeCloseTo(0.64, 5);
    expect(togetherClear(0.6, 0.9, 1.2, true)).toBeLessThan(1);
    // each clear on its own is clear as before
    expect(togetherClear(1.1, 1.3, 1.0, true)).toBeGreaterThanOrEqual(1);
    expect(togetherClear(1.1, 1.3, 1.0, false)).toBeCloseTo(1.0, 5);
  });
  it("torque's trend floor is half the configured warning where a learned baseline widened it, or the learned one where it narrowed it", () => {
    const configured = thresholdsFor(defaultConfig(), 'production');
    expect(configured.torqueTrendFloorFraction).toBeCloseTo(configured.torqueIncreaseWarningFraction / 2, 9);
    const noisy = thresholdsFor(defaultConfig(), 'production', { torqueIncreaseWarningFraction: 0.47, torqueIncreaseCriticalFraction: 0.7 });
    expect(noisy.torqueIncreaseWarningFraction).toBe(0.47);
    expect(noisy.torqueTrendFloorFraction).toBeCloseTo(configured.torqueIncreaseWarningFraction / 2, 9);
    const quiet = thresholdsFor(defaultConfig(), 'production', { torqueIncreaseWarningFraction: 0.1, torqueIncreaseCriticalFraction: 0.2 });
    expect(quiet.torqueTrendFloorFraction).toBeCloseTo(0.05, 9);
  });
});
