// Trip-sheet templates (issue 11 item 13): a gain with the pumps off is a flowing well until a
// flow check says otherwise; a loss means keep the hole full. The numbers come from the trip
// sheet's own description (tank, displacement, pipe moved).
import { q, reasoning, signed, wellState, paNote, type Template, type TemplateContext } from './common.js';

const INCIDENT = 'Incident prevention: an influx caught on the trip tank is a few barrels, not a kick circulated out from bottom; a hole kept full keeps its hydrostatic.';

function tankWords(ctx: TemplateContext): { tank: string; value: string } {
  const t = ctx.ticket;
  const tank = t.trigger.parameter === 'tripTankGainBbl' ? 'trip tank' : 'pits';
  const v = tank === 'trip tank' ? t.metrics.tripTankGainBbl : t.metrics.pumpsOffPitGainBbl;
  return { tank, value: signed(v ?? t.trigger.value, 'bbl', 1) };
}

function moving(ctx: TemplateContext): boolean {
  return ctx.ticket.rigState === 'TrippingIn' || ctx.ticket.rigState === 'TrippingOut';
}

export const tripGain: Template = (ctx) => {
  const { tank, value } = tankWords(ctx);
  const stop = moving(ctx) ? 'Stop tripping now: set the pipe in the slips and install the full-opening safety valve (open). ' : 'Keep the pipe still. ';
  return {
    diagnosis: `Possible influx with the pumps off: ${ctx.ticket.description}.`,
    recommendation:
      `${stop}Flow-check on the trip tank: close the trip tank's fill and transfer valves so only the well can change its level, and watch it for 10-15 min (${tank} ${value} unexplained). ` +
      `If the well flows, close the safety valve and shut in per the well-control procedure; record SIDPP, SICP and the gain. ` +
      `If it is static, treat it as swabbing: run back to bottom, circulate bottoms up and pull slower. ${wellState(ctx.ticket)}, bit ${q(ctx.ticket.packet.bitDepthFt, 'ft', 0)}.${paNote(ctx)}`,
    expectedBenefit: INCIDENT,
    reasoning: reasoning(ctx),
  };
};

export const tripLoss: Template = (ctx) => {
  const { tank, value } = tankWords(ctx);
  const stop = moving(ctx) ? 'Stop tripping and ' : '';
  return {
    diagnosis: `Hole taking more than the pipe displaces: ${ctx.ticket.description}.`,
    recommendation:
      `${stop}keep the hole full from the trip tank and measure how fast it takes mud (${tank} ${value} unexplained). ` +
      `Check the trip tank line-up and that no transfer is open. If the losses go on, slow the trip (surge when running in), and with the mud engineer spot an LCM pill before going on. ` +
      `Watch for a kick after losses: a falling level lowers the hydrostatic. ${wellState(ctx.ticket)}, bit ${q(ctx.ticket.packet.bitDepthFt, 'ft', 0)}.${paNote(ctx)}`,
    expectedBenefit: INCIDENT,
    reasoning: reasoning(ctx),
  };
};
