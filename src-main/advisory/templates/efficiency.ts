// Efficiency and formation templates.
import { rich, type RichText } from '../../../src-shared/quantity.js';
import { percent, q, reasoning, type Template } from './common.js';
import { movesToOptimum, optimumSource, rangeText } from './ml-optimum.js';

export const mseInefficiency: Template = (ctx) => {
  const m = ctx.ticket.metrics;
  const p = ctx.ticket.packet;
  const eff = m.mseEfficiencyPercent;
  const upTo = eff !== null ? Math.round(Math.min(100 - eff, 30)) : null;
  const poor = ctx.thresholds.mseEfficiencyPoorPercent;
  const o = ctx.optimum;
  const moves = o ? movesToOptimum(p.wobKlbf, p.rpm, o) : null;
  const action: RichText = o
    ? rich`this formation's best range is WOB ${rangeText(o.wobKlbf, 'klbf', 1)}, RPM ${rangeText(o.rpm, 'rpm', 0)}: ${moves ?? rich`WOB and RPM are inside it, so look at the bit and hole cleaning before changing parameters`}`
    : eff !== null && eff < poor
      ? rich`reduce WOB by 5 klbf (to ${q(p.wobKlbf !== null ? Math.max(p.wobKlbf - 5, 3) : null, 'klbf', 1)}) or raise RPM by 10-15 (to ${q(p.rpm !== null ? p.rpm + 10 : null, 'rpm', 0)}-${q(p.rpm !== null ? p.rpm + 15 : null, 'rpm', 0)}) and aim for MSE near ${q(m.optimalMsePsi, 'psi', 0)}`
      : rich`fine-tune WOB (${q(p.wobKlbf, 'klbf', 1)}) and RPM (${q(p.rpm, 'rpm', 0)}) in small steps towards MSE ${q(m.optimalMsePsi, 'psi', 0)}`;
  return {
    diagnosis: rich`MSE ${q(m.msePsi, 'psi', 0)} against an optimum of ${q(m.optimalMsePsi, 'psi', 0)}: efficiency ${q(eff, '%', 0)}.`,
    recommendation: rich`Efficiency ${q(eff, '%', 0)} (MSE ${q(m.msePsi, 'psi', 0)}, ROP ${q(p.ropFtHr, 'ft/hr', 0)}): ${action}.${ctx.campaign === 'plug_abandonment' ? ' P&A: milling and cement drill-out run at low efficiency by nature; act only on a sustained drop.' : ''}`,
    expectedBenefit: upTo !== null ? rich`Up to ${q(upTo, '%', 0)} better drilling efficiency and less bit wear.` : rich`Better drilling efficiency and less bit wear.`,
    reasoning: reasoning(ctx, o ? [optimumSource(o)] : []),
  };
};

export const formationChange: Template = (ctx) => {
  const h = ctx.consensus.history.dxc;
  const t = h?.trendFraction ?? null;
  const p = ctx.ticket.packet;
  const trendText: RichText = t !== null ? rich`${percent(t, 1, true)} over ${h!.n} samples` : rich`n/a`;
  let action: RichText;
  if (t !== null && t < -0.1) {
    action = rich`falling dxc may mean rising pore pressure: check MW ${q(p.mudWeightInPpg, 'ppg', 1)} against the pore-pressure estimate, watch gas (${q(p.gasUnits, 'units', 0)}) and connection gas, and flow-check on the next connection`;
  } else if (t !== null && Math.abs(t) > 0.05) {
    action = rich`${t > 0 ? 'harder' : 'softer'} rock: adjust WOB (${q(p.wobKlbf, 'klbf', 1)}) and RPM (${q(p.rpm, 'rpm', 0)}) for the new formation and watch torque`;
  } else {
    action = rich`keep monitoring dxc and gas`;
  }
  return {
    diagnosis: rich`Formation change: dxc ${q(ctx.ticket.metrics.dxc, '', 2)}, trend ${trendText}.`,
    recommendation: rich`dxc trend ${trendText} at ${q(ctx.ticket.depthFt, 'ft', 0)}: ${action}.`,
    expectedBenefit: rich`Smooth transition into the new formation without a drilling dysfunction or a pressure surprise.`,
    reasoning: reasoning(ctx),
  };
};
