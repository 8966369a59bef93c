// The Settings form's values and messages: fields shown in the screen's units (converted back
// to the engine's units on save), and the engine's validation issues said in words on the field
// they are about ("Pit gain warning (bbl) must be below the critical, 10 bbl"). Pure.
import type { ConfigIssue } from '../../src-shared/config.js';
import { fixed } from '../../src-shared/number-format.js';
import { kindOfUnit } from '../../src-shared/quantity.js';
import { DISPLAY_UNITS, toDisplay, unitLabel, type UnitSystem } from '../../src-shared/units.js';
import { fieldText, parseField } from './config-fields.js';
import { labelOf } from './config-labels.js';

/** The unit a field is shown in on this screen ('' when it has none). */
export function fieldUnit(key: string, system: UnitSystem): string {
  const { unit } = labelOf(key);
  const kind = kindOfUnit(unit);
  return kind === 'none' ? unit : unitLabel(kind, system);
}

/** "Pit gain warning (bbl)": the label with the unit it is shown in. */
export function fieldName(key: string, system: UnitSystem): string {
  const unit = fieldUnit(key, system);
  return unit ? `${labelOf(key).label} (${unit})` : labelOf(key).label;
}

/** Up to 4 decimals, trailing zeros dropped: 37.8541 L/min, 10 gpm. */
function trim(v: number): string {
  return String(Number(v.toFixed(4)));
}

/** A stored value as field text in the screen's units. */
export function toFieldText(key: string, value: unknown, system: UnitSystem): string {
  const kind = kindOfUnit(labelOf(key).unit);
  if (typeof value === 'number' && kind !== 'none' && system === 'metric') return trim(toDisplay(value, kind, system));
  return fieldText(value);
}

/** Field text back to the engine's value (units converted back; non-numbers left for the engine to name). */
export function fromFieldText(key: string, text: string, original: unknown, system: UnitSystem): unknown {
  const v = parseField(text, original);
  const kind = kindOfUnit(labelOf(key).unit);
  if (typeof v !== 'number' || kind === 'none' || system !== 'metric') return v;
  const back = v / DISPLAY_UNITS[kind].toMetric(1);
  return Number(back.toPrecision(10));
}

/** A value as words with its unit in the screen's units: "10 bbl", "1.59 m³". */
export function valueWords(key: string, value: number, system: UnitSystem): string {
  const kind = kindOfUnit(labelOf(key).unit);
  const shown = kind === 'none' ? value : toDisplay(value, kind, system);
  const unit = fieldUnit(key, system);
  const text = trim(Number(fixed(shown, 4)));
  return unit ? `${text} ${unit}` : text;
}

/** Warning/critical pairs; `worse` says which way is bad (a lower ECD margin is worse). */
export interface LimitPair {
  warning: string;
  critical: string;
  worse: 'higher' | 'lower';
}

const pair = (prefix: string, w: string, c: string, worse: LimitPair['worse'] = 'higher'): LimitPair => ({ warning: `${prefix}${w}`, critical: `${prefix}${c}`, worse });

export const LIMIT_PAIRS: readonly LimitPair[] = [
  pair('thresholds.well_control.', 'flow_imbalance_warning_gpm', 'flow_imbalance_critical_gpm'),
  pair('thresholds.well_control.', 'pit_gain_warning_bbl', 'pit_gain_critical_bbl'),
  pair('thresholds.well_control.', 'pit_rate_warning_bbl_hr', 'pit_rate_critical_bbl_hr'),
  pair('thresholds.well_control.', 'gas_units_warning', 'gas_units_critical'),
  pair('thresholds.well_control.', 'h2s_warning_ppm', 'h2s_critical_ppm'),
  pair('thresholds.hydraulics.', 'spp_deviation_warning_psi', 'spp_deviation_critical_psi'),
  pair('thresholds.hydraulics.', 'ecd_margin_warning_ppg', 'ecd_margin_critical_ppg', 'lower'),
  pair('thresholds.mechanical.', 'torque_increase_warning', 'torque_increase_critical'),
  pair('thresholds.mechanical.', 'stick_slip_cv_warning', 'stick_slip_cv_critical'),
  pair('thresholds.founder.', 'severity_warning', 'severity_high'),
  pair('thresholds.mse.', 'efficiency_warning_percent', 'efficiency_poor_percent', 'lower'),
  pair('campaign.production.', 'flow_imbalance_warning', 'flow_imbalance_critical'),
  pair('campaign.plug_abandonment.', 'flow_imbalance_warning', 'flow_imbalance_critical'),
  pair('campaign.production.', 'mse_efficiency_warning', 'mse_efficiency_poor', 'lower'),
  pair('campaign.plug_abandonment.', 'mse_efficiency_warning', 'mse_efficiency_poor', 'lower'),
  pair('baseline_learning.', 'warning_sigma', 'critical_sigma'),
  pair('trip.', 'gain_warning_bbl', 'gain_critical_bbl'),
  pair('trip.', 'loss_warning_bbl', 'loss_critical_bbl'),
];

/** The pair rule in words, on the warning field, when `values` break it; else null. */
export function pairMessage(p: LimitPair, warning: number, critical: number, system: UnitSystem): string | null {
  const broken = p.worse === 'higher' ? warning > critical : warning <= critical;
  if (!broken) return null;
  const side = p.worse === 'higher' ? 'below' : 'above';
  return `${fieldName(p.warning, system)} must be ${side} the critical, ${valueWords(p.critical, critical, system)}`;
}

const OPS: [RegExp, string][] = [
  [/\s*>=\s*/g, ' at least '],
  [/\s*<=\s*/g, ' at most '],
  [/\s*>\s*/g, ' above '],
  [/\s*<\s*/g, ' below '],
];

/** Any other engine message in words: the key prefix dropped, keys named by label, operators spelt out. */
export function wordIssue(issue: ConfigIssue, system: UnitSystem): string {
  let m = issue.message.startsWith(`${issue.key}: `) ? issue.message.slice(issue.key.length + 2) : issue.message;
  m = m.replace(/Too small: expected number to be >=?\s*(\S+)/i, 'must be at least $1').replace(/Too big: expected number to be <=?\s*(\S+)/i, 'must be at most $1');
  m = m.replace(/Invalid input: expected number, received \w+/i, 'must be a number');
  m = m.replace(/[a-z_]+(?:\.[a-z_]+)+/g, (k) => (k === issue.key ? 'it' : fieldName(k, system)));
  m = m.replace(/\(got ([^)]+)\)/, '(you entered $1)');
  for (const [re, words] of OPS) m = m.replace(re, words);
  return `${fieldName(issue.key, system)}: ${m.trim()}`;
}

export interface PlacedIssues {
  /** Messages by the key of the field they belong on. */
  byKey: Map<string, string[]>;
}

/**
 * The engine's issues placed and worded. A warning/critical rule the values break is said once,
 * on the warning field; the engine's message for it (on either key) is replaced.
 */
export function placeIssues(issues: readonly ConfigIssue[], value: (key: string) => unknown, system: UnitSystem): PlacedIssues {
  const byKey = new Map<string, string[]>();
  const add = (k: string, m: string): void => {
    const list = byKey.get(k) ?? [];
    if (!list.includes(m)) list.push(m);
    byKey.set(k, list);
  };
  for (const issue of issues) {
    const p = LIMIT_PAIRS.find((x) => x.warning === issue.key || x.critical === issue.key);
    const w = p ? value(p.warning) : undefined;
    const c = p ? value(p.critical) : undefined;
    const worded = p && typeof w === 'number' && typeof c === 'number' ? pairMessage(p, w, c, system) : null;
    if (p && worded) add(p.warning, worded);
    else add(issue.key, wordIssue(issue, system));
  }
  return { byKey };
}

/**
 * Limits this screen refuses before asking the engine: a warning or critical limit below zero
 * (a pit-gain warning of -3 bbl would fire on every reading). Worded, keyed by field.
 */
export function negativeLimits(keys: Iterable<string>, value: (key: string) => unknown, system: UnitSystem): Map<string, string[]> {
  const limitKeys = new Set(LIMIT_PAIRS.flatMap((p) => [p.warning, p.critical]));
  const out = new Map<string, string[]>();
  for (const k of keys) {
    const v = value(k);
    if (limitKeys.has(k) && typeof v === 'number' && v < 0) out.set(k, [`${fieldName(k, system)} cannot be negative (you entered ${trim(v)})`]);
  }
  return out;
}
