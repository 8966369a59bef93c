import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { StrategicAgent } from '../../../src-main/agents/strategic.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { historyAt, ticket, type Reading } from '../../support/verify-fixtures.js';

const th = thresholdsFor(defaultConfig(), 'production');
/** n packets at 1 Hz. */
const build = (n: number, f: (i: number) => Reading) => historyAt(1, n, f);
const sa = new StrategicAgent();

describe('StrategicAgent', () => {
  it('kick: confirmed critical on a clear flow gain, with the numbers in the reason', () => {
    const h = build(30, (i) => ({ m: { flowBalanceGpm: i < 25 ? 2 : 45, pitRateBblHr: i < 25 ? 0 : 30 }, anomalous: i >= 25 }));
    const r = sa.verify(ticket('kick', h), h, th);
    expect(r.status).toBe('Confirmed');
    expect(r.severity).toBe('CRITICAL');
    expect(r.reason).toMatch(/45\.0 gpm above flow in/);
    expect(r.confidence).toBeGreaterThan(0.3);
  });
  it('kick: a one-packet flow spike is rejected (median)', () => {
    const h = build(30, (i) => ({ m: { flowBalanceGpm: i === 29 ? 120 : 1 } }));
    expect(sa.verify(ticket('kick', h), h, th).status).toBe('Rejected');
  });
  it('too little history is Uncertain', () => {
    const h = build(4, () => ({ v: { torqueKftLbf: 10 } }));
    const r = sa.verify(ticket('stick-slip', h), h, th);
    expect(r.status).toBe('Uncertain');
    expect(r.reason).toMatch(/Not enough/);
  });
  it('stick-slip: confirmed by torque CV, rejected when smooth', () => {
    const osc = build(60, (i) => ({ v: { torqueKftLbf: 15 * (1 + 0.4 * Math.sin((2 * Math.PI * i) / 6)) } }));
    const r = sa.verify(ticket('stick-slip', osc), osc, th);
    expect(r.status).toBe('Confirmed');
    expect(r.reason).toMatch(/2\d % of the mean\) with a 6 s period/);
    // Smooth torque with the small jitter of a real sensor: nothing cycling.
    const smooth = build(60, (i) => ({ v: { torqueKftLbf: 15 * (1 + 0.01 * Math.sin(i * 1.7) + 0.005 * Math.sin(i * 0.37)) } }));
    expect(sa.verify(ticket('stick-slip', smooth), smooth, th).status).toBe('Rejected');
    // A torque held between slow logger updates cannot be judged for vibration at all.
    const held = build(60, () => ({ v: { torqueKftLbf: 15 } }));
    expect(sa.verify(ticket('stick-slip', held), held, th).status).toBe('Uncertain');
    // The same cycling on a torque collapsed to 30 % of its baseline: a few tenths of a kft-lbf, not stick-slip.
    const collapsed = build(60, (i) => ({ v: { torqueKftLbf: 1.2 * (1 + 0.4 * Math.sin((2 * Math.PI * i) / 6)) }, m: { torqueDeltaFraction: -0.7 } }));
    const c = sa.verify(ticket('stick-slip', collapsed), collapsed, th);
    expect(c.status).toBe('Rejected');
    expect(c.reason).toMatch(/70 % below its baseline/);
  });
  it('founder: WOB up with ROP falling is confirmed; ROP following WOB is rejected', () => {
    const f = build(40, (i) => ({ v: { wobKlbf: 20 + Math.max(0, i - 20) * 0.4, ropFtHr: 60 - Math.max(0, i - 20) * 0.5 } }));
    expect(sa.verify(ticket('founder', f), f, th).status).toBe('Confirmed');
    const ok = build(40, (i) => ({ v: { wobKlbf: 20 + i * 0.2, ropFtHr: 60 + i * 0.6 } }));
    expect(sa.verify(ticket('founder', ok), ok, th).status).toBe('Rejected');
  });
  it('washout: sustained SPP drop at steady flow is confirmed', () => {
    const h = build(30, () => ({ v: { flowInGpm: 500, sppPsi: 2600 }, m: { sppDeltaPsi: -200 }, anomalous: true }));
    const r = sa.verify(ticket('washout', h), h, th);
    expect(r.status).toBe('Confirmed');
    expect(r.reason).toMatch(/-200 psi/);
  });
  it('washout across a connection: confirmed against the normal from before it while the restarted baseline settles', () => {
    // The new baseline has followed the erosion down (SPP -10 psi against it); SPP is 250 psi under the pre-connection normal.
    const at = (below: number) => build(30, () => ({ v: { flowInGpm: 500, sppPsi: 2550 }, m: { sppDeltaPsi: -10, sppOverRecentNormalPsi: below }, anomalous: true }));
    const r = sa.verify(ticket('washout', at(-250)), at(-250), th);
    expect(r.status).toBe('Confirmed');
    expect(r.reason).toMatch(/250 psi below its normal of the last half hour at 500 gpm/);
    // 150 psi is within what SPP wanders over half an hour at one rate: not confirmed that way.
    expect(sa.verify(ticket('washout', at(-150)), at(-150), th).status).not.toBe('Confirmed');
  });
  it("washout: flow out a few gpm off flow in within this rig's paddle noise is not a loss; beyond it, well control speaks", () => {
    const at = (fbGpm: number, noiseGpm: number) =>
      build(30, () => ({ v: { flowInGpm: 900, sppPsi: 1400 }, m: { sppDeltaPsi: -200, flowBalanceGpm: fbGpm, flowNoiseGpm: noiseGpm }, anomalous: true }));
    // USROP F-7's paddle wanders ±6 gpm: 8 gpm short is that wander
    expect(sa.verify(ticket('washout', at(-8, 6)), at(-8, 6), th).status).toBe('Confirmed');
    const lossy = sa.verify(ticket('washout', at(-20, 6)), at(-20, 6), th);
    expect(lossy.status).toBe('Uncertain');
    expect(lossy.reason).toMatch(/20\.0 gpm short of flow in: losses\?/);
    // a quiet meter (1 gpm): 8 gpm short is the well
    expect(sa.verify(ticket('washout', at(-8, 1)), at(-8, 1), th).status).toBe('Uncertain');
  });
  it('washout: a steady fall is judged where the trend is now, not by the lagging 10 s mean', () => {
    const usrop = { ...th, sppDeviationWarningPsi: 75, sppDeviationCriticalPsi: 150 };
    // 1.3 psi/s for a minute: newest -77 psi, last-10-s mean -71 psi, washout drop 75 psi
    const ramp = build(60, (i) => ({ v: { flowInGpm: 1169, sppPsi: 2100 - 1.3 * i }, m: { sppDeltaPsi: -1.3 * i, flowBalanceGpm: 0 }, anomalous: i >= 50 }));
    const r = sa.verify(ticket('washout', ramp), ramp, usrop);
    expect(r.status).toBe('Confirmed');
    expect(r.reason).toMatch(/now -77 psi/);
    // the same last-10-s mean on a level that stepped and stays is not a washout yet
    const step = build(60, (i) => ({ v: { flowInGpm: 1169, sppPsi: i >= 50 ? 2029 : 2100 }, m: { sppDeltaPsi: i >= 50 ? -71 : 0, flowBalanceGpm: 0 }, anomalous: i >= 50 }));
    expect(sa.verify(ticket('washout', step), step, usrop).status).toBe('Uncertain');
  });
  it('pack-off: torque and SPP up with ROP down against their baselines is confirmed; torque alone is not', () => {
    const packing = (i: number) => i >= 15;
    const h = build(30, (i) => ({
      v: { torqueKftLbf: packing(i) ? 19 : 15, sppPsi: packing(i) ? 2950 : 2800, ropFtHr: packing(i) ? 25 : 50 },
      m: { torqueDeltaFraction: packing(i) ? 0.27 : 0, sppDeltaPsi: packing(i) ? 150 : 0, ropDropFraction: packing(i) ? 0.5 : 0, wobRiseFraction: 0 },
    }));
    expect(sa.verify(ticket('pack-off', h), h, th).status).toBe('Confirmed');
    const torqueOnly = build(30, (i) => ({ v: { torqueKftLbf: packing(i) ? 19 : 15, sppPsi: 2800, ropFtHr: 50 }, m: { torqueDeltaFraction: packing(i) ? 0.27 : 0, sppDeltaPsi: 0, ropDropFraction: 0, wobRiseFraction: 0 } }));
    expect(sa.verify(ticket('pack-off', torqueOnly), torqueOnly, th).status).not.toBe('Confirmed');
  });
  it('formation change: consistent dxc trend is confirmed; flat dxc rejected', () => {
    const up = build(60, (i) => ({ m: { dxc: 1.0 + i * 0.004 + (i % 2 ? 0.003 : -0.003) } }));
    expect(sa.verify(ticket('formation-change', up), up, th).status).toBe('Confirmed');
    const flat = build(60, (i) => ({ m: { dxc: 1.0 + (i % 2 ? 0.003 : -0.003) } }));
    expect(sa.verify(ticket('formation-change', flat), flat, th).status).toBe('Rejected');
  });
  it('mse inefficiency: sustained poor efficiency confirmed, good efficiency rejected', () => {
    const bad = build(30, () => ({ m: { mseEfficiencyPercent: 40, msePsi: 80000 }, anomalous: true }));
    expect(sa.verify(ticket('mse-inefficiency', bad), bad, th).status).toBe('Confirmed');
    const good = build(30, () => ({ m: { mseEfficiencyPercent: 90, msePsi: 30000 } }));
    expect(sa.verify(ticket('mse-inefficiency', good), good, th).status).toBe('Rejected');
  });
});

describe('StrategicAgent: SPP and pit checks follow the detectors', () => {
  const quiet = { ...th, sppDeviationWarningPsi: 30, sppDeviationCriticalPsi: 50 };
  const spp = (delta: number, fb = 0) =>
    build(30, (i) => ({ v: { flowInGpm: 550, sppPsi: 2800 + (i >= 20 ? delta : 0) }, m: { sppDeltaPsi: i >= 20 ? delta : 0, flowBalanceGpm: fb }, anomalous: i >= 20 }));
  it('washout: on a rig with a tight learned SPP band, a 45 psi drop at steady flow is confirmed', () => {
    const h = spp(-45);
    expect(sa.verify(ticket('washout', h), h, quiet).status).toBe('Confirmed');
    expect(sa.verify(ticket('washout', h), h, th).status).toBe('Rejected'); // config band: 45 < 50 psi is normal
  });
  it('washout: a steady fall at a held pump rate and bit load is confirmed though the baseline reads the pressure up', () => {
    // Just after a pump-rate change the restarted baseline still reads SPP +40 psi; the fall is 1 psi/s.
    const fall = build(60, (i) => ({ v: { flowInGpm: 1029, sppPsi: 1900 - i, wobKlbf: 15, torqueKftLbf: 4 }, m: { sppDeltaPsi: 40, flowBalanceGpm: 0 }, anomalous: i >= 55 }));
    const r = sa.verify(ticket('washout', fall), fall, th);
    expect(r.status).toBe('Confirmed');
    expect(r.reason).toMatch(/fell 50 psi in a steady line over the last 50 s at 1029 gpm/);
    // The same fall with the weight coming off is the motor unloading, not a washout.
    const unloading = build(60, (i) => ({ v: { flowInGpm: 1029, sppPsi: 1900 - i, wobKlbf: 15 - 0.15 * i, torqueKftLbf: 4 }, m: { sppDeltaPsi: 40, flowBalanceGpm: 0 }, anomalous: i >= 55 }));
    expect(sa.verify(ticket('washout', unloading), unloading, th).status).toBe('Rejected');
    // ...and with returns short of flow in it is left to well control.
    const losing = build(60, (i) => ({ v: { flowInGpm: 1029, sppPsi: 1900 - i, wobKlbf: 15, torqueKftLbf: 4 }, m: { sppDeltaPsi: 40, flowBalanceGpm: -9 }, anomalous: i >= 55 }));
    expect(sa.verify(ticket('washout', losing), losing, th).status).not.toBe('Confirmed');
  });
  it('washout: an SPP drop with returns short of flow in is left to well control', () => {
    const h = spp(-200, -8);
    const v = sa.verify(ticket('washout', h), h, th);
    expect(v.status).toBe('Uncertain');
    expect(v.reason).toContain('losses');
  });
  it('pit rate: a high rate without a consistent pit trend (sensor wiggle after a pump restart) is not confirmed', () => {
    const noisy = build(60, (i) => ({ v: { pitVolumeBbl: 440.5 + 0.05 * Math.sin(i * 1.7) }, m: { pitRateBblHr: i >= 50 ? -11 : 0 }, anomalous: i >= 50 }));
    expect(sa.verify(ticket('pit-rate', noisy), noisy, th).status).toBe('Uncertain');
    const real = build(60, (i) => ({ v: { pitVolumeBbl: 440 - i * 0.004 }, m: { pitRateBblHr: -14 }, anomalous: i >= 50 }));
    expect(sa.verify(ticket('pit-rate', real), real, th).status).toBe('Confirmed');
  });
  it('kick: a paddle wandering within its own noise is not confirmed; a gain held clear of it is', () => {
    // RMS 6 gpm: five packets at 18 gpm after 25 around zero is the paddle's wander.
    const wander = build(30, (i) => ({ m: { flowBalanceGpm: i < 25 ? (i % 2 ? 3 : -3) : 18, flowNoiseGpm: 6 }, anomalous: i >= 25 }));
    expect(sa.verify(ticket('kick', wander), wander, th).status).not.toBe('Confirmed');
    const held = build(40, (i) => ({ m: { flowBalanceGpm: i < 10 ? 0 : 20, flowNoiseGpm: 6 }, anomalous: i >= 10 }));
    const r = sa.verify(ticket('kick', held), held, th);
    expect(r.status).toBe('Confirmed');
    expect(r.reason).toMatch(/20\.0 gpm held over 30 s, flow noise 6\.0 gpm/);
  });
  it('loss and pit rate: pits emptied at surface faster than the flow explains confirm nothing', () => {
    const h = build(40, (i) => ({ v: { pitVolumeBbl: 500 - i * 0.06 }, m: { flowBalanceGpm: i % 2 ? -2 : -4, pitRateBblHr: -220, flowNoiseGpm: 5 }, anomalous: i >= 30 }));
    const loss = sa.verify(ticket('loss', h), h, th);
    expect(loss.status).not.toBe('Confirmed');
    expect(loss.reason).toMatch(/surface transfer/);
    const pit = sa.verify(ticket('pit-rate', h), h, th);
    expect(pit.status).toBe('Rejected');
    expect(pit.reason).toMatch(/a transfer, not the well/);
  });
  it('pack-off: a torque climb with SPP judged and still is not confirmed; with SPP not yet judged it is', () => {
    // Torque climbing well past critical, sustained, ROP down; SPP learned 600 s and flat.
    const climb = (sppAgeS: number) =>
      build(60, (i) => ({
        v: { torqueKftLbf: 15 * (1 + 0.01 * i), sppPsi: 2800, ropFtHr: 20 },
        m: { torqueDeltaFraction: 0.45 + 0.01 * i, sppDeltaPsi: 0, sppBaselineAgeS: sppAgeS, ropDropFraction: 0.5, wobRiseFraction: 0 },
        anomalous: i >= 40,
      }));
    const judged = climb(600);
    expect(sa.verify(ticket('pack-off', judged), judged, th).status).not.toBe('Confirmed');
    const blind = climb(60);
    expect(sa.verify(ticket('pack-off', blind), blind, th).status).toBe('Confirmed');
  });
  it('kick: a paddle excursion past the critical imbalance is not confirmed while the pits, read and quiet, should have moved by now', () => {
    // 15 s of a 25 gpm excursion: ~12 gpm held over 30 s, which moves the pits' trend by > 5 bbl/hr; they sit at -1.
    const excursion = build(45, (i) => ({ m: { flowBalanceGpm: i < 30 ? 0 : 25, flowNoiseGpm: 4.5, pitRateBblHr: -1, pitRateNoiseBblHr: 1.5 }, anomalous: i >= 40 }));
    const r = sa.verify(ticket('kick', excursion), excursion, th);
    expect(r.status).toBe('Uncertain');
    expect(r.reason).toMatch(/pits do not follow/);
    // The same flow with the pits following, or (held 3 RMS clear of a 4-gpm paddle) with pits too noisy to say, is confirmed as before.
    const following = build(45, (i) => ({ m: { flowBalanceGpm: i < 30 ? 0 : 25, flowNoiseGpm: 4.5, pitRateBblHr: i < 30 ? 0 : 12, pitRateNoiseBblHr: 1.5 }, anomalous: i >= 40 }));
    expect(sa.verify(ticket('kick', following), following, th).status).toBe('Confirmed');
    const noisyPits = build(45, (i) => ({ m: { flowBalanceGpm: i < 30 ? 0 : 25, flowNoiseGpm: 4, pitRateBblHr: -1, pitRateNoiseBblHr: 6 }, anomalous: i >= 40 }));
    expect(sa.verify(ticket('kick', noisyPits), noisyPits, th).status).toBe('Confirmed');
    // Just after a sudden influx the held flow is still small: the pits' lag refutes nothing.
    const sudden = build(45, (i) => ({ m: { flowBalanceGpm: i < 40 ? 0 : 45, flowNoiseGpm: 4.5, pitRateBblHr: 0, pitRateNoiseBblHr: 1.5 }, anomalous: i >= 40 }));
    expect(sa.verify(ticket('kick', sudden), sudden, th).reason).not.toMatch(/pits do not follow/);
  });
  it('loss: what the paddle read during a pump change is not held flow; alone, the flow must hold 30 s at steady pumps', () => {
    // A rate up 40 s ago: the paddle lagged 60-80 gpm for a few seconds, then 12 gpm short; steady for 7 s (noise not learned).
    const afterStep = build(45, (i) => ({ m: { flowBalanceGpm: i < 5 ? 0 : i < 10 ? -70 : -12, pumpsSteady: i < 5 || i >= 38 }, anomalous: i >= 40 }));
    const r = sa.verify(ticket('loss', afterStep), afterStep, th);
    expect(r.status).toBe('Uncertain');
    expect(r.reason).toMatch(/steady for only 7 s/);
    // 12 gpm held 30 s at steady pumps clears a typical paddle's assumed 5 gpm only beside the pits: alone, not confirmed.
    const held = build(45, (i) => ({ m: { flowBalanceGpm: -12, pumpsSteady: true }, anomalous: i >= 40 }));
    expect(sa.verify(ticket('loss', held), held, th).reason).toMatch(/not learned yet, 5\.0 gpm assumed/);
    const farOut = build(45, (i) => ({ m: { flowBalanceGpm: -30, pumpsSteady: true }, anomalous: i >= 40 }));
    expect(sa.verify(ticket('loss', farOut), farOut, th).status).toBe('Confirmed');
    // 20 s at steady pumps are enough beside pits that back the flow, not for the flow alone.
    const short = build(45, (i) => ({ m: { flowBalanceGpm: i < 25 ? 0 : -30, pumpsSteady: i >= 25 }, anomalous: i >= 40 }));
    expect(sa.verify(ticket('loss', short), short, th).status).not.toBe('Confirmed');
    const shortWithPits = build(45, (i) => ({ m: { flowBalanceGpm: i < 25 ? 0 : -30, pumpsSteady: i >= 25, pitRateBblHr: i < 25 ? 0 : -30, pitRateNoiseBblHr: 1.5 }, anomalous: i >= 40 }));
    expect(sa.verify(ticket('loss', shortWithPits), shortWithPits, th).status).toBe('Confirmed');
  });
  it('kick: before this rig\'s paddle is learned, the noise assumed grows with the pump rate', () => {
    // 8 gpm held with the pits gaining 30 bbl/hr beside it, the paddle's noise not learned yet (the first minutes after a start).
    const at = (flowInGpm: number) => build(45, (i) => ({ v: { flowInGpm }, m: { flowBalanceGpm: 8, pumpsSteady: true, pitRateBblHr: 30 }, anomalous: i >= 40 }));
    // At 600 gpm a typical paddle's 5 gpm: 8 gpm clears 1.5 RMS beside the pits.
    expect(sa.verify(ticket('kick', at(600)), at(600), th).status).toBe('Confirmed');
    // At 1,200 gpm the same paddle wanders twice as far: 8 gpm is inside 1.5 x 10 gpm (Volve F-9's cold start at 1,170 gpm).
    const high = sa.verify(ticket('kick', at(1200)), at(1200), th);
    expect(high.status).not.toBe('Confirmed');
    expect(high.reason).toMatch(/not learned yet, 10\.0 gpm assumed/);
  });
  it('kick: pits creeping at a fraction of what the held flow implies do not back it', () => {
    // 12 gpm held (between 1.5 and 2.5 RMS) implies ~17 bbl/hr in the pits; 4 bbl/hr is drift, not returns.
    const creep = build(40, (i) => ({ m: { flowBalanceGpm: 12, flowNoiseGpm: 5, pitRateBblHr: 4, pitRateNoiseBblHr: 1 }, anomalous: i >= 30 }));
    expect(sa.verify(ticket('kick', creep), creep, th).status).not.toBe('Confirmed');
    const follow = build(40, (i) => ({ m: { flowBalanceGpm: 12, flowNoiseGpm: 5, pitRateBblHr: 12, pitRateNoiseBblHr: 1 }, anomalous: i >= 30 }));
    // Pits moving no more than their own noise (additions while drilling) back nothing either.
    const noisyPits = build(40, (i) => ({ m: { flowBalanceGpm: 12, flowNoiseGpm: 5, pitRateBblHr: 12, pitRateNoiseBblHr: 10 }, anomalous: i >= 30 }));
    expect(sa.verify(ticket('kick', noisyPits), noisyPits, th).status).not.toBe('Confirmed');
    expect(sa.verify(ticket('kick', follow), follow, th).status).toBe('Confirmed');
  });
  it('kick: a small held gain beside pits three times clear of their own noise confirms; either alone does not', () => {
    // 7 gpm held (1.4 RMS of a 5-gpm paddle) with the pits at 9 bbl/hr against 1.5 bbl/hr of pit noise.
    const both = build(40, (i) => ({ m: { flowBalanceGpm: 7, flowNoiseGpm: 5, pitRateBblHr: 9, pitRateNoiseBblHr: 1.5 }, anomalous: i >= 30 }));
    expect(sa.verify(ticket('kick', both), both, th).status).toBe('Confirmed');
    // The same pits with the paddle inside its noise: not two sensors agreeing.
    const pitsOnly = build(40, (i) => ({ m: { flowBalanceGpm: 4, flowNoiseGpm: 5, pitRateBblHr: 9, pitRateNoiseBblHr: 1.5 }, anomalous: i >= 30 }));
    expect(sa.verify(ticket('kick', pitsOnly), pitsOnly, th).status).not.toBe('Confirmed');
    // The same flow with pits only twice their noise.
    const weakPits = build(40, (i) => ({ m: { flowBalanceGpm: 7, flowNoiseGpm: 5, pitRateBblHr: 9, pitRateNoiseBblHr: 4.5 }, anomalous: i >= 30 }));
    expect(sa.verify(ticket('kick', weakPits), weakPits, th).status).not.toBe('Confirmed');
    // Pit noise not learned yet: no shortcut.
    const unlearned = build(40, (i) => ({ m: { flowBalanceGpm: 7, flowNoiseGpm: 5, pitRateBblHr: 9 }, anomalous: i >= 30 }));
    expect(sa.verify(ticket('kick', unlearned), unlearned, th).status).not.toBe('Confirmed');
    // Mud added to the pits at 30 bbl/hr while the paddle sits 1.2 RMS high: the sizes do not match.
    const additions = build(40, (i) => ({ m: { flowBalanceGpm: 6, flowNoiseGpm: 5, pitRateBblHr: 30, pitRateNoiseBblHr: 1.5 }, anomalous: i >= 30 }));
    expect(sa.verify(ticket('kick', additions), additions, th).status).not.toBe('Confirmed');
  });
  it('pack-off with no torque reading: confirmed on SPP held up and ROP down, never on SPP alone', () => {
    const h = build(30, (i) => ({ v: { torqueKftLbf: 0, sppPsi: 2150 }, m: { sppDeltaPsi: 150, sppBaselineAgeS: 600, ropDropFraction: i >= 10 ? 0.5 : 0.45 } }));
    const r = sa.verify(ticket('pack-off', h), h, th);
    expect(r.status).toBe('Confirmed');
    expect(r.reason).toMatch(/no torque reading/);
    const sppOnly = build(30, () => ({ v: { torqueKftLbf: 0, sppPsi: 2150 }, m: { sppDeltaPsi: 150, sppBaselineAgeS: 600, ropDropFraction: 0 } }));
    expect(sa.verify(ticket('pack-off', sppOnly), sppOnly, th).status).not.toBe('Confirmed');
  });
  it('pack-off with no torque reading: a steady SPP rise through the held minute with ROP down confirms at MEDIUM', () => {
    // The driller took weight off a minute ago (SPP baseline restarted): SPP climbs 1.2 psi/s anyway.
    // Torque unreadable, WOB and pump rate held, SPP baseline too young to judge.
    const held = (sppPsi: (i: number) => number, ropDropFraction: number) =>
      build(60, (i) => ({ v: { torqueKftLbf: 0.3, sppPsi: sppPsi(i), wobKlbf: 5.8, flowInGpm: 907 }, m: { sppDeltaPsi: 30, sppBaselineAgeS: 90, ropDropFraction } }));
    const rising = held((i) => 1460 + 1.2 * i + (i % 3), 0.6);
    const r = sa.verify(ticket('pack-off', rising), rising, th);
    expect(r.status).toBe('Confirmed');
    expect(r.severity).toBe('MEDIUM');
    expect(r.reason).toMatch(/SPP rising steadily/);
    // The same rise with ROP holding is not a pack-off, and a flat SPP is not a rise.
    const ropHolds = held((i) => 1460 + 1.2 * i, 0.05);
    expect(sa.verify(ticket('pack-off', ropHolds), ropHolds, th).status).not.toBe('Confirmed');
    const flat = held((i) => 1460 + (i % 3), 0.6);
    expect(sa.verify(ticket('pack-off', flat), flat, th).status).not.toBe('Confirmed');
  });
  it('pack-off: SPP and torque rising together through the held minute with ROP down confirm at MEDIUM, torque stale below its baseline', () => {
    // The driller halved the weight a minute ago: torque reads 35 % under its old baseline, yet both climb at held controls.
    const held = (torqueKftLbf: (i: number) => number, ropDropFraction: number) =>
      build(60, (i) => ({ v: { torqueKftLbf: torqueKftLbf(i), sppPsi: 1460 + 1.1 * i + (i % 3), wobKlbf: 5.9, flowInGpm: 907 }, m: { torqueDeltaFraction: -0.35, wobRiseFraction: -0.5, sppDeltaPsi: 30, sppBaselineAgeS: 600, ropDropFraction } }));
    const packing = held((i) => 2.16 + 0.003 * i, 0.3);
    const r = sa.verify(ticket('pack-off', packing), packing, th);
    expect(r.status).toBe('Confirmed');
    expect(r.severity).toBe('MEDIUM');
    expect(r.reason).toMatch(/SPP rising steadily, \+\d+ psi in a straight line, and torque \+\d+ %/);
    // Torque flat (a plugging nozzle) or ROP holding (a motor loading): not confirmed.
    const flatTorque = held((i) => 2.16 + 0.02 * Math.sin(i * 2.3), 0.3);
    expect(sa.verify(ticket('pack-off', flatTorque), flatTorque, th).status).not.toBe('Confirmed');
    const ropHolds = held((i) => 2.16 + 0.003 * i, 0.05);
    expect(sa.verify(ticket('pack-off', ropHolds), ropHolds, th).status).not.toBe('Confirmed');
  });
  it('pack-off: the trends together on most of the last 10 s confirm where the baselines are stale; one packet does not', () => {
    const quietDeltas = { torqueDeltaFraction: 0.04, sppDeltaPsi: 20, ropDropFraction: 0.05, wobRiseFraction: 0, sppBaselineAgeS: 600 };
    const h = build(30, (i) => ({ v: { torqueKftLbf: 20, sppPsi: 3000 }, m: { ...quietDeltas, packOffTrendClear: i >= 24 ? 1.3 : 0.6 }, anomalous: i >= 24 }));
    const r = sa.verify(ticket('pack-off', h), h, th);
    expect(r.status).toBe('Confirmed');
    expect(r.reason).toMatch(/trends confirmed/);
    const once = build(30, (i) => ({ v: { torqueKftLbf: 20, sppPsi: 3000 }, m: { ...quietDeltas, packOffTrendClear: i === 29 ? 1.3 : 0.6 } }));
    expect(sa.verify(ticket('pack-off', once), once, th).status).not.toBe('Confirmed');
  });
  it('pack-off: trends that only just cleared (3 of the last 5 s) are building: checked again soon, not rejected', () => {
    const quietDeltas = { torqueDeltaFraction: 0.02, sppDeltaPsi: 20, ropDropFraction: 0.05, wobRiseFraction: 0, sppBaselineAgeS: 600 };
    const h = build(30, (i) => ({ v: { torqueKftLbf: 20, sppPsi: 3000 }, m: { ...quietDeltas, packOffTrendClear: i >= 27 ? 1.2 : 0.8 }, anomalous: i >= 27 }));
    const r = sa.verify(ticket('pack-off', h), h, th);
    expect(r.status).toBe('Uncertain');
    expect(r.reason).toMatch(/trends building/);
    // Held (5 of 10) within seconds or not at all: looked at again in 5 s, not the usual 20.
    expect(r.recheckAfterS).toBe(5);
    const never = build(30, () => ({ v: { torqueKftLbf: 20, sppPsi: 3000 }, m: { ...quietDeltas, packOffTrendClear: 0.8 } }));
    expect(sa.verify(ticket('pack-off', never), never, th).status).toBe('Rejected');
  });
  it('pack-off: torque and SPP up with ROP holding is not confirmed (motor load)', () => {
    const h = build(30, (i) => ({
      v: { torqueKftLbf: i >= 10 ? 22 : 15, sppPsi: 2160, ropFtHr: 60 },
      m: { torqueDeltaFraction: i >= 10 ? 0.5 : 0, sppDeltaPsi: 160, sppBaselineAgeS: 600, ropDropFraction: -0.05, wobRiseFraction: 0 },
      anomalous: i >= 10,
    }));
    expect(sa.verify(ticket('pack-off', h), h, th).status).not.toBe('Confirmed');
  });
});
