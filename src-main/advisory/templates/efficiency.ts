// Efficiency and formation templates.
import { rich, type RichText } from '../../../src-shared/quantity.js';
import { bitDiameterFor } from '../../physics/bit-diameter.js';
import { clause, listOf, rpmRaiseTarget, wobCutTargetKlbf } from './advice.js';
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
  const wobTo = wobCutTargetKlbf(p.wobKlbf, 5, bitDiameterFor(p, ctx.config));
  const rpmLow = rpmRaiseTarget(p.rpm, 10 / Math.max(p.rpm ?? 1, 1));
  const rpmHigh = rpmRaiseTarget(p.rpm, 15 / Math.max(p.rpm ?? 1, 1));
  const generic = listOf([
    wobTo !== null ? rich`reduce WOB by ${q((p.wobKlbf as number) - wobTo, 'klbf', 0)} (to ${q(wobTo, 'klbf', 1)})` : [],
    rpmLow !== null && rpmHigh !== null ? rich`raise RPM by 10-15 (to ${q(rpmLow, 'rpm', 0)}-${q(rpmHigh, 'rpm', 0)})` : [],
  ], ' or ');
  const action: RichText = o
    ? rich`this formation's best range is WOB ${rangeText(o.wobKlbf, 'klbf', 1)}, RPM ${rangeText(o.rpm, 'rpm', 0)}: ${moves ?? rich`WOB and RPM are inside it, so look at the bit and hole cleaning before changing parameters`}`
    : eff !== null && eff < poor
      ? rich`${generic.length ? generic : rich`check the bit and hole cleaning`}${clause(m.optimalMsePsi, (v) => rich` and aim for MSE near ${q(v, 'psi', 0)}`)}`
      : rich`fine-tune ${listOf([clause(p.wobKlbf, (v) => rich`WOB (${q(v, 'klbf', 1)})`, true), clause(p.rpm, (v) => rich`RPM (${q(v, 'rpm', 0)})`, true)], ' and ')} in small steps${clause(m.optimalMsePsi, (v) => rich` towards MSE ${q(v, 'psi', 0)}`)}`;
  return {
    diagnosis: rich`MSE ${q(m.msePsi, 'psi', 0)} against this hole's recent best of ${q(m.optimalMsePsi, 'psi', 0)}: efficiency ${q(eff, '%', 0)}.`,
    recommendation: rich`Efficiency ${q(eff, '%', 0)} (${listOf([rich`MSE ${q(m.msePsi, 'psi', 0)}`, clause(p.ropFtHr, (v) => rich`ROP ${q(v, 'ft/hr', 0)}`, true)])}): ${action}.${ctx.campaign === 'plug_abandonment' ? ' P&A: milling and cement drill-out run at low efficiency by nature; act only on a sustained drop.' : ''}`,
    expectedBenefit: upTo !== null ? rich`Up to ${q(upTo, '%', 0)} better drilling efficiency and less bit wear.` : rich`Better drilling efficiency and less bit wear.`,
    reasoning: reasoning(ctx, o ? [optimumSource(o)] : []),
  };
};

export const formationChange: Template = (ctx) => {
  const h = ctx.consensus.history.dxc;
  const t = h?.trendFraction ?? null;
  const p = ctx.ticket.packet;
  const trendText: RichText = t !== null ? rich`${percent(t, 1, true)} over ${h!.n} samples` : rich`not yet measured`;
  let action: RichText;
  if (t !== null && t < -0.1) {
    action = rich`falling dxc may mean rising pore pressure: check MW${clause(p.mudWeightInPpg, (v) => rich` ${q(v, 'ppg', 1)}`, true)} against the pore-pressure estimate, watch ${clause(p.gasUnits, (v) => rich`gas (${q(v, 'units', 0)}) and `)}connection gas, and flow-check on the next connection`;
  } else if (t !== null && Math.abs(t) > 0.05) {
    action = rich`${t > 0 ? 'harder' : 'softer'} rock: adjust WOB and RPM for the new formation and watch torque`;
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
