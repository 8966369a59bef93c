// The automated trip sheet (issue 11 item 13): the trip tank against the pipe displacement,
// the pits with the pumps off, transfers left out. Synthetic 1 Hz streams; the real P&A log is
// checked in tests/field.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { makePacket, type ChannelValues } from '../../../src-shared/wits.js';
import { VolumeWatch } from '../../../src-main/physics/volume-watch.js';
import { TripSheetTracker, pipeDisplacementBblPerFt, type TripReading } from '../../../src-main/physics/trackers/trip-sheet.js';
import { detectTripVolumes } from '../../../src-main/physics/trip-detectors.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';

const T0 = Date.UTC(2024, 0, 1);
const TRIP = defaultConfig().trip;
const TH = thresholdsFor(defaultConfig(), 'production');
const DRY = pipeDisplacementBblPerFt(5, 4.276, false);

describe('pipe displacement', () => {
  it('5 in x 4.276 in: 0.0065 bbl/ft dry (steel), 0.0243 bbl/ft closed end (steel and mud inside)', () => {
    expect(DRY).toBeCloseTo(0.006524, 5);
    expect(pipeDisplacementBblPerFt(5, 4.276, true)).toBeCloseTo(0.024286, 5);
  });
});

describe('VolumeWatch', () => {
  it('counts a steady trend (judged 20 s late); a fast step, and the 2 min around it, are a transfer', () => {
    const w = new VolumeWatch(900, 5);
    // 1 bbl/min for 5 minutes
    for (let s = 0; s <= 300; s++) w.push(T0 + s * 1000, 20 + s / 60);
    expect(w.trendBbl).toBeCloseTo(280 / 60, 6);
    // then a 30 bbl refill in 30 s (60 bbl/min), and 3 min of flat level
    for (let s = 301; s <= 330; s++) w.push(T0 + s * 1000, 25 + (s - 300));
    for (let s = 331; s <= 510; s++) w.push(T0 + s * 1000, 55);
    // the trend's last 2 min before the refill go with it: 3 bbl of trend stay
    expect(w.trendBbl).toBeCloseTo(3, 1);
    expect(w.transferredBbl).toBeCloseTo(32, 1);
    // after the 2 min, a trend counts again
    for (let s = 511; s <= 600; s++) w.push(T0 + s * 1000, 55 + (s - 510) / 60);
    expect(w.trendBbl).toBeCloseTo(3 + 70 / 60, 1);
  });

  it('a transfer seen in another tank takes this tank\'s moves around it along', () => {
    const w = new VolumeWatch(900, 5);
    for (let s = 0; s <= 200; s++) w.push(T0 + s * 1000, 10 + s / 100);
    w.markTransfer(T0 + 150_000);
    // the changes from 30 s to 270 s go with it, judged before the mark or after; 1-29 s and 271-280 s stay
    for (let s = 201; s <= 300; s++) w.push(T0 + s * 1000, 10 + s / 100);
    expect(w.trendBbl).toBeCloseTo(0.39, 6);
  });

  it('a fast change counts only as far as it brings the trend back to zero (a hole fill squares the sheet)', () => {
    const w = new VolumeWatch(900, 5);
    for (let s = 0; s <= 120; s++) w.push(T0 + s * 1000, 10 + s / 60); // +2 bbl slowly
    for (let s = 121; s <= 130; s++) w.push(T0 + s * 1000, 12 - (s - 120) * 0.5); // -5 bbl in 10 s
    for (let s = 131; s <= 200; s++) w.push(T0 + s * 1000, 7);
    expect(w.trendBbl).toBeCloseTo(0, 6);
    expect(w.transferredBbl).toBeCloseTo(-3, 6);
  });

  it('a change across a feed gap counts neither way; old changes leave the window', () => {
    const w = new VolumeWatch(120, 5);
    w.push(T0, 10);
    w.push(T0 + 1000, 10);
    w.push(T0 + 200_000, 14); // 199 s gap
    for (let s = 201; s <= 260; s++) w.push(T0 + s * 1000, 14);
    expect(w.trendBbl).toBe(0);
    expect(w.transferredBbl).toBe(0);
    const v = new VolumeWatch(120, 5);
    for (let s = 0; s <= 60; s++) v.push(T0 + s * 1000, s / 30); // +2 bbl
    for (let s = 61; s <= 400; s++) v.push(T0 + s * 1000, 2);
    expect(v.trendBbl).toBeCloseTo(0, 6); // the gain is older than the 2-min window
  });
});

const PUMPS_OFF = (s: number) => ({ pumpsOffSettledS: 300 + s, flowOutPumpsOffGpm: null, pitGainPumpsOffBbl: null });

interface Step {
  bitDepthFt: number | null;
  tripTankBbl?: number | null;
  pitVolumeBbl?: number | null;
}

/** Runs a 1 Hz pumps-off stream; returns every reading and the detections of the last one. */
function run(seconds: number, at: (s: number) => Step, trip = TRIP) {
  const t = new TripSheetTracker();
  const readings: TripReading[] = [];
  const faults: string[][] = [];
  for (let s = 0; s < seconds; s++) {
    const v = at(s);
    const values: Partial<ChannelValues> = { bitDepthFt: v.bitDepthFt, tripTankBbl: v.tripTankBbl ?? null, pitVolumeBbl: v.pitVolumeBbl ?? null, holeDepthFt: 9000, hookLoadKlbf: 200 };
    const r = t.update(makePacket(T0 + s * 1000, values), PUMPS_OFF(s), trip);
    if (!r) throw new Error('expected a reading with the pumps off');
    readings.push(r);
    faults.push(detectTripVolumes(r, TH).map((d) => `${d.fault}:${d.level}`));
  }
  return { readings, last: readings[readings.length - 1], faults, firstFault: (f: string) => faults.findIndex((x) => x.some((y) => y.startsWith(f))) };
}

/** Pulling out at 1 ft/s, 90-ft stands with 60 s in slips between them. */
const pulledFt = (s: number) => {
  const cycle = s % 150;
  return Math.floor(s / 150) * 90 + Math.min(cycle, 90);
};

describe('trip sheet: trip tank lined up (continuous fill)', () => {
  it('a hole that takes exactly its fill is quiet; one that takes half is a trip-gain (swab/influx)', () => {
    const good = run(1800, (s) => ({ bitDepthFt: 8000 - pulledFt(s), tripTankBbl: 40 - pulledFt(s) * DRY }));
    expect(good.last.tripTank?.linedUp).toBe(true);
    expect(Math.abs(good.last.tripTank?.unexplainedBbl ?? 99)).toBeLessThan(0.05);
    expect(good.faults.flat()).toEqual([]);

    // After 10 stands, the hole takes only half its fill.
    const swab = run(3600, (s) => {
      const ft = pulledFt(s);
      const short = Math.max(0, ft - 900) * DRY * 0.5;
      return { bitDepthFt: 8000 - ft, tripTankBbl: 40 - ft * DRY + short };
    });
    const at = swab.firstFault('trip-gain');
    expect(at).toBeGreaterThan(1500);
    expect(swab.readings[at].tripTank?.linedUp).toBe(true);
    expect(swab.faults[at]).toEqual(['trip-gain:WARNING']);
  });

  it('running in: more back than the steel is a trip-gain, less is a trip-loss', () => {
    const ranFt = pulledFt;
    const more = run(3000, (s) => ({ bitDepthFt: 2000 + ranFt(s), tripTankBbl: 10 + ranFt(s) * DRY * 1.6 }));
    expect(more.firstFault('trip-gain')).toBeGreaterThan(0);
    expect(more.faults.flat().some((f) => f.startsWith('trip-loss'))).toBe(false);
    const less = run(3000, (s) => ({ bitDepthFt: 2000 + ranFt(s), tripTankBbl: 10 + Math.min(ranFt(s), 900) * DRY + Math.max(0, ranFt(s) - 900) * DRY * 0.1 }));
    expect(less.firstFault('trip-loss')).toBeGreaterThan(0);
    expect(less.faults.flat().some((f) => f.startsWith('trip-gain'))).toBe(false);
  });
});

describe('trip sheet: a trip tank that does not follow the pipe', () => {
  it('flat while 1,500 ft are pulled (not lined up, as on the Volve P&A trips): no alarm', () => {
    const flat = run(2600, (s) => ({ bitDepthFt: 8000 - pulledFt(s), tripTankBbl: 48.8 }));
    expect(flat.last.tripTank?.linedUp).toBe(false);
    expect(flat.last.tripTank?.unexplainedBbl).toBe(0);
    expect(flat.faults.flat()).toEqual([]);
  });

  it('a gain ramped into it while pulling is caught: +5 bbl over 5 min warns near 1.5 bbl, critical past 4', () => {
    const onset = 900;
    const gain = (s: number) => (s < onset ? 0 : 5 * Math.min(1, (s - onset) / 300));
    const r = run(1500, (s) => ({ bitDepthFt: 8000 - pulledFt(s), tripTankBbl: 48.8 + gain(s) }));
    const warn = r.firstFault('trip-gain');
    // 1.5 bbl at +90 s, judged 20 s later
    expect(warn - onset).toBeGreaterThanOrEqual(100);
    expect(warn - onset).toBeLessThanOrEqual(125);
    const crit = r.faults.findIndex((f) => f.includes('trip-gain:CRITICAL'));
    expect(crit - onset).toBeGreaterThan(240);
    expect(crit - onset).toBeLessThan(300);
  });

  it('a bit depth reset (jumping faster than pipe moves) is not pipe movement', () => {
    const r = run(300, (s) => ({ bitDepthFt: s < 100 ? 17 : 900, tripTankBbl: 30 }));
    expect(r.last.pipeMovedFt).toBe(0);
  });
});

describe('transfers and the pits with the pumps off', () => {
  it('refilling the trip tank from the pits (fast, or slow and paired) is not the well', () => {
    const fast = run(1200, (s) => {
      const moved = s < 600 ? 0 : Math.min(30, (s - 600) * 0.5); // 30 bbl/min
      return { bitDepthFt: 5000, tripTankBbl: 10 + moved, pitVolumeBbl: 500 - moved };
    });
    expect(fast.faults.flat()).toEqual([]);
    // 3 bbl/min is slow enough to look like a trend in each tank: the pair gives it away.
    const slow = run(1200, (s) => {
      const moved = s < 600 ? 0 : Math.min(9, (s - 600) * 0.05);
      return { bitDepthFt: 5000, tripTankBbl: 10 + moved, pitVolumeBbl: 500 - moved };
    });
    expect(slow.last.tripTank?.unexplainedBbl).toBeGreaterThan(8);
    expect(slow.faults.flat()).toEqual([]);
  });

  it('a top-up just under the transfer rate (2.5 bbl in 40 s) is not the well; the same 2.5 bbl over 4 min is', () => {
    const topUp = run(1500, (s) => ({ bitDepthFt: 5000, tripTankBbl: 20 + Math.min(2.5, Math.max(0, s - 600) * (2.5 / 40)) }));
    expect(topUp.last.tripTank?.unexplainedBbl).toBeCloseTo(2.5, 6);
    expect(topUp.last.tripTank?.burstShare).toBe(1);
    expect(topUp.faults.flat()).toEqual([]);
    const steady = run(1500, (s) => ({ bitDepthFt: 5000, tripTankBbl: 20 + Math.min(2.5, Math.max(0, s - 600) * (2.5 / 240)) }));
    expect(steady.firstFault('trip-gain')).toBeGreaterThan(600);
  });

  it('pits gaining steadily with the pumps off and the pipe still: trip-gain on the pit limits; a pit transfer step is not', () => {
    const gaining = run(1200, (s) => ({ bitDepthFt: 5000, pitVolumeBbl: 480 + Math.max(0, s - 300) / 60 }));
    const at = gaining.firstFault('trip-gain');
    expect(at).toBeGreaterThan(300 + 5 * 60); // 5 bbl (thresholds.well_control.pit_gain_warning_bbl) at 1 bbl/min
    expect(gaining.faults[at]).toEqual(['trip-gain:WARNING']);
    const step = run(1200, (s) => ({ bitDepthFt: 5000, pitVolumeBbl: s < 600 ? 480 : s < 620 ? 480 + (s - 600) * 2 : 520 }));
    expect(step.faults.flat()).toEqual([]);
  });

  it('no reading while the pumps run or the flow-back settles', () => {
    const t = new TripSheetTracker();
    const p = makePacket(T0, { bitDepthFt: 5000, tripTankBbl: 20 });
    expect(t.update(p, { pumpsOffSettledS: null, flowOutPumpsOffGpm: null, pitGainPumpsOffBbl: null }, TRIP)).toBeNull();
    expect(detectTripVolumes(null, TH)).toEqual([]);
  });
});
