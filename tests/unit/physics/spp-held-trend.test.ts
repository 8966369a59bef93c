// The held-stretch SPP trend a washout (fall) or a pack-off without torque (rise) is read from
// where the baseline cannot judge (a pump-rate or weight change just happened): straight,
// progressive, at one rate, with the bit load not moved the way that explains it.
import { describe, expect, it } from 'vitest';
import { heldSppFall, heldSppTrend, sppTrendReadable, SppHeldTrendTracker, SPP_HELD_WINDOW_S, type HeldSppReading } from '../../../src-main/physics/trackers/spp-held-trend.js';

const row = (timeS: number, sppPsi: number, o: Partial<HeldSppReading> = {}): HeldSppReading => ({ timeS, sppPsi, flowGpm: 1029, wobKlbf: 15, torqueKftLbf: 4.2, ropFtHr: 80, ...o });
const stretch = (n: number, spp: (i: number) => number, o: (i: number) => Partial<HeldSppReading> = () => ({})): HeldSppReading[] =>
  Array.from({ length: n }, (_, i) => row(i, spp(i), o(i)));
// Small deterministic wobble standing in for sensor noise (±amp psi).
const wobble = (i: number, amp: number) => amp * Math.sin(i * 2.3);

describe('heldSppFall', () => {
  it('reads a steady 1 psi/s fall at a held pump rate and bit load', () => {
    const f = heldSppFall(stretch(SPP_HELD_WINDOW_S + 1, (i) => 1900 - i + wobble(i, 2)));
    expect(f).not.toBeNull();
    expect(f!.fallPsi).toBeGreaterThan(45);
    expect(f!.fallPsi).toBeLessThan(55);
    expect(f!.r2).toBeGreaterThan(0.9);
  });
  it('a level that stepped and stays is not a fall (a motor stall clearing, a pump swap)', () => {
    expect(heldSppFall(stretch(51, (i) => (i < 40 ? 1900 : 1840)))).toBeNull();
    expect(heldSppFall(stretch(51, (i) => (i < 10 ? 1900 : 1840)))).toBeNull();
  });
  it('a fall buried in noise is not read: the line must stand well clear of the scatter', () => {
    expect(heldSppFall(stretch(51, (i) => 1900 - i + wobble(i, 40)))).toBeNull();
  });
  it('too short a stretch says nothing', () => {
    expect(heldSppFall(stretch(30, (i) => 1900 - 2 * i))).toBeNull();
  });
  it('rising or flat SPP is no fall', () => {
    expect(heldSppFall(stretch(51, (i) => 1900 + i))).toBeNull();
    expect(heldSppFall(stretch(51, () => 1900))).toBeNull();
  });
  it('a pump rate that moved in the window explains the fall: not read', () => {
    expect(heldSppFall(stretch(51, (i) => 1900 - i, (i) => ({ flowGpm: 1029 - i })))).toBeNull();
  });
  it('weight or torque coming off (a motor unloading) explains the fall; weight going on does not hide it', () => {
    expect(heldSppFall(stretch(51, (i) => 1900 - i, (i) => ({ wobKlbf: 15 - 0.15 * i })))).toBeNull();
    expect(heldSppFall(stretch(51, (i) => 1900 - i, (i) => ({ torqueKftLbf: 4.2 - 0.03 * i })))).toBeNull();
    expect(heldSppFall(stretch(51, (i) => 1900 - i, (i) => ({ wobKlbf: 15 + 0.1 * i })))).not.toBeNull();
    expect(heldSppFall(stretch(51, (i) => 1900 - i, () => ({ wobKlbf: null, torqueKftLbf: null })))).not.toBeNull();
  });
});

describe('heldSppTrend rising', () => {
  it('reads a steady rise; weight going on explains it, torque going up or weight coming off does not', () => {
    const r = heldSppTrend(stretch(51, (i) => 1500 + i + wobble(i, 2)));
    expect(r!.changePsi).toBeGreaterThan(45);
    expect(r!.changePsi).toBeLessThan(55);
    expect(heldSppTrend(stretch(51, (i) => 1500 + i, (i) => ({ wobKlbf: 15 + 0.1 * i })))).toBeNull();
    expect(heldSppTrend(stretch(51, (i) => 1500 + i, (i) => ({ torqueKftLbf: 4.2 + 0.05 * i })))!.changePsi).toBeGreaterThan(45);
    expect(heldSppTrend(stretch(51, (i) => 1500 + i, (i) => ({ wobKlbf: 15 - 0.15 * i })))!.changePsi).toBeGreaterThan(45);
    expect(heldSppFall(stretch(51, (i) => 1500 + i))).toBeNull();
  });
  it('reads torque over the same readings: its change as a share of its mean and how straight it is', () => {
    const up = heldSppTrend(stretch(51, (i) => 1500 + i, (i) => ({ torqueKftLbf: 2.2 + 0.003 * i + wobble(i, 0.005) })))!;
    expect(up.torque!.changeFraction).toBeGreaterThan(0.06);
    expect(up.torque!.changeFraction).toBeLessThan(0.075);
    expect(up.torque!.r2).toBeGreaterThan(0.9);
    // Torque wandering about a level: no straight rise to speak of.
    const flat = heldSppTrend(stretch(51, (i) => 1500 + i, (i) => ({ torqueKftLbf: 2.2 + wobble(i, 0.1) })))!;
    expect(Math.abs(flat.torque!.changeFraction)).toBeLessThan(0.03);
    expect(flat.torque!.r2).toBeLessThan(0.2);
    // No torque reading on most of the minute: not read.
    expect(heldSppTrend(stretch(51, (i) => 1500 + i, (i) => ({ torqueKftLbf: i < 45 ? null : 2.2 })))!.torque).toBeNull();
  });
  it('a step up that stays is no rise', () => {
    expect(heldSppTrend(stretch(51, (i) => (i < 40 ? 1500 : 1560)))).toBeNull();
  });
});

describe('the held minute reads ROP beside SPP', () => {
  it("ROP's fall over the same readings as a share of its mean; none where ROP is not read", () => {
    // SPP up 1 psi/s for 50 s while ROP falls from 100 to 85 ft/hr
    const rising = stretch(51, (i) => 2000 + i, (i) => ({ ropFtHr: 100 - 0.3 * i }));
    const t = heldSppTrend(rising);
    expect(t?.ropFallFraction as number).toBeCloseTo(15 / 92.5, 2);
    // ROP rising reads as a negative fall
    expect(heldSppTrend(stretch(51, (i) => 2000 + i, (i) => ({ ropFtHr: 80 + 0.2 * i })))?.ropFallFraction as number).toBeLessThan(-0.1);
    expect(heldSppTrend(stretch(51, (i) => 2000 + i, () => ({ ropFtHr: null })))?.ropFallFraction).toBeNull();
  });
});

describe('SppHeldTrendTracker', () => {
  it('keeps the last window of the held stretch and starts over when the hold breaks', () => {
    const tr = new SppHeldTrendTracker();
    const feed = (s: number, spp: number, held = true) => tr.update(s * 1000, spp, 1029, 15, 4.2, 80, held);
    let seen: ReturnType<typeof feed> = null;
    for (let s = 0; s <= 120; s++) seen = feed(s, 2000 - s) ?? seen;
    expect(seen!.spanS).toBe(SPP_HELD_WINDOW_S);
    expect(seen!.changePsi).toBeCloseTo(-SPP_HELD_WINDOW_S, 0);
    // A pump change (not held) starts over: the next 30 s of the same fall are too short to read.
    expect(feed(121, 1879, false)).toBeNull();
    for (let s = 122; s < 152; s++) expect(feed(s, 2000 - s)).toBeNull();
  });
  it('starts over when time goes backwards (a replay restarted), not reading across the jump', () => {
    const tr = new SppHeldTrendTracker();
    const feed = (s: number, spp: number) => tr.update(s * 1000, spp, 1029, 15, 4.2, 80, true);
    for (let s = 1000; s <= 1060; s++) feed(s, 3000 - s);
    // Back to the start of the run: 30 s of the same fall are too short to read, as on a fresh tracker.
    for (let s = 0; s < 30; s++) expect(feed(s, 2000 - s)).toBeNull();
    // and the window trims again once there is enough: span back to the window, not the whole run.
    let seen: ReturnType<typeof feed> = null;
    for (let s = 30; s <= 120; s++) seen = feed(s, 2000 - s) ?? seen;
    expect(seen!.spanS).toBe(SPP_HELD_WINDOW_S);
  });
});

describe('sppTrendReadable', () => {
  it('needs a steady rate, and the pumps on long enough for gels broken on start-up to have cleared', () => {
    expect(sppTrendReadable({ pumpsSteady: true, onForS: 3600 })).toBe(true);
    expect(sppTrendReadable({ pumpsSteady: false, onForS: 3600 })).toBe(false);
    expect(sppTrendReadable({ pumpsSteady: true, onForS: 60 })).toBe(false);
  });
});
