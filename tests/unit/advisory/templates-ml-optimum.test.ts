// Founder and MSE-inefficiency advisories quote the ML optimum for this formation when one applies.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import type { FormationOptimum } from '../../../src-shared/ml.js';
import { Orchestrator } from '../../../src-main/agents/orchestrator.js';
import { AdvisoryComposer } from '../../../src-main/advisory/composer.js';
import { renderTemplate } from '../../../src-main/advisory/templates/index.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { ticket, verification, type TicketOptions } from '../specialists/fixtures.js';

const optimum: FormationOptimum = {
  reportId: 'ML-0000abcd',
  reportTimeMs: Date.UTC(2025, 0, 1, 1),
  formation: 'Medium Shale/Siltstone',
  meanDExponent: 1.5,
  fromFt: 10_100,
  toFt: 10_160,
  wobKlbf: { best: 24.5, min: 22, max: 27 },
  rpm: { best: 140, min: 130, max: 150 },
  flowGpm: { best: 550, min: 540, max: 560 },
  expectedRopFtHr: 55,
  confidence: 'High',
};

function render(o: TicketOptions, opt: FormationOptimum | null) {
  const config = defaultConfig();
  const t = ticket({ ...o, campaign: 'production' });
  const v = verification(t, {});
  const consensus = new Orchestrator().vote({ ticket: t, verification: v, recent: [], config, campaign: 'production' });
  const text = renderTemplate({ ticket: t, verification: v, consensus, campaign: 'production', config, thresholds: thresholdsFor(config, 'production'), optimum: opt });
  return `${text.diagnosis} | ${text.recommendation} | ${text.expectedBenefit} | ${text.reasoning}`;
}

describe('advisories quote the formation optimum', () => {
  it('founder above the best range: the range and the best WOB, not a generic 5-10 klbf cut', () => {
    const s = render({ fault: 'founder', packet: { wobKlbf: 32, ropFtHr: 45, rpm: 120 } }, optimum);
    expect(s).toContain("WOB 32.0 klbf is above this formation's best range 22.0 klbf to 27.0 klbf");
    expect(s).toContain('reduce WOB from 32.0 klbf to 24.5 klbf');
    expect(s).toContain('ML optimum for this formation (Medium Shale/Siltstone, 10100 ft to 10160 ft, report 2025-01-01 01:00 UTC, High confidence)');
    expect(s).not.toContain('cut 5-10 klbf');
  });

  it('founder inside the best range: weight is not the answer', () => {
    const s = render({ fault: 'founder', packet: { wobKlbf: 25, ropFtHr: 30, rpm: 140 } }, optimum);
    expect(s).toContain("WOB 25.0 klbf is inside this formation's best range 22.0 klbf to 27.0 klbf");
    expect(s).toContain('bit balling');
  });

  it('without an optimum the generic founder advice stays', () => {
    const s = render({ fault: 'founder', packet: { wobKlbf: 32, ropFtHr: 45, rpm: 110 } }, null);
    expect(s).toContain('cut 5-10 klbf');
    expect(s).not.toContain('best range');
  });

  it('MSE inefficiency: moves WOB and RPM into the best range', () => {
    const s = render({ fault: 'mse-inefficiency', metrics: { mseEfficiencyPercent: 42, msePsi: 64_000, optimalMsePsi: 27_000 }, packet: { wobKlbf: 32, rpm: 120, ropFtHr: 40 } }, optimum);
    expect(s).toContain("this formation's best range is WOB 22.0 klbf to 27.0 klbf, RPM 130 rpm to 150 rpm");
    expect(s).toContain('reduce WOB from 32.0 klbf to 24.5 klbf and raise RPM from 120 rpm to 140 rpm');
    expect(s).not.toContain('reduce WOB by 5 klbf');
  });

  it('MSE inefficiency inside the best range points at the bit, not the parameters', () => {
    const s = render({ fault: 'mse-inefficiency', metrics: { mseEfficiencyPercent: 42, msePsi: 64_000 }, packet: { wobKlbf: 25, rpm: 140, ropFtHr: 40 } }, optimum);
    expect(s).toContain('WOB and RPM are inside it');
  });

  it('the composer passes the optimum through (pure input)', () => {
    const config = defaultConfig();
    const t = ticket({ fault: 'founder', packet: { wobKlbf: 32, ropFtHr: 45, rpm: 120 }, campaign: 'production' });
    const v = verification(t, {});
    const consensus = new Orchestrator().vote({ ticket: t, verification: v, recent: [], config, campaign: 'production' });
    const a = new AdvisoryComposer(config).compose({ ticket: t, verification: v, consensus, precedents: [], campaign: 'production', thresholds: thresholdsFor(config, 'production'), optimum });
    expect(a?.template.recommendation).toContain('to 24.5 klbf');
  });
});
