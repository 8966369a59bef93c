// Efficiency and formation templates.
import { q, reasoning, type Template } from './common.js';

export const mseInefficiency: Template = (ctx) => {
  const m = ctx.ticket.metrics;
  const p = ctx.ticket.packet;
  const eff = m.mseEfficiencyPercent;
  const upTo = eff !== null ? Math.round(Math.min(100 - eff, 30)) : null;
  const poor = ctx.thresholds.mseEfficiencyPoorPercent;
  const action =
    eff !== null && eff < poor
      ? `reduce WOB by 5 klbf (to ${q(p.wobKlbf !== null ? Math.max(p.wobKlbf - 5, 3) : null, 'klbf', 1)}) or raise RPM by 10-15 (to ${q(p.rpm !== null ? p.rpm + 10 : null, 'rpm', 0)}-${q(p.rpm !== null ? p.rpm + 15 : null, 'rpm', 0)}) and aim for MSE near ${q(m.optimalMsePsi, 'psi', 0)}`
      : `fine-tune WOB (${q(p.wobKlbf, 'klbf', 1)}) and RPM (${q(p.rpm, 'rpm', 0)}) in small steps towards MSE ${q(m.optimalMsePsi, 'psi', 0)}`;
  return {
    diagnosis: `MSE ${q(m.msePsi, 'psi', 0)} against an optimum of ${q(m.optimalMsePsi, 'psi', 0)}: efficiency ${q(eff, '%', 0)}.`,
    recommendation: `Efficiency ${q(eff, '%', 0)} (MSE ${q(m.msePsi, 'psi', 0)}, ROP ${q(p.ropFtHr, 'ft/hr', 0)}): ${action}.` +
      (ctx.campaign === 'plug_abandonment' ? ' P&A: milling and cement drill-out run at low efficiency by nature; act only on a sustained drop.' : ''),
    expectedBenefit: upTo !== null ? `Up to ${upTo}% better drilling efficiency and less bit wear.` : 'Better drilling efficiency and less bit wear.',
    reasoning: reasoning(ctx),
  };
};

export const formationChange: Template = (ctx) => {
  const h = ctx.consensus.history.dxc;
  const t = h?.trendFraction ?? null;
  const p = ctx.ticket.packet;
  const trendText = t !== null ? `${t >= 0 ? '+' : ''}${(t * 100).toFixed(1)}% over ${h!.n} samples` : 'n/a';
  let action: string;
  if (t !== null && t < -0.1) {
    action = `falling dxc may mean rising pore pressure: check MW ${q(p.mudWeightInPpg, 'ppg', 1)} against the pore-pressure estimate, watch gas (${q(p.gasUnits, 'units', 0)}) and connection gas, and flow-check on the next connection`;
  } else if (t !== null && Math.abs(t) > 0.05) {
    action = `${t > 0 ? 'harder' : 'softer'} rock: adjust WOB (${q(p.wobKlbf, 'klbf', 1)}) and RPM (${q(p.rpm, 'rpm', 0)}) for the new formation and watch torque`;
  } else {
    action = 'keep monitoring dxc and gas';
  }
  return {
    diagnosis: `Formation change: dxc ${q(ctx.ticket.metrics.dxc, '', 2)}, trend ${trendText}.`,
    recommendation: `dxc trend ${trendText} at ${q(ctx.ticket.depthFt, 'ft', 0)}: ${action}.`,
    expectedBenefit: 'Smooth transition into the new formation without a drilling dysfunction or a pressure surprise.',
    reasoning: reasoning(ctx),
  };
};
