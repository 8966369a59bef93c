// Well-control templates: flow-check now, quote the numbers, be ready to shut in.
import { rich, type RichText } from '../../../src-shared/quantity.js';
import { q, reasoning, signed, wellState, paNote, type Template, type TemplateContext } from './common.js';

const INCIDENT = rich`Incident prevention: an influx caught early is smaller and safer to circulate out; a loss caught early saves mud and keeps the hole full.`;

function flows(ctx: TemplateContext): RichText {
  const p = ctx.ticket.packet;
  const m = ctx.ticket.metrics;
  return rich`flow out ${q(p.flowOutGpm, 'gpm', 0)} vs in ${q(p.flowInGpm, 'gpm', 0)} (${signed(m.flowBalanceGpm, 'gpm', 1)}), pit gain ${signed(m.pitGainBbl, 'bbl', 1)}, pit rate ${signed(m.pitRateBblHr, 'bbl/hr', 1)}, gas ${q(p.gasUnits, 'units', 0)}`;
}

export const kick: Template = (ctx) => {
  // With the pumps already off the flow check has been done, and it is positive.
  if (ctx.ticket.trigger.parameter === 'flowOutGpm') {
    const p = ctx.ticket.packet;
    return {
      diagnosis: rich`Well flowing with the pumps off: flow out ${q(p.flowOutGpm, 'gpm', 0)}, pit ${q(p.pitVolumeBbl, 'bbl', 1)}, gas ${q(p.gasUnits, 'units', 0)}.`,
      recommendation: rich`Shut in now per the well-control procedure: the flow check is positive (flow out ${q(p.flowOutGpm, 'gpm', 0)} with the pumps off). Space out, close the BOP, then record SIDPP, SICP and pit gain; confirm the flow-out sensor against the trip tank. ${wellState(ctx.ticket)}.${paNote(ctx)}`,
      expectedBenefit: INCIDENT,
      reasoning: reasoning(ctx),
    };
  }
  return {
    diagnosis: rich`Possible kick: ${flows(ctx)}.`,
    recommendation: rich`Flow-check now: stop drilling, pick up off bottom, stop the pumps and watch the well (${flows(ctx)}). Check the trip tank and the flow-out sensor. If the well flows, shut in per the well-control procedure and record SIDPP, SICP and pit gain. ${wellState(ctx.ticket)}.${paNote(ctx)}`,
    expectedBenefit: INCIDENT,
    reasoning: reasoning(ctx),
  };
};

export const loss: Template = (ctx) => ({
  diagnosis: rich`Possible lost circulation: ${flows(ctx)}.`,
  recommendation: rich`Reduce pump rate and watch returns (${flows(ctx)}); keep the hole full (fill from the trip tank, count strokes). If losses continue, pump an LCM pill and consider lowering ECD (reduce ROP, flow rate or mud weight with the mud engineer). Watch for a kick after losses: a falling level can let the well flow. ${wellState(ctx.ticket)}.${paNote(ctx)}`,
  expectedBenefit: INCIDENT,
  reasoning: reasoning(ctx),
});

export const gas: Template = (ctx) => ({
  diagnosis: rich`Gas at surface ${q(ctx.ticket.packet.gasUnits, 'units', 0)} (${flows(ctx)}).`,
  recommendation: rich`Gas ${q(ctx.ticket.packet.gasUnits, 'units', 0)}: flow-check and watch the pits; route returns through the poor-boy degasser if gas keeps rising. Check whether it is connection or trip gas before raising mud weight. ${wellState(ctx.ticket)}.${paNote(ctx)}`,
  expectedBenefit: INCIDENT,
  reasoning: reasoning(ctx),
});

export const h2s: Template = (ctx) => ({
  diagnosis: rich`H2S ${q(ctx.ticket.packet.h2sPpm, 'ppm', 0)} detected.`,
  recommendation: rich`H2S ${q(ctx.ticket.packet.h2sPpm, 'ppm', 0)}: follow the H2S contingency plan, breathing apparatus on, muster non-essential crew upwind. Flow-check (${flows(ctx)}) and be ready to shut in. ${wellState(ctx.ticket)}.${paNote(ctx)}`,
  expectedBenefit: rich`Incident prevention: crew safety from toxic gas.`,
  reasoning: reasoning(ctx),
});

export const pitRate: Template = (ctx) => {
  const pr = ctx.ticket.metrics.pitRateBblHr;
  const gaining = (pr ?? 0) >= 0;
  return {
    diagnosis: rich`Pit volume ${gaining ? 'rising' : 'falling'} at ${signed(pr, 'bbl/hr', 1)}, pit ${q(ctx.ticket.packet.pitVolumeBbl, 'bbl', 1)}.`,
    recommendation: rich`Verify the pits now: pit rate ${signed(pr, 'bbl/hr', 1)}, ${flows(ctx)}. Confirm no transfers or mud additions are under way; ${gaining ? 'flow-check and be ready to shut in if the gain continues' : 'check for losses and keep the hole full'}. ${wellState(ctx.ticket)}.${paNote(ctx)}`,
    expectedBenefit: INCIDENT,
    reasoning: reasoning(ctx),
  };
};
