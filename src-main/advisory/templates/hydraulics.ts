// Hydraulics templates: ECD margin, washout (SPP falling), SPP deviation.
import { rich, type RichText } from '../../../src-shared/quantity.js';
import { q, reasoning, signed, type Template, type TemplateContext } from './common.js';

const BENEFIT = rich`Hydraulic efficiency and equipment protection: stays inside the fracture window and finds string or pump damage before a twist-off.`;

function spp(ctx: TemplateContext): RichText {
  return rich`SPP ${q(ctx.ticket.packet.sppPsi, 'psi', 0)} (${signed(ctx.ticket.metrics.sppDeltaPsi, 'psi', 0)} from baseline) at flow in ${q(ctx.ticket.packet.flowInGpm, 'gpm', 0)}`;
}

export const ecdMargin: Template = (ctx) => {
  const m = ctx.ticket.metrics;
  const p = ctx.ticket.packet;
  return {
    diagnosis: rich`ECD ${q(m.ecdPpg, 'ppg', 2)} is ${q(m.ecdMarginPpg, 'ppg', 2)} below the fracture gradient ${q(m.fractureGradientPpg, 'ppg', 2)}.`,
    recommendation: rich`ECD margin ${q(m.ecdMarginPpg, 'ppg', 2)}: reduce flow rate (now ${q(p.flowInGpm, 'gpm', 0)}) or ROP (now ${q(p.ropFtHr, 'ft/hr', 0)}) to cut annular cuttings load and friction; avoid surging the hole on connections and watch for losses. Depth ${q(ctx.ticket.depthFt, 'ft', 0)}, MW ${q(p.mudWeightInPpg, 'ppg', 1)}.`,
    expectedBenefit: BENEFIT,
    reasoning: reasoning(ctx),
  };
};

export const washout: Template = (ctx) => ({
  diagnosis: rich`SPP falling at steady flow: possible washout. ${spp(ctx)}.`,
  recommendation: rich`${spp(ctx)}: suspected washout in the string or bit. Check pumps and surface lines first, then watch SPP for 5 min at constant strokes (${q(ctx.ticket.packet.pumpSpm, 'spm', 0)}). If it keeps falling, plan to pull and inspect the string before it parts.`,
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
