import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../src-shared/advisory.js';
import type { Campaign } from '../../../src-shared/campaign.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { defaultConfig } from '../../../src-shared/config.js';
import { Orchestrator } from '../../../src-main/agents/orchestrator.js';
import type { HistorySample } from '../../../src-main/agents/specialists/index.js';
import { TEMPLATES, renderTemplate, renderTemplateParts } from '../../../src-main/advisory/templates/index.js';
import { partsText } from '../../../src-shared/quantity.js';
import { ticket, verification, type TicketOptions } from '../specialists/fixtures.js';

const orch = new Orchestrator();
const recent: HistorySample[] = Array.from({ length: 30 }, (_, i) => ({ dxc: 1.6 - i * 0.01, torqueKftLbf: 15 + i * 0.1, wobKlbf: 25, ropFtHr: 60, sppDeltaPsi: 0 }));

function render(o: TicketOptions, campaign: Campaign = 'production') {
  const config = defaultConfig();
  const t = ticket({ ...o, campaign });
  const v = verification(t, { reason: 'flow out 32 gpm above flow in for 30 s' });
  const consensus = orch.vote({ ticket: t, verification: v, recent, config, campaign });
  const text = renderTemplate({ ticket: t, verification: v, consensus, campaign, config, thresholds: thresholdsFor(config, campaign) });
  return { ...text, all: `${text.diagnosis} ${text.recommendation} ${text.expectedBenefit} ${text.reasoning}` };
}

// For each fault: ticket values and the numbers-with-units its recommendation must quote.
const CASES: Record<FaultKind, [TicketOptions, string[]]> = {
  kick: [
    { fault: 'kick', metrics: { flowBalanceGpm: 32, pitGainBbl: 6.1, pitRateBblHr: 18, ecdPpg: 10.45 }, packet: { flowInGpm: 600, flowOutGpm: 632, gasUnits: 240, mudWeightInPpg: 10.2 } },
    ['flow out 632 gpm vs in 600 gpm', '+32.0 gpm', 'pit gain +6.1 bbl', 'gas 240 units', 'shut in', 'MW 10.2 ppg', 'ECD 10.45 ppg', 'Depth 10200 ft'],
  ],
  loss: [
    { fault: 'loss', metrics: { flowBalanceGpm: -45, pitGainBbl: -8.5 }, packet: { flowInGpm: 600, flowOutGpm: 555 } },
    ['flow out 555 gpm vs in 600 gpm', '-45.0 gpm', 'pit gain -8.5 bbl', 'Reduce pump rate', 'LCM', 'MW 10.2 ppg'],
  ],
  gas: [{ fault: 'gas', packet: { gasUnits: 620 } }, ['Gas 620 units', 'degasser', 'Depth 10200 ft']],
  h2s: [{ fault: 'h2s', packet: { h2sPpm: 25 } }, ['H2S 25 ppm', 'breathing apparatus', 'shut in']],
  'pit-rate': [{ fault: 'pit-rate', metrics: { pitRateBblHr: 16.4 }, packet: { pitVolumeBbl: 463.2 } }, ['+16.4 bbl/hr', 'pit 463.2 bbl', 'shut in']],
  'ecd-margin': [
    { fault: 'ecd-margin', metrics: { ecdPpg: 13.92, ecdMarginPpg: 0.08, fractureGradientPpg: 14 }, packet: { flowInGpm: 650, ropFtHr: 85 } },
    ['ECD margin 0.08 ppg', 'ECD 13.92 ppg', '14.00 ppg', 'now 650 gpm', 'now 85 ft/hr'],
  ],
  washout: [{ fault: 'washout', metrics: { sppDeltaPsi: -160 }, packet: { sppPsi: 2640, pumpSpm: 110 } }, ['SPP 2640 psi', '-160 psi from baseline', '110 spm', 'washout']],
  'spp-deviation': [{ fault: 'spp-deviation', metrics: { sppDeltaPsi: 130 }, packet: { sppPsi: 2930 } }, ['SPP 2930 psi', '+130 psi', 'pack-off']],
  'pack-off': [
    { fault: 'pack-off', metrics: { torqueDeltaFraction: 0.23, sppDeltaPsi: 180 }, packet: { torqueKftLbf: 18.5, wobKlbf: 27, sppPsi: 2980 } },
    ['Torque 18.5 kft-lbf, 23 % above baseline 15.0 kft-lbf', 'Reduce WOB from 27.0 klbf to 22.0 klbf', 'backream', 'SPP 2980 psi'],
  ],
  'stick-slip': [
    { fault: 'stick-slip', metrics: { torqueCv: 0.21, torqueDeltaFraction: 0.05 }, packet: { torqueKftLbf: 16, wobKlbf: 25, rpm: 120 } },
    ['Torque cycling 21 %', 'reduce WOB from 25.0 klbf to 22.0 klbf', 'raise RPM from 120 rpm to 130 rpm'],
  ],
  founder: [{ fault: 'founder', packet: { wobKlbf: 32, ropFtHr: 45, rpm: 110 } }, ['WOB 32.0 klbf', 'ROP 45 ft/hr', 'to 27.0 klbf', 'RPM 110 rpm']],
  'torque-rise': [
    { fault: 'torque-rise', metrics: { torqueDeltaFraction: 0.18 }, packet: { torqueKftLbf: 17.7, wobKlbf: 25, sppPsi: 2800 } },
    ['Torque 17.7 kft-lbf, 18 % above baseline 15.0 kft-lbf', 'reduce WOB from 25.0 klbf to 22.0 klbf', 'SPP now 2800 psi'],
  ],
  'mse-inefficiency': [
    { fault: 'mse-inefficiency', metrics: { mseEfficiencyPercent: 42, msePsi: 64_000, optimalMsePsi: 27_000 }, packet: { wobKlbf: 25, rpm: 120, ropFtHr: 40 } },
    ['Efficiency 42 %', 'MSE 64000 psi', 'reduce WOB by 5 klbf (to 20.0 klbf)', '130 rpm-135 rpm', 'MSE near 27000 psi', 'Up to 30 % better'],
  ],
  'formation-change': [{ fault: 'formation-change', metrics: { dxc: 1.35 } }, ['dxc 1.35', 'trend -19.9 % over 30 samples', 'pore pressure', 'MW 10.2 ppg', '10200 ft']],
  'trip-gain': [
    {
      fault: 'trip-gain',
      metrics: { tripTankGainBbl: 2.4, tripPipeMovedFt: -465, tripDisplacementBbl: -3.03 },
      packet: { bitDepthFt: 4200 },
      trigger: { parameter: 'tripTankGainBbl', value: 2.4, threshold: 1.5, unit: 'bbl' },
    },
    ['trip tank +2.4 bbl that the pipe does not explain over the last 15 min (pipe pulled 465 ft, displacement 3.0 bbl', 'Flow-check on the trip tank', 'close the trip tank', 'shut in', 'bit 4200 ft', 'MW 10.2 ppg'],
  ],
  'trip-loss': [
    { fault: 'trip-loss', metrics: { pumpsOffPitGainBbl: -5.6, tripPipeMovedFt: 0 } },
    ['pits -5.6 bbl that the pipe does not explain over the last 15 min (pipe not moved', 'Keep the hole full from the trip tank', 'LCM', 'kick after losses', 'MW 10.2 ppg'],
  ],
};

describe('templates', () => {
  it('there is a template for every fault kind', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [fault, [o, needles]] of Object.entries(CASES)) {
    it(`${fault}: quotes the numbers with units`, () => {
      const t = render(o);
      for (const n of needles) expect(t.all).toContain(n);
      expect(t.reasoning).toMatch(/^Template-based advisory/);
      expect(t.reasoning).toMatch(/Voting: MSE=\w+ \(20 %\)/);
      expect(t.reasoning).toMatch(/ECD margin to fracture gradient/);
      expect(t.reasoning).toMatch(/Trends: dxc 1\.46 avg, -19\.9 % over 30 samples; torque 16\.4 kft-lbf avg/);
      expect(t.expectedBenefit.length).toBeGreaterThan(10);
      expect(t.all).not.toMatch(/NaN|undefined|null/);
    });
  }

  it('the quoted pack-off example reads as the issue asks', () => {
    const t = render(CASES['pack-off'][0]);
    expect(t.recommendation).toMatch(/^Torque 18\.5 kft-lbf, 23 % above baseline 15\.0 kft-lbf, SPP 2980 psi \(\+180 psi\): pick up off bottom/);
  });

  it('well-control templates note the tighter tolerance in P&A, not in production', () => {
    for (const f of ['kick', 'loss', 'gas', 'h2s', 'pit-rate'] as const) {
      expect(render(CASES[f][0], 'plug_abandonment').recommendation).toMatch(/P&A campaign: tighter tolerance \(flow warning 5 gpm, pressure-test tolerance 25 psi\)/);
      expect(render(CASES[f][0], 'production').recommendation).not.toMatch(/P&A/);
    }
  });

  it('MSE template in P&A uses the P&A poor limit (30 %) and says milling is inefficient', () => {
    const t = render(CASES['mse-inefficiency'][0], 'plug_abandonment');
    expect(t.recommendation).toMatch(/fine-tune WOB \(25\.0 klbf\)/);
    expect(t.recommendation).toMatch(/P&A: milling/);
  });

  it('a washout read from its steady fall quotes the fall, not a baseline that was starting over', () => {
    const w = render({
      fault: 'washout', metrics: { sppDeltaPsi: 41 }, packet: { sppPsi: 1825, flowInGpm: 1029, pumpSpm: 245 },
      trigger: { parameter: 'sppFallPsi', value: -50, threshold: -37.5, unit: 'psi' },
    });
    expect(w.diagnosis).toContain('SPP 1825 psi (down 50 psi in a steady fall) at flow in 1029 gpm');
    expect(w.all).not.toMatch(/from baseline/);
  });

  it('a pack-off read from a steady SPP rise (no usable torque) quotes the rise, not a baseline that was starting over', () => {
    const p = render({
      fault: 'pack-off', metrics: { torqueDeltaFraction: null, sppDeltaPsi: 20 }, packet: { torqueKftLbf: null, sppPsi: 1523, wobKlbf: 5.8, flowInGpm: 907 },
      trigger: { parameter: 'sppRisePsi', value: 55, threshold: 50, unit: 'psi' },
    });
    expect(p.diagnosis).toContain('SPP rising steadily, +55 psi in under a minute at a held pump rate and weight');
    expect(p.diagnosis).not.toMatch(/from baseline/);
  });

  it('a pack-off read from SPP and torque rising together in the held minute quotes torque as it reads, not against a stale baseline', () => {
    // The driller halved the weight: torque reads 35 % under the baseline learned before, yet climbs.
    const p = render({
      fault: 'pack-off', metrics: { torqueDeltaFraction: -0.35, sppDeltaPsi: 25 }, packet: { torqueKftLbf: 2.3, sppPsi: 1511, wobKlbf: 5.9, flowInGpm: 907 },
      trigger: { parameter: 'sppTorqueRisePsi', value: 50, threshold: 50, unit: 'psi' },
    });
    expect(p.diagnosis).toContain('Torque 2.3 kft-lbf and rising; SPP rising steadily, +50 psi in under a minute with it at a held pump rate and weight');
    expect(p.all).not.toMatch(/below baseline|from baseline/);
  });

  it('a channel the rig does not send is left out, never quoted as n/a or 0 (issue 11 item 8)', () => {
    const t = render({ fault: 'kick', metrics: { flowBalanceGpm: null, pitGainBbl: 6.1, pitRateBblHr: null }, packet: { flowOutGpm: null, gasUnits: null } });
    expect(t.recommendation).toContain('watch the well (pit gain +6.1 bbl)');
    expect(t.recommendation).not.toMatch(/n\/a|flow out|gas/);
    const w = render({ fault: 'washout', metrics: { sppDeltaPsi: -160 }, packet: { sppPsi: 2640, pumpSpm: 0, flowInGpm: null } });
    expect(w.recommendation).toContain('at constant pump rate');
    expect(w.all).not.toMatch(/0 spm|n\/a/);
    const s = render({ fault: 'stick-slip', metrics: { torqueCv: 0.21 }, packet: { torqueKftLbf: 16, wobKlbf: 25, rpm: 0 } });
    expect(s.recommendation).not.toMatch(/RPM from|0 rpm/);
  });

  it('parameter moves stay within sane bounds of the current value and the bit', () => {
    // 4.2 klbf on an 8.5-in bit is already light: no "reduce WOB from 4.2 to 3.0 klbf".
    const light = render({ fault: 'stick-slip', metrics: { torqueCv: 0.21 }, packet: { torqueKftLbf: 6, wobKlbf: 4.2, rpm: 120 } });
    expect(light.recommendation).not.toMatch(/reduce WOB from/);
    expect(light.recommendation).toContain('do not cut WOB further (4.2 klbf is already light for the bit, under 9 klbf)');
    expect(light.recommendation).toContain('raise RPM from 120 rpm to 130 rpm');
    // One step never takes off more than a quarter of the weight, nor goes under the bit's floor.
    const founder = render({ fault: 'founder', packet: { wobKlbf: 12, ropFtHr: 20, rpm: 110 } });
    expect(founder.recommendation).toContain('reduce WOB from 12.0 klbf to 9.0 klbf');
    // RPM is never raised past the top-drive cap.
    const fast = render({ fault: 'stick-slip', metrics: { torqueCv: 0.21 }, packet: { torqueKftLbf: 16, wobKlbf: 25, rpm: 195 } });
    expect(fast.recommendation).toContain('raise RPM from 195 rpm to 200 rpm');
  });

  it('efficiency benefit is min(100 − eff, 30) %', () => {
    expect(render({ fault: 'mse-inefficiency', metrics: { mseEfficiencyPercent: 82 } }).expectedBenefit).toMatch(/^Up to 18 % better/);
  });
});

describe('template parts (numbers with units for the screens)', () => {
  const ctx = () => {
    const config = defaultConfig();
    const t = ticket({ ...CASES.kick[0], campaign: 'production' });
    const v = verification(t, { reason: 'flow out 32 gpm above flow in for 30 s' });
    return { ticket: t, verification: v, consensus: orch.vote({ ticket: t, verification: v, recent, config, campaign: 'production' }), campaign: 'production' as const, config, thresholds: thresholdsFor(config, 'production') };
  };

  it('the plain text is the parts printed in US oilfield units', () => {
    const parts = renderTemplateParts(ctx());
    const plain = renderTemplate(ctx());
    expect(partsText(parts.recommendation)).toBe(plain.recommendation);
    expect(partsText(parts.diagnosis)).toBe(plain.diagnosis);
  });

  it('printed in metric, no oilfield unit is left in the kick recommendation', () => {
    const text = partsText(renderTemplateParts(ctx()).recommendation, 'metric', { group: true });
    // 632 gpm = 2392 L/min, +6.1 bbl = +0.97 m³, 10,200 ft = 3,109 m, 10.2 ppg = 1.22 g/cm³
    expect(text).toContain('flow out 2392 L/min');
    expect(text).toContain('pit gain +0.97 m³');
    expect(text).toContain('Depth 3,109 m');
    expect(text).toContain('MW 1.22 g/cm³');
    expect(text).not.toMatch(/\b(gpm|bbl|ppg|ft)\b/);
  });
});
