// Mechanical templates: pack-off, stick-slip, founder, torque rise; with target WOB/RPM.
import { rich, type RichText } from '../../../src-shared/quantity.js';
import { percent, q, reasoning, signed, type Template, type TemplateContext } from './common.js';
import { optimumSource, wobAgainstOptimum } from './ml-optimum.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Torque, its change over baseline and the baseline it implies. */
function torque(ctx: TemplateContext): RichText {
  const t = ctx.ticket.packet.torqueKftLbf;
  const d = ctx.ticket.metrics.torqueDeltaFraction;
  if (t === null || d === null) return rich`Torque ${q(t, 'kft-lbf', 1)}`;
  const base = t / (1 + d);
  return rich`Torque ${q(t, 'kft-lbf', 1)}, ${percent(Math.abs(d))} ${d >= 0 ? 'above' : 'below'} baseline ${q(base, 'kft-lbf', 1)}`;
}

function wobTarget(wob: number | null, cutKlbf: number): RichText {
  if (wob === null) return rich`reduce WOB`;
  return rich`reduce WOB from ${q(wob, 'klbf', 1)} to ${q(Math.max(round1(wob - cutKlbf), 3), 'klbf', 1)}`;
}

export const packOff: Template = (ctx) => {
  const p = ctx.ticket.packet;
  const sppDelta = signed(ctx.ticket.metrics.sppDeltaPsi, 'psi', 0);
  return {
    diagnosis: rich`Possible pack-off: ${torque(ctx)}; SPP ${sppDelta} from baseline.`,
    recommendation: rich`${torque(ctx)}, SPP ${q(p.sppPsi, 'psi', 0)} (${sppDelta}): pick up off bottom, keep rotating and circulating; backream the last stand and clean the hole before going back to bottom. ${wobTarget(p.wobKlbf, 5)} when back on bottom and keep flow at ${q(p.flowInGpm, 'gpm', 0)} or above.`,
    expectedBenefit: rich`Pack-off prevention: avoids stuck pipe and the NPT of jarring or fishing.`,
    reasoning: reasoning(ctx),
  };
};

export const stickSlip: Template = (ctx) => {
  const p = ctx.ticket.packet;
  const cv = ctx.ticket.metrics.torqueCv;
  // §3.7: stick-slip damping: WOB down ~10-15 %, RPM up ~5-10 %, within the damping caps.
  const wobTo = p.wobKlbf !== null ? Math.max(round1(p.wobKlbf * 0.88), 3) : null;
  const rpmTo = p.rpm !== null ? Math.round(Math.min(p.rpm * 1.08, p.rpm * 1.5)) : null;
  return {
    diagnosis: rich`Stick-slip: torque CV ${percent(cv)} at ${torque(ctx)}.`,
    recommendation: rich`Torque CV ${percent(cv)} (${torque(ctx)}): reduce WOB from ${q(p.wobKlbf, 'klbf', 1)} to ${q(wobTo, 'klbf', 1)} and raise RPM from ${q(p.rpm, 'rpm', 0)} to ${q(rpmTo, 'rpm', 0)}; watch CV for 2 min: keep the change if CV falls 20 %, go back if it rises.`,
    expectedBenefit: rich`Stick-slip prevention: less bit and BHA damage, steadier ROP, less NPT.`,
    reasoning: reasoning(ctx),
  };
};

export const founder: Template = (ctx) => {
  const p = ctx.ticket.packet;
  const o = ctx.optimum;
  if (o && p.wobKlbf !== null) return founderAgainstOptimum(ctx, p.wobKlbf, o);
  return {
    diagnosis: rich`Founder: WOB ${q(p.wobKlbf, 'klbf', 1)} is above the optimum; ROP ${q(p.ropFtHr, 'ft/hr', 0)} no longer responds.`,
    recommendation: rich`WOB ${q(p.wobKlbf, 'klbf', 1)} with ROP ${q(p.ropFtHr, 'ft/hr', 0)} not responding: ${wobTarget(p.wobKlbf, 5)} (cut 5-10 klbf) and watch ROP; if ROP rises, step WOB back up slowly to find the founder point. RPM ${q(p.rpm, 'rpm', 0)}.`,
    expectedBenefit: rich`Less NPT and bit wear: drilling below the founder point gives more ROP per klbf.`,
    reasoning: reasoning(ctx),
  };
};

/** Founder quoting this formation's learned best WOB range instead of a generic cut. */
function founderAgainstOptimum(ctx: TemplateContext, wob: number, o: NonNullable<TemplateContext['optimum']>) {
  const p = ctx.ticket.packet;
  const { position, text } = wobAgainstOptimum(wob, o);
  const action =
    position === 'above'
      ? rich`reduce WOB from ${q(wob, 'klbf', 1)} to ${q(o.wobKlbf.best, 'klbf', 1)} (this formation's best) and watch ROP come back towards ${q(o.expectedRopFtHr, 'ft/hr', 0)}`
      : rich`more weight will not help here: hold WOB at or below ${q(o.wobKlbf.max, 'klbf', 1)}, check for bit balling or poor hole cleaning (flow ${q(p.flowInGpm, 'gpm', 0)})`;
  return {
    diagnosis: rich`Founder: ${text}; ROP ${q(p.ropFtHr, 'ft/hr', 0)} no longer responds.`,
    recommendation: rich`${text} with ROP ${q(p.ropFtHr, 'ft/hr', 0)} not responding: ${action}. RPM ${q(p.rpm, 'rpm', 0)} (best ${q(o.rpm.best, 'rpm', 0)}).`,
    expectedBenefit: rich`Back to this formation's best drilling: about ${q(o.expectedRopFtHr, 'ft/hr', 0)} with less bit wear.`,
    reasoning: reasoning(ctx, [optimumSource(o)]),
  };
}

export const torqueRise: Template = (ctx) => {
  const p = ctx.ticket.packet;
  return {
    diagnosis: rich`${torque(ctx)}.`,
    recommendation: rich`${torque(ctx)}; ${wobTarget(p.wobKlbf, 3)} and watch for pack-off (SPP now ${q(p.sppPsi, 'psi', 0)}): if torque keeps rising, pick up and backream. If torque is cycling, treat it as stick-slip (raise RPM from ${q(p.rpm, 'rpm', 0)}).`,
    expectedBenefit: rich`Pack-off and stick-slip prevention, less NPT.`,
    reasoning: reasoning(ctx),
  };
};
