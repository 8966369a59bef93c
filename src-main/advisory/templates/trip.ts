// Trip-sheet templates (issue 11 item 13): a gain with the pumps off is a flowing well until a
// flow check says otherwise; a loss means keep the hole full. The numbers are the trip sheet's:
// the unexplained change, the pipe moved and the steel it displaced over the trip window.
import { rich, type RichText } from '../../../src-shared/quantity.js';
import { q, reasoning, signed, wellState, paNote, type Template, type TemplateContext } from './common.js';

const INCIDENT = rich`Incident prevention: an influx caught on the trip tank is a few barrels, not a kick circulated out from bottom; a hole kept full keeps its hydrostatic.`;

/** "trip tank +2.4 bbl that the pipe does not explain over the last 15 min (pipe pulled 465 ft, displacement 3.0 bbl)". */
function sheet(ctx: TemplateContext): RichText {
  const t = ctx.ticket;
  const m = t.metrics;
  const tank = t.trigger.parameter === 'tripTankGainBbl' ? 'trip tank' : 'pits';
  const v = (tank === 'trip tank' ? m.tripTankGainBbl : m.pumpsOffPitGainBbl) ?? t.trigger.value;
  const minutes = Math.round(ctx.config.trip.window_s / 60);
  const moved = m.tripPipeMovedFt ?? null;
  const pipe =
    moved === null || Math.abs(moved) < 1
      ? rich`pipe not moved`
      : rich`pipe ${moved < 0 ? 'pulled' : 'run in'} ${q(Math.abs(moved), 'ft', 0)}, displacement ${q(Math.abs(m.tripDisplacementBbl ?? 0), 'bbl', 1)}`;
  return rich`${tank} ${signed(v, 'bbl', 1)} that the pipe does not explain over the last ${minutes} min (${pipe}, transfers left out)`;
}

function moving(ctx: TemplateContext): boolean {
  return ctx.ticket.rigState === 'TrippingIn' || ctx.ticket.rigState === 'TrippingOut';
}

export const tripGain: Template = (ctx) => {
  const stop = moving(ctx) ? 'Stop tripping now: set the pipe in the slips and install the full-opening safety valve (open). ' : 'Keep the pipe still. ';
  return {
    diagnosis: rich`Possible influx with the pumps off: ${sheet(ctx)}.`,
    recommendation: rich`${stop}Flow-check on the trip tank: close the trip tank's fill and transfer valves so only the well can change its level, and watch it for 10-15 min. If the well flows, close the safety valve and shut in per the well-control procedure; record SIDPP, SICP and the gain. If it is static, treat it as swabbing: run back to bottom, circulate bottoms up and pull slower. ${wellState(ctx.ticket)}, bit ${q(ctx.ticket.packet.bitDepthFt, 'ft', 0)}.${paNote(ctx)}`,
    expectedBenefit: INCIDENT,
    reasoning: reasoning(ctx),
  };
};

export const tripLoss: Template = (ctx) => {
  const stop = moving(ctx) ? 'Stop tripping and keep' : 'Keep';
  return {
    diagnosis: rich`Hole taking more than the pipe displaces, pumps off: ${sheet(ctx)}.`,
    recommendation: rich`${stop} the hole full from the trip tank and measure how fast it takes mud. Check the trip tank line-up and that no transfer is open. If the losses go on, slow the trip (surge when running in), and with the mud engineer spot an LCM pill before going on. Watch for a kick after losses: a falling level lowers the hydrostatic. ${wellState(ctx.ticket)}, bit ${q(ctx.ticket.packet.bitDepthFt, 'ft', 0)}.${paNote(ctx)}`,
    expectedBenefit: INCIDENT,
    reasoning: reasoning(ctx),
  };
};
