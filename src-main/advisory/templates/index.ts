// One template per fault kind; the Record type makes a missing one a compile error.
import type { AdvisoryParts, AdvisoryText, FaultKind } from '../../../src-shared/advisory.js';
import { plainText, type Template, type TemplateContext } from './common.js';
import { formationChange, mseInefficiency } from './efficiency.js';
import { ecdMargin, sppDeviation, washout } from './hydraulics.js';
import { founder, packOff, stickSlip, torqueRise } from './mechanical.js';
import { tripGain, tripLoss } from './trip.js';
import { gas, h2s, kick, loss, pitRate } from './well-control.js';

export type { Template, TemplateContext } from './common.js';

export const TEMPLATES: Record<FaultKind, Template> = {
  kick,
  loss,
  gas,
  h2s,
  'pit-rate': pitRate,
  'ecd-margin': ecdMargin,
  washout,
  'spp-deviation': sppDeviation,
  'pack-off': packOff,
  'stick-slip': stickSlip,
  founder,
  'torque-rise': torqueRise,
  'mse-inefficiency': mseInefficiency,
  'formation-change': formationChange,
  'trip-gain': tripGain,
  'trip-loss': tripLoss,
};

/** The template as parts (numbers with units) for the screens. */
export function renderTemplateParts(ctx: TemplateContext): AdvisoryParts {
  return TEMPLATES[ctx.ticket.fault](ctx);
}

/** The template as plain text (US oilfield units) for the LLM, logs and storage. */
export function renderTemplate(ctx: TemplateContext): AdvisoryText {
  return plainText(renderTemplateParts(ctx));
}

/** Confidence of a template-only advisory (DOMAIN §7). */
export const TEMPLATE_CONFIDENCE = 0.7;
