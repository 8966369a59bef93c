// Hydraulics templates: ECD margin, washout (SPP falling), SPP deviation.
import { rich, type RichText } from '../../../src-shared/quantity.js';
import { clause, listOf } from './advice.js';
import { q, reasoning, signed, type Template, type TemplateContext } from './common.js';

const BENEFIT = rich`Hydraulic efficiency and equipment protection: stays inside the fracture window and finds string or pump damage before a twist-off.`;

function spp(ctx: TemplateContext): RichText {
  const p = ctx.ticket.packet;
  const t = ctx.ticket.trigger;
  // A washout read from the fall itself (the baseline was starting over after a pump-rate or weight change).
  const against = t.parameter === 'sppFallPsi' ? rich`down ${q(-t.value, 'psi', 0)} in a steady fall` : rich`${signed(ctx.ticket.metrics.sppDeltaPsi, 'psi', 0)} from baseline`;
  return rich`SPP ${q(p.sppPsi, 'psi', 0)} (${against})${clause(p.flowInGpm, (v) => rich` at flow in ${q(v, 'gpm', 0)}`, true)}`;
}

export const ecdMargin: Template = (ctx) => {
  const m = ctx.ticket.metrics;
  const p = ctx.ticket.packet;
  return {
    diagnosis: rich`ECD ${q(m.ecdPpg, 'ppg', 2)} is ${q(m.ecdMarginPpg, 'ppg', 2)} below the fracture gradient ${q(m.fractureGradientPpg, 'ppg', 2)}.`,
    recommendation: rich`ECD margin ${q(m.ecdMarginPpg, 'ppg', 2)}: reduce flow rate${clause(p.flowInGpm, (v) => rich` (now ${q(v, 'gpm', 0)})`, true)} or ROP${clause(p.ropFtHr, (v) => rich` (now ${q(v, 'ft/hr', 0)})`, true)} to cut annular cuttings load and friction; avoid surging the hole on connections and watch for losses. ${listOf([clause(ctx.ticket.depthFt, (v) => rich`Depth ${q(v, 'ft', 0)}`), clause(p.mudWeightInPpg, (v) => rich`MW ${q(v, 'ppg', 1)}`, true)])}.`,
    expectedBenefit: BENEFIT,
    reasoning: reasoning(ctx),
  };
};

export const washout: Template = (ctx) => ({
  diagnosis: rich`SPP falling at steady flow: possible washout. ${spp(ctx)}.`,
  recommendation: rich`${spp(ctx)}: suspected washout in the string or bit. Check pumps and surface lines first, then watch SPP for 5 min at constant ${clause(ctx.ticket.packet.pumpSpm, (v) => rich`strokes (${q(v, 'spm', 0)})`, true).length ? rich`strokes (${q(ctx.ticket.packet.pumpSpm, 'spm', 0)})` : rich`pump rate`}. If it keeps falling, plan to pull and inspect the string before it parts.`,
  expectedBenefit: BENEFIT,
  reasoning: reasoning(ctx),
});

export const sppDeviation: Template = (ctx) => {
  const d = ctx.ticket.metrics.sppDeltaPsi ?? 0;
  const cause = d >= 0 ? 'a rise points to pack-off, a plugged nozzle or cuttings loading' : 'a drop points to a washout or a pump problem';
  return {
    diagnosis: rich`SPP off baseline: ${spp(ctx)}.`,
    recommendation: rich`${spp(ctx)}: ${cause}. Hold parameters steady and watch SPP and torque for 5 min; check pump efficiency and surface equipment.`,
    expectedBenefit: BENEFIT,
    reasoning: reasoning(ctx),
  };
};
