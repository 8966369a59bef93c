// Mechanical templates: pack-off, stick-slip, founder, torque rise; with target WOB/RPM.
import { rich, type RichText } from '../../../src-shared/quantity.js';
import { bitDiameterFor } from '../../physics/bit-diameter.js';
import { clause, listOf, minUsefulWobKlbf, rpmRaiseTarget, running, wobCutTargetKlbf } from './advice.js';
import { percent, q, reasoning, signed, type Template, type TemplateContext } from './common.js';
import { optimumSource, wobAgainstOptimum } from './ml-optimum.js';

/** Torque, its change over baseline and the baseline it implies. */
function torque(ctx: TemplateContext): RichText {
  const t = ctx.ticket.packet.torqueKftLbf;
  const d = ctx.ticket.metrics.torqueDeltaFraction;
  if (t === null || d === null) return rich`Torque ${q(t, 'kft-lbf', 1)}`;
  const base = t / (1 + d);
  return rich`Torque ${q(t, 'kft-lbf', 1)}, ${percent(Math.abs(d))} ${d >= 0 ? 'above' : 'below'} baseline ${q(base, 'kft-lbf', 1)}`;
}

const bitOf = (ctx: TemplateContext): number | null => bitDiameterFor(ctx.ticket.packet, ctx.config);

/** "reduce WOB from 30.0 to 25.0 klbf", bounded by the bit; "WOB is already light" when it cannot go lower. */
function wobTarget(ctx: TemplateContext, cutKlbf: number): RichText {
  const wob = ctx.ticket.packet.wobKlbf;
  if (!running(wob)) return rich`reduce WOB`;
  const to = wobCutTargetKlbf(wob, cutKlbf, bitOf(ctx));
  if (to === null) return rich`do not cut WOB further (${q(wob, 'klbf', 1)} is already light for the bit, under ${q(minUsefulWobKlbf(bitOf(ctx)), 'klbf', 0)})`;
  return rich`reduce WOB from ${q(wob, 'klbf', 1)} to ${q(to, 'klbf', 1)}`;
}

/** "raise RPM from 120 to 130 rpm", or nothing when RPM is not sent or at the cap. */
function rpmRaise(ctx: TemplateContext, fraction: number): RichText {
  const rpm = ctx.ticket.packet.rpm;
  const to = rpmRaiseTarget(rpm, fraction);
  return to === null ? [] : rich`raise RPM from ${q(rpm, 'rpm', 0)} to ${q(to, 'rpm', 0)}`;
}

function capitalise(t: RichText): RichText {
  const [first, ...rest] = t;
  return first && 'text' in first ? [{ text: first.text.charAt(0).toUpperCase() + first.text.slice(1) }, ...rest] : t;
}

export const packOff: Template = (ctx) => {
  const p = ctx.ticket.packet;
  const sppDelta = signed(ctx.ticket.metrics.sppDeltaPsi, 'psi', 0);
  const trigger = ctx.ticket.trigger;
  // Read from SPP's steady rise in the held minute (detectors.ts): where no usable torque comes
  // in, or with torque rising alongside while its baseline, learned before the driller's last
  // weight change, is stale (then torque is quoted as it reads, not against that baseline).
  const withTorque = trigger.parameter === 'sppTorqueRisePsi';
  const heldRise = withTorque || trigger.parameter === 'sppRisePsi';
  const sppSign = heldRise
    ? rich`SPP rising steadily, ${signed(trigger.value, 'psi', 0)} in under a minute${withTorque ? ' with it' : ''} at a held pump rate and weight`
    : rich`SPP ${sppDelta} from baseline`;
  const torqueNow = withTorque ? rich`Torque ${q(p.torqueKftLbf, 'kft-lbf', 1)} and rising` : torque(ctx);
  return {
    diagnosis: rich`Possible pack-off: ${torqueNow}; ${sppSign}.`,
    recommendation: rich`${listOf([torqueNow, clause(p.sppPsi, (v) => rich`SPP ${q(v, 'psi', 0)} (${sppDelta})`)])}: pick up off bottom, keep rotating and circulating; backream the last stand and clean the hole before going back to bottom. ${capitalise(wobTarget(ctx, 5))} when back on bottom${clause(p.flowInGpm, (v) => rich` and keep flow at ${q(v, 'gpm', 0)} or above`, true)}.`,
    expectedBenefit: rich`Pack-off prevention: avoids stuck pipe and the NPT of jarring or fishing.`,
    reasoning: reasoning(ctx),
  };
};

export const stickSlip: Template = (ctx) => {
  const p = ctx.ticket.packet;
  const cv = ctx.ticket.metrics.torqueCv;
  // §3.7: stick-slip damping: WOB down ~10-15 %, RPM up ~5-10 %, within the damping caps.
  const wobCut = running(p.wobKlbf) ? p.wobKlbf * 0.12 : 0;
  const moves = listOf([running(p.wobKlbf) ? wobTarget(ctx, wobCut) : [], rpmRaise(ctx, 0.08)], ' and ');
  return {
    diagnosis: rich`Stick-slip: torque cycling ${percent(cv)} of the mean at ${torque(ctx)}.`,
    recommendation: rich`Torque cycling ${percent(cv)} (${torque(ctx)}): ${moves.length ? moves : rich`raise RPM and take some weight off`}; watch the torque cycling for 2 min: keep the change if it falls 20 %, go back if it rises.`,
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
    recommendation: rich`WOB ${q(p.wobKlbf, 'klbf', 1)} with ROP ${q(p.ropFtHr, 'ft/hr', 0)} not responding: ${wobTarget(ctx, 5)} and watch ROP; if ROP rises, step WOB back up slowly to find the founder point.${clause(p.rpm, (v) => rich` RPM ${q(v, 'rpm', 0)}.`, true)}`,
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
      : rich`more weight will not help here: hold WOB at or below ${q(o.wobKlbf.max, 'klbf', 1)}, check for bit balling or poor hole cleaning${clause(p.flowInGpm, (v) => rich` (flow ${q(v, 'gpm', 0)})`, true)}`;
  return {
    diagnosis: rich`Founder: ${text}; ROP ${q(p.ropFtHr, 'ft/hr', 0)} no longer responds.`,
    recommendation: rich`${text} with ROP ${q(p.ropFtHr, 'ft/hr', 0)} not responding: ${action}.${clause(p.rpm, (v) => rich` RPM ${q(v, 'rpm', 0)} (best ${q(o.rpm.best, 'rpm', 0)}).`, true)}`,
    expectedBenefit: rich`Back to this formation's best drilling: about ${q(o.expectedRopFtHr, 'ft/hr', 0)} with less bit wear.`,
    reasoning: reasoning(ctx, [optimumSource(o)]),
  };
}

export const torqueRise: Template = (ctx) => {
  const p = ctx.ticket.packet;
  return {
    diagnosis: rich`${torque(ctx)}.`,
    recommendation: rich`${torque(ctx)}; ${wobTarget(ctx, 3)} and watch for pack-off${clause(p.sppPsi, (v) => rich` (SPP now ${q(v, 'psi', 0)})`)}: if torque keeps rising, pick up and backream. If torque is cycling, treat it as stick-slip${clause(p.rpm, (v) => rich` (raise RPM from ${q(v, 'rpm', 0)})`, true)}.`,
    expectedBenefit: rich`Pack-off and stick-slip prevention, less NPT.`,
    reasoning: reasoning(ctx),
  };
};
