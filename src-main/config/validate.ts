// Validation of a well configuration: the zod schema (types, unknown keys) plus the
// cross-field rules of DOMAIN.md §11. Every problem names the dotted key and the rule;
// nothing here throws on bad input.
import type { z } from 'zod';
import {
  WellConfigSchema,
  type ConfigIssue,
  type ConfigValidation,
  type WellConfig,
} from '../../src-shared/config.js';
import { CAMPAIGNS } from '../../src-shared/campaign.js';
import { CHANNELS } from '../../src-shared/wits.js';
import { bitProgramIssues } from './bit-program.js';
import { noEffectWarnings } from './no-effect.js';
import { tripIssues } from './trip.js';

/** A validation that also carries the parsed config when the input is usable. */
export interface ParsedConfig extends ConfigValidation {
  /** The config with defaults filled in; null when there is any error. */
  config: WellConfig | null;
}

/** Weights must sum to 1 within this tolerance. */
export const WEIGHT_SUM_TOLERANCE = 0.01;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

function zodIssuesToConfigIssues(issues: readonly z.core.$ZodIssue[]): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      // One message per unknown key so the user sees the exact dotted name they typed.
      for (const k of issue.keys) {
        const key = [...base, k].join('.');
        out.push({ key, message: `${key}: unknown key (not part of the well configuration)` });
      }
      continue;
    }
    const key = base.join('.') || '(root)';
    out.push({ key, message: `${key}: ${issue.message}` });
  }
  return out;
}

/** Cross-field rules over a schema-valid config. */
export function crossFieldIssues(c: WellConfig): { errors: ConfigIssue[]; warnings: ConfigIssue[] } {
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const err = (key: string, rule: string) => errors.push({ key, message: `${key}: ${rule}` });
  const warn = (key: string, rule: string) => warnings.push({ key, message: `${key}: ${rule}` });

  // Warning/critical pairs where a bigger number is worse: critical must be >= warning.
  const pairs: [string, number, string, number][] = [];
  const t = c.thresholds;
  const pair = (sec: string, wKey: string, w: number, cKey: string, cr: number) =>
    pairs.push([`${sec}.${wKey}`, w, `${sec}.${cKey}`, cr]);
  const wc = t.well_control;
  pair('thresholds.well_control', 'flow_imbalance_warning_gpm', wc.flow_imbalance_warning_gpm, 'flow_imbalance_critical_gpm', wc.flow_imbalance_critical_gpm);
  pair('thresholds.well_control', 'pit_gain_warning_bbl', wc.pit_gain_warning_bbl, 'pit_gain_critical_bbl', wc.pit_gain_critical_bbl);
  pair('thresholds.well_control', 'pit_rate_warning_bbl_hr', wc.pit_rate_warning_bbl_hr, 'pit_rate_critical_bbl_hr', wc.pit_rate_critical_bbl_hr);
  pair('thresholds.well_control', 'gas_units_warning', wc.gas_units_warning, 'gas_units_critical', wc.gas_units_critical);
  pair('thresholds.well_control', 'h2s_warning_ppm', wc.h2s_warning_ppm, 'h2s_critical_ppm', wc.h2s_critical_ppm);
  const hy = t.hydraulics;
  pair('thresholds.hydraulics', 'spp_deviation_warning_psi', hy.spp_deviation_warning_psi, 'spp_deviation_critical_psi', hy.spp_deviation_critical_psi);
  const me = t.mechanical;
  pair('thresholds.mechanical', 'torque_increase_warning', me.torque_increase_warning, 'torque_increase_critical', me.torque_increase_critical);
  pair('thresholds.mechanical', 'stick_slip_cv_warning', me.stick_slip_cv_warning, 'stick_slip_cv_critical', me.stick_slip_cv_critical);
  pair('thresholds.founder', 'severity_warning', t.founder.severity_warning, 'severity_high', t.founder.severity_high);
  // Each campaign's effective pair (its own key, else the global one) must hold too.
  for (const camp of CAMPAIGNS) {
    const s = c.campaign[camp];
    if (s.flow_imbalance_warning === undefined && s.flow_imbalance_critical === undefined) continue;
    const wKey = s.flow_imbalance_warning === undefined ? 'thresholds.well_control.flow_imbalance_warning_gpm' : `campaign.${camp}.flow_imbalance_warning`;
    const cKey = s.flow_imbalance_critical === undefined ? 'thresholds.well_control.flow_imbalance_critical_gpm' : `campaign.${camp}.flow_imbalance_critical`;
    pairs.push([wKey, s.flow_imbalance_warning ?? wc.flow_imbalance_warning_gpm, cKey, s.flow_imbalance_critical ?? wc.flow_imbalance_critical_gpm]);
  }
  for (const [wKey, w, cKey, cr] of pairs) {
    if (cr < w) err(cKey, `must be >= ${wKey} (${cr} < ${w})`);
  }

  // Pairs where a smaller number is worse.
  if (!(hy.ecd_margin_critical_ppg < hy.ecd_margin_warning_ppg)) {
    err('thresholds.hydraulics.ecd_margin_critical_ppg', `must be < thresholds.hydraulics.ecd_margin_warning_ppg (${hy.ecd_margin_critical_ppg} >= ${hy.ecd_margin_warning_ppg})`);
  }
  const mse = t.mse;
  if (!(mse.efficiency_warning_percent > mse.efficiency_poor_percent)) {
    err('thresholds.mse.efficiency_warning_percent', `must be > thresholds.mse.efficiency_poor_percent (${mse.efficiency_warning_percent} <= ${mse.efficiency_poor_percent})`);
  }
  for (const camp of CAMPAIGNS) {
    const s = c.campaign[camp];
    if (s.mse_efficiency_warning === undefined && s.mse_efficiency_poor === undefined) continue;
    const w = s.mse_efficiency_warning ?? mse.efficiency_warning_percent;
    const p = s.mse_efficiency_poor ?? mse.efficiency_poor_percent;
    if (!(w > p)) err(`campaign.${camp}.mse_efficiency_warning`, `must be > the campaign's efficiency poor limit (${w} <= ${p})`);
  }

  // Weights: each set sums to 1 and no weight is negative.
  const weightSets: [string, Record<string, number>][] = [
    ['ensemble_weights', c.ensemble_weights],
    ['campaign.production', pickWeights(c.campaign.production)],
    ['campaign.plug_abandonment', pickWeights(c.campaign.plug_abandonment)],
  ];
  for (const [prefix, ws] of weightSets) {
    let sum = 0;
    for (const [k, v] of Object.entries(ws)) {
      sum += v;
      if (v < 0) err(`${prefix}.${k}`, `weight must be >= 0 (got ${v})`);
    }
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      err(prefix, `weights (${Object.keys(ws).join(', ')}) must sum to 1 within ±${WEIGHT_SUM_TOLERANCE} (sum ${round(sum)})`);
    }
  }
  const e = c.ensemble_weights;
  const p = c.campaign.production;
  if (
    e.mse !== p.weight_mse ||
    e.hydraulic !== p.weight_hydraulic ||
    e.well_control !== p.weight_well_control ||
    e.formation !== p.weight_formation ||
    e.stuck_pipe !== p.weight_stuck_pipe
  ) {
    warn('ensemble_weights', 'differs from campaign.production.weight_*; voting uses the active campaign\'s weight_* keys');
  }

  // Rules between keys; each key's own physical range is in the schema (src-shared/config/*.ts).
  const bl = c.baseline_learning;
  if (!(bl.critical_sigma > bl.warning_sigma)) {
    err('baseline_learning.critical_sigma', `must be > baseline_learning.warning_sigma (${bl.critical_sigma} <= ${bl.warning_sigma})`);
  }
  // The gain counts over at least the rate window.
  const ph = c.physics;
  if (!(ph.pit_gain_window_s >= ph.pit_rate_window_s)) {
    err('physics.pit_gain_window_s', `must be within physics.pit_rate_window_s-3600 s (got ${ph.pit_gain_window_s})`);
  }
  const fg = hy.fracture_gradient_ppg;
  if (!(fg >= 5 && fg <= 25)) warn('thresholds.hydraulics.fracture_gradient_ppg', `outside the usual 5-25 ppg (got ${fg})`);
  errors.push(...bitProgramIssues(c.well.bit_program));

  // Channel overrides must name real channels.
  const channels = new Set<string>(CHANNELS);
  for (const [code, name] of Object.entries(c.acquisition.channel_overrides)) {
    if (!channels.has(name)) {
      err(`acquisition.channel_overrides.${code}`, `"${name}" is not a channel name (one of ${CHANNELS.join(', ')})`);
    }
  }

  errors.push(...tripIssues(c));

  // The frame's own time needs 0105/0106 free of channels; the reference layout uses 0105.
  const a = c.acquisition;
  const dateTimeTaken = a.channel_map === 'reference' || ['0105', '0106'].some((code) => code in a.channel_overrides);
  if (a.packet_time === 'frame' && dateTimeTaken) {
    warn('acquisition.packet_time', '"frame" needs items 0105/0106 as date and time, but the channel map gives them a channel: packets are stamped on arrival');
  }

  // Channels declared not fitted must be channel names.
  for (const [i, name] of c.acquisition.absent_channels.entries()) {
    if (!channels.has(name)) err(`acquisition.absent_channels.${i}`, `"${name}" is not a channel name (one of ${CHANNELS.join(', ')})`);
  }

  // Each shift starts at a distinct hour (a repeat would make a zero-length shift).
  const hours = c.reports.shift_start_hours;
  if (new Set(hours).size !== hours.length) {
    err('reports.shift_start_hours', `must not repeat an hour (got [${hours.join(', ')}])`);
  }

  // An exposed server without a token accepts anyone's writes.
  if (!LOOPBACK_HOSTS.has(c.server.host) && c.server.token === '') {
    warn('server.token', `empty while server.host is "${c.server.host}" (not loopback): set a token before exposing the API`);
  }

  fleetAndStorageIssues(c, err, warn);
  warnings.push(...noEffectWarnings(c));
  return { errors, warnings };
}

function pickWeights(s: {
  weight_mse: number;
  weight_hydraulic: number;
  weight_well_control: number;
  weight_formation: number;
  weight_stuck_pipe: number;
}): Record<string, number> {
  return {
    weight_mse: s.weight_mse,
    weight_hydraulic: s.weight_hydraulic,
    weight_well_control: s.weight_well_control,
    weight_formation: s.weight_formation,
    weight_stuck_pipe: s.weight_stuck_pipe,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** `input` without the leaves the schema refused (so the rules between the other keys can run). */
function withoutRefusedKeys(input: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const copy = structuredClone(input) as Record<string, unknown>;
  for (const issue of issues) {
    const path = issue.path.map(String);
    const leaves = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
    for (const leaf of leaves) {
      let node: unknown = copy;
      for (const p of leaf.slice(0, -1)) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[p] : undefined;
      if (typeof node === 'object' && node !== null && leaf.length > 0) delete (node as Record<string, unknown>)[leaf[leaf.length - 1]];
    }
  }
  return copy;
}

/** Validate-only call: schema + cross-field rules, all problems collected in one pass. */
export function validateConfig(input: unknown): ParsedConfig {
  const parsed = WellConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const errors = zodIssuesToConfigIssues(parsed.error.issues);
    // Also the rules between the keys that are fine on their own, unless they involve a refused one.
    const rest = WellConfigSchema.safeParse(withoutRefusedKeys(input, parsed.error.issues));
    if (rest.success) {
      const refused = errors.map((e) => e.key);
      const between = crossFieldIssues(rest.data).errors.filter((e) => !refused.some((k) => e.message.includes(k)));
      errors.push(...between);
    }
    return { ok: false, errors, warnings: [], config: null };
  }
  const { errors, warnings } = crossFieldIssues(parsed.data);
  return { ok: errors.length === 0, errors, warnings, config: errors.length === 0 ? parsed.data : null };
}

/** The fleet link needs all three of hub URL, rig id and key; PostgreSQL storage needs its URL. */
function fleetAndStorageIssues(c: WellConfig, err: (key: string, rule: string) => void, warn: (key: string, rule: string) => void): void {
  const f = c.fleet;
  if (f.hub_url !== '') {
    if (f.rig_id === '') err('fleet.rig_id', 'needed when fleet.hub_url is set (the id the hub registered this rig under)');
    if (f.key === '') err('fleet.key', 'needed when fleet.hub_url is set (the key the hub gave at registration)');
    if (f.hub_url.startsWith('http://') && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(f.hub_url)) {
      warn('fleet.hub_url', 'plain http sends the rig key unencrypted; use https off the rig network');
    }
  }
  if (c.storage.kind === 'postgres' && c.storage.postgres_url === '') {
    err('storage.postgres_url', 'needed when storage.kind is "postgres"');
  }
}
