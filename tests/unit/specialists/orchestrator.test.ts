import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { InvalidWeightsError } from '../../../src-main/config/campaign-controller.js';
import { Orchestrator, riskLevelOf, severityFromScore, votingLine } from '../../../src-main/agents/orchestrator.js';
import type { HistorySample } from '../../../src-main/agents/specialists/index.js';
import { ticket, verification, type TicketOptions } from './fixtures.js';

const orch = new Orchestrator();
const flat: HistorySample[] = Array.from({ length: 30 }, () => ({ dxc: 1.4, torqueKftLbf: 15, wobKlbf: 25, ropFtHr: 60, sppDeltaPsi: 0 }));

function vote(o: TicketOptions, campaign: 'production' | 'plug_abandonment' = 'production', recent = flat, status: 'Confirmed' | 'Uncertain' = 'Confirmed') {
  const t = ticket({ ...o, campaign });
  return orch.vote({ ticket: t, verification: verification(t, { status }), recent, config: defaultConfig(), campaign });
}

describe('Orchestrator', () => {
  it('weighted consensus: all LOW -> score 1, LOW, risk Low', () => {
    const c = vote({});
    expect(c.votes.map((v) => v.level)).toEqual(['LOW', 'LOW', 'LOW', 'LOW', 'LOW']);
    expect(c.score).toBe(1);
    expect(c.finalSeverity).toBe('LOW');
    expect(c.riskLevel).toBe('Low');
  });

  it('consensus math: MSE HIGH (0.2) + Hydraulic MEDIUM (0.2) + rest LOW -> 0.6+0.4+0.6 = 1.6 MEDIUM, Elevated', () => {
    const c = vote({ metrics: { mseEfficiencyPercent: 40, sppDeltaPsi: 150 } });
    expect(c.votes.map((v) => [v.specialist, v.level, v.weight])).toEqual([
      ['MSE', 'HIGH', 0.2],
      ['Hydraulic', 'MEDIUM', 0.2],
      ['WellControl', 'LOW', 0.3],
      ['Formation', 'LOW', 0.15],
      ['StuckPipe', 'LOW', 0.15],
    ]);
    expect(c.score).toBeCloseTo(1.6, 9);
    expect(c.finalSeverity).toBe('MEDIUM');
    expect(c.riskLevel).toBe('Elevated');
  });

  it('campaign weights differ: the same ticket scores differently in P&A', () => {
    expect(vote({}, 'production').weights).not.toEqual(vote({}, 'plug_abandonment').weights);
    // Hydraulic CRITICAL (4), the rest LOW: prod 0.2·4 + 0.8·1, P&A 0.3·4 + 0.7·1.
    const onlyHyd = { metrics: { ecdMarginPpg: 0.05 } };
    expect(vote(onlyHyd, 'production').score).toBeCloseTo(0.2 * 4 + 0.8, 9);
    expect(vote(onlyHyd, 'plug_abandonment').score).toBeCloseTo(0.3 * 4 + 0.7, 9);
  });

  it('throws a clear error when the weights do not sum to 1', () => {
    const cfg = defaultConfig();
    cfg.campaign.production.weight_formation = 0.5;
    const t = ticket();
    expect(() => orch.vote({ ticket: t, verification: verification(t), recent: flat, config: cfg, campaign: 'production' })).toThrow(InvalidWeightsError);
  });

  it('a confirmed well-control ticket is never voted below HIGH', () => {
    // Pit-rate ticket whose panel sees little: score ~1.
    const c = vote({ fault: 'pit-rate', severity: 'HIGH', metrics: { flowBalanceGpm: 0, pitRateBblHr: 1 } });
    expect(c.score).toBeLessThan(1.5);
    expect(c.finalSeverity).toBe('HIGH');
    expect(c.override).toMatch(/not voted below HIGH/);
    expect(c.riskLevel).toBe('High');
  });

  it('nor below its verified CRITICAL severity', () => {
    const c = vote({ fault: 'kick', severity: 'CRITICAL', metrics: { flowBalanceGpm: 8 } });
    expect(c.finalSeverity).toBe('CRITICAL');
  });

  it('an unconfirmed well-control ticket gets no floor', () => {
    const c = vote({ fault: 'pit-rate', severity: 'HIGH', metrics: { pitRateBblHr: 1 } }, 'production', flat, 'Uncertain');
    expect(c.finalSeverity).toBe('LOW');
  });

  it('a WellControl CRITICAL vote overrides the score (HEAD rule); other CRITICALs do not', () => {
    const kick = vote({ fault: 'kick', severity: 'HIGH', metrics: { flowBalanceGpm: 30 } });
    expect(kick.finalSeverity).toBe('CRITICAL');
    expect(kick.riskLevel).toBe('Critical');
    const ecd = vote({ fault: 'ecd-margin', metrics: { ecdMarginPpg: 0.05 } });
    expect(ecd.votes.find((v) => v.specialist === 'Hydraulic')!.level).toBe('CRITICAL');
    expect(ecd.finalSeverity).toBe('MEDIUM');
    expect(ecd.riskLevel).toBe('Critical');
  });

  it('severity bands and risk rules', () => {
    expect([3.5, 3.49, 2.5, 1.5, 0.5, 0.49].map(severityFromScore)).toEqual(['CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'LOW', 'HEALTHY']);
    const t = ticket();
    const v = (level: 'HIGH' | 'LOW') => ({ specialist: 'x', level, weight: 0.2, reason: '' });
    expect(riskLevelOf(t, [v('HIGH'), v('HIGH')])).toBe('High');
    expect(riskLevelOf(t, [v('HIGH'), v('LOW')])).toBe('Elevated');
    expect(riskLevelOf(ticket({ fault: 'kick' }), [v('LOW')])).toBe('High');
  });

  it('voting line lists name, level and weight', () => {
    expect(votingLine(vote({}).votes)).toBe('MSE=LOW (20 %), Hydraulic=LOW (20 %), WellControl=LOW (30 %), Formation=LOW (15 %), StuckPipe=LOW (15 %)');
  });

  it('is deterministic', () => {
    expect(vote({ fault: 'pack-off', metrics: { torqueDeltaFraction: 0.3 } })).toEqual(vote({ fault: 'pack-off', metrics: { torqueDeltaFraction: 0.3 } }));
  });
});

describe('golden votes for synthetic scenarios', () => {
  const scenarios: Record<string, [TicketOptions, HistorySample[]]> = {
    kick: [{ fault: 'kick', severity: 'CRITICAL', metrics: { flowBalanceGpm: 32, pitRateBblHr: 18, pitGainBbl: 7 }, packet: { flowOutGpm: 632, gasUnits: 180 } }, flat],
    loss: [{ fault: 'loss', severity: 'HIGH', metrics: { flowBalanceGpm: -14, pitRateBblHr: -9, sppDeltaPsi: -120 } }, flat],
    packOff: [
      { fault: 'pack-off', severity: 'HIGH', metrics: { torqueDeltaFraction: 0.32, sppDeltaPsi: 260, hardness: 1 }, packet: { ropFtHr: 1.5, wobKlbf: 28 } },
      Array.from({ length: 30 }, (_, i) => ({ dxc: 1.4, torqueKftLbf: 15 + i * 0.15, wobKlbf: 22 + i * 0.2, ropFtHr: 40 - i, sppDeltaPsi: i * 8 })),
    ],
    founder: [{ fault: 'founder', metrics: { mseEfficiencyPercent: 55, torqueDeltaFraction: 0.1 } }, flat],
    formationChange: [{ fault: 'formation-change', severity: 'LOW' }, Array.from({ length: 30 }, (_, i) => ({ dxc: 1.6 - i * 0.012, torqueKftLbf: 15, wobKlbf: 25, ropFtHr: 60 + i, sppDeltaPsi: 0 }))],
    paMilling: [{ fault: 'mse-inefficiency', campaign: 'plug_abandonment', metrics: { mseEfficiencyPercent: 25, msePsi: 180_000 } }, flat],
  };
  for (const [name, [o, recent]] of Object.entries(scenarios)) {
    it(name, () => {
      const c = vote(o, o.campaign ?? 'production', recent);
      expect({ votes: c.votes, score: c.score, finalSeverity: c.finalSeverity, riskLevel: c.riskLevel, override: c.override }).toMatchSnapshot();
    });
  }
});
