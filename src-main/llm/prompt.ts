// Builds the model's prompt from a confirmed advisory. Pure: same request, same text.
// Physics is ground truth: the prompt hands the model the verdict, the votes and the limits,
// and asks only for words and concrete parameter values inside them (DOMAIN.md §8, §12).
import type { AnomalyCategory } from '../../src-shared/advisory.js';
import { campaignLabel } from '../../src-shared/campaign.js';
import type { EnrichmentRequest } from './enricher.js';
import type { LlmPrompt } from './backend.js';
import { PARAMETER_ACTIONS, PARAMETER_LIMITS, PARAMETER_NAMES, TEXT_LIMITS } from './output-schema.js';
import { fixed, isReading, signedFixed, withUnit } from '../../src-shared/number-format.js';

function n(v: number | null | undefined, digits: number, unit: string): string {
  return isReading(v) ? withUnit(fixed(v, digits), unit) : 'n/a';
}

function signed(v: number | null | undefined, digits: number, unit: string): string {
  return isReading(v) ? withUnit(signedFixed(v, digits), unit) : 'n/a';
}

const CATEGORY_FOCUS: Record<AnomalyCategory, string> = {
  WellControl:
    'Well control comes first: say whether to flow-check or shut in, and what to watch on the pits, flow and gas. Do not suggest drilling ahead while the flow balance is abnormal.',
  Hydraulics:
    'Focus on hydraulics: pump rate, standpipe pressure, ECD against the fracture gradient, and signs of washout or plugged nozzles.',
  Mechanical:
    'Focus on the drill string: torque, stick-slip and pack-off; prefer reducing WOB or adjusting RPM and circulating to clean the hole before anything else.',
  DrillingEfficiency:
    'Focus on drilling efficiency: MSE against the optimal MSE, and WOB/RPM changes that raise efficiency without vibration. Optimise when efficiency is below 70 %.',
  Formation:
    'Focus on the formation: d-exponent and dxc trends, possible pore-pressure change or a new lithology, and whether mud weight or parameters need review.',
};

const CAMPAIGN_ROLE = {
  production:
    'You advise the driller on drilling optimisation and well control during production drilling.',
  plug_abandonment:
    'You advise the crew during plug and abandonment: cement placement, pressure tests, barrier verification, fluid migration behind casing and squeeze operations.',
} as const;

function limitsLine(): string {
  return PARAMETER_NAMES.map((name) => {
    const l = PARAMETER_LIMITS[name];
    return `${name} ${l.min}-${l.max} ${l.unit}`;
  }).join(', ');
}

export function buildSystemPrompt(campaign: EnrichmentRequest['advisory']['campaign']): string {
  return [
    `You are SAIREN, a drilling advisor in the driller's cabin. ${CAMPAIGN_ROLE[campaign]}`,
    'The physics verdict, risk level and severity given to you are ground truth, computed from the rig sensors. Never contradict them, never lower or raise the risk, never invent readings: explain them and recommend what to do.',
    `Recommend concrete parameter changes with numbers and units, only within these limits: ${limitsLine()}. Never raise wob, rpm or flow_rate by more than 20 % over the current value in one step; keep mud weight below the fracture gradient.`,
    'Answer with one JSON object only, no other text:',
    `{"diagnosis": "<what is happening, at most ${TEXT_LIMITS.diagnosis} characters>", "recommendation": "<what the driller should do now, at most ${TEXT_LIMITS.recommendation} characters>", "parameters": [{"name": "<${PARAMETER_NAMES.join('|')}>", "action": "<${PARAMETER_ACTIONS.join('|')}>", "from": <current value or null>, "to": <target value or null>, "unit": "<unit>"}], "confidence": <0 to 1 in steps of 0.1>, "reasoning": "<why, citing the readings, at most ${TEXT_LIMITS.reasoning} characters>"}`,
    `Use at most ${TEXT_LIMITS.maxParameters} parameters; an empty list is fine when no parameter should change.`,
  ].join('\n');
}

function metricLines(req: EnrichmentRequest): string[] {
  const p = req.ticket.packet;
  const m = req.ticket.metrics;
  if (req.advisory.campaign === 'plug_abandonment') {
    const lines = [
      `- Pump rate (flow in): ${n(p.flowInGpm, 0, 'gpm')}`,
      `- Returns (flow out): ${n(p.flowOutGpm, 0, 'gpm')}`,
      `- Flow balance (out - in): ${signed(m.flowBalanceGpm, 1, 'gpm')}`,
      `- Standpipe pressure: ${n(p.sppPsi, 0, 'psi')} (vs baseline ${signed(m.sppDeltaPsi, 0, 'psi')})`,
      `- Casing pressure: ${n(p.casingPressurePsi, 0, 'psi')}`,
      `- Mud weight in/out: ${n(p.mudWeightInPpg, 2, 'ppg')} / ${n(p.mudWeightOutPpg, 2, 'ppg')}`,
      `- ECD: ${n(m.ecdPpg, 2, 'ppg')}; fracture gradient ${n(m.fractureGradientPpg, 2, 'ppg')}; margin ${n(m.ecdMarginPpg, 2, 'ppg')}`,
      `- Pit volume: ${n(p.pitVolumeBbl, 1, 'bbl')}; gain ${signed(m.pitGainBbl, 1, 'bbl')}; rate ${signed(m.pitRateBblHr, 1, 'bbl/hr')}`,
      `- Gas: ${n(p.gasUnits, 0, 'units')}`,
    ];
    if (req.advisory.operation === 'Milling' || req.advisory.operation === 'CementDrillOut') {
      lines.push(
        `- WOB: ${n(p.wobKlbf, 1, 'klbf')}; RPM: ${n(p.rpm, 0, 'rpm')}; torque: ${n(p.torqueKftLbf, 1, 'kft-lbf')}; ROP: ${n(p.ropFtHr, 1, 'ft/hr')}`,
      );
    }
    return lines;
  }
  return [
    `- ROP: ${n(p.ropFtHr, 1, 'ft/hr')}`,
    `- WOB: ${n(p.wobKlbf, 1, 'klbf')}`,
    `- RPM: ${n(p.rpm, 0, 'rpm')}`,
    `- Torque: ${n(p.torqueKftLbf, 1, 'kft-lbf')} (vs baseline ${signed(m.torqueDeltaFraction === null ? null : m.torqueDeltaFraction * 100, 0, '%')}; CV ${n(m.torqueCv, 2, '')})`,
    `- MSE: ${n(m.msePsi, 0, 'psi')}; optimal ${n(m.optimalMsePsi, 0, 'psi')}; efficiency ${n(m.mseEfficiencyPercent, 0, '%')}`,
    `- d-exponent: ${n(m.dExponent, 2, '')}; dxc: ${n(m.dxc, 2, '')}`,
    `- Flow in/out: ${n(p.flowInGpm, 0, 'gpm')} / ${n(p.flowOutGpm, 0, 'gpm')}; balance (out - in) ${signed(m.flowBalanceGpm, 1, 'gpm')}`,
    `- Standpipe pressure: ${n(p.sppPsi, 0, 'psi')} (vs baseline ${signed(m.sppDeltaPsi, 0, 'psi')})`,
    `- Mud weight: ${n(p.mudWeightInPpg, 2, 'ppg')}; ECD ${n(m.ecdPpg, 2, 'ppg')}; fracture gradient ${n(m.fractureGradientPpg, 2, 'ppg')}; margin ${n(m.ecdMarginPpg, 2, 'ppg')}`,
    `- Pit volume: ${n(p.pitVolumeBbl, 1, 'bbl')}; gain ${signed(m.pitGainBbl, 1, 'bbl')}; rate ${signed(m.pitRateBblHr, 1, 'bbl/hr')}`,
    `- Gas: ${n(p.gasUnits, 0, 'units')}; H2S: ${n(p.h2sPpm, 0, 'ppm')}`,
  ];
}

export function buildUserPrompt(req: EnrichmentRequest): string {
  const { advisory: a, ticket: t, verification: v } = req;
  const lines: string[] = [];
  lines.push(`CAMPAIGN: ${campaignLabel(a.campaign)}; operation ${a.operation}`);
  lines.push(`RIG STATE: ${a.rigState}`);
  lines.push(`DEPTH: bit ${n(t.metrics.bitDepthFt, 0, 'ft')}; hole ${n(t.metrics.holeDepthFt ?? a.depthFt, 0, 'ft')}`);
  lines.push('KEY METRICS:');
  lines.push(...metricLines(req));
  lines.push(
    `TRIGGER: ${a.fault} (${a.category}); ${t.trigger.parameter} = ${n(t.trigger.value, 2, t.trigger.unit)}, threshold ${n(t.trigger.threshold, 2, t.trigger.unit)}`,
  );
  lines.push('BREACHES:');
  if (t.breaches.length === 0) lines.push('- none beyond the trigger');
  for (const b of t.breaches) {
    lines.push(`- ${b.parameter} ${n(b.actual, 2, b.unit)} vs ${b.level.toLowerCase()} threshold ${n(b.threshold, 2, b.unit)}`);
  }
  lines.push(`PHYSICS VERDICT (ground truth): ${v.status}, severity ${v.severity}, confidence ${n(v.confidence, 2, '')}: ${v.reason}`);
  lines.push(`RISK: ${a.riskLevel} (consensus ${n(a.consensusScore, 2, '')} of 4)`);
  lines.push('SPECIALIST VOTES:');
  if (a.votes.length === 0) lines.push('- none');
  for (const vote of a.votes) {
    lines.push(`- ${vote.specialist}: ${vote.level} (weight ${n(vote.weight, 2, '')}): ${vote.reason}`);
  }
  lines.push('PRECEDENTS:');
  if (a.precedents.length === 0) lines.push('- none');
  for (const p of a.precedents) lines.push(`- ${p.summary} (${p.source})`);
  lines.push(`TEMPLATE ADVICE ALREADY SHOWN: ${a.template.diagnosis} ${a.template.recommendation}`);
  lines.push(`FOCUS: ${CATEGORY_FOCUS[a.category]}`);
  lines.push('Write the JSON answer now.');
  return lines.join('\n');
}

export function buildPrompt(req: EnrichmentRequest): LlmPrompt {
  return { system: buildSystemPrompt(req.advisory.campaign), user: buildUserPrompt(req) };
}
