// Keys that are accepted (old files keep loading) but change nothing, and global keys the
// active campaign overrides: validation warns about each one a user has set, so nobody tunes
// a number that the engine never reads.
import { defaultConfig, type ConfigIssue, type WellConfig } from '../../src-shared/config.js';

/** Accepted for compatibility with the reference's well_config.toml; not used by this engine. */
export const NO_EFFECT_KEYS: Record<string, string> = {
  'thresholds.mse.efficiency_optimal_percent': 'efficiency is judged against the warning and poor limits only',
  'thresholds.formation.dxc_pressure_threshold': 'overpressure is judged from the dxc trend (thresholds.formation.dexp_decrease_warning)',
  'thresholds.formation.mse_pressure_tolerance': 'not used by the formation detector',
  'thresholds.rig_state.trip_out_hook_load_min': 'tripping is recognised from block movement, not hook load',
  'thresholds.rig_state.trip_in_hook_load_max': 'tripping is recognised from block movement, not hook load',
  'campaign.plug_abandonment.cement_pressure_hold': 'cement and barrier tests are not monitored yet',
  'campaign.plug_abandonment.barrier_pressure_margin': 'cement and barrier tests are not monitored yet',
  'campaign.plug_abandonment.cement_returns_expected': 'cement and barrier tests are not monitored yet',
  'campaign.plug_abandonment.plug_depth_tolerance': 'cement and barrier tests are not monitored yet',
  'physics.formation_hardness_base_psi': 'MSE efficiency is relative to this hole\'s recent best MSE, not a hardness model',
  'physics.formation_hardness_multiplier': 'MSE efficiency is relative to this hole\'s recent best MSE, not a hardness model',
  'advisory.packet_cooldown': 'suppression is per fault now: advisory.repeat_after_s and repeat_after_depth_ft',
  'advisory.depth_cooldown_ft': 'suppression is per fault now: advisory.repeat_after_depth_ft',
  'advisory.default_cooldown_seconds': 'suppression is per fault now: advisory.repeat_after_s and retry_after_rejected_s',
  'advisory.critical_packet_cooldown': 'an escalation to critical always passes; advisory.critical_cooldown_seconds limits repeats',
  'advisory.critical_depth_cooldown_ft': 'an escalation to critical always passes; advisory.critical_cooldown_seconds limits repeats',
};

/** Global key -> the campaign key that replaces it while that campaign is active. */
const CAMPAIGN_OVERRIDES: [global: string, campaignKey: string][] = [
  ['thresholds.well_control.flow_imbalance_warning_gpm', 'flow_imbalance_warning'],
  ['thresholds.well_control.flow_imbalance_critical_gpm', 'flow_imbalance_critical'],
  ['thresholds.mse.efficiency_warning_percent', 'mse_efficiency_warning'],
  ['thresholds.mse.efficiency_poor_percent', 'mse_efficiency_poor'],
];

function valueAt(obj: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** Warnings for keys set away from their default that have no effect on this configuration. */
export function noEffectWarnings(c: WellConfig): ConfigIssue[] {
  const defaults = defaultConfig();
  const changed = (key: string) => JSON.stringify(valueAt(c, key)) !== JSON.stringify(valueAt(defaults, key));
  const out: ConfigIssue[] = [];
  for (const [key, why] of Object.entries(NO_EFFECT_KEYS)) {
    if (changed(key)) out.push({ key, message: `${key}: has no effect (${why})` });
  }
  const active = c.campaign.active;
  for (const [global, campaignKey] of CAMPAIGN_OVERRIDES) {
    const own = (c.campaign[active] as Record<string, unknown>)[campaignKey];
    if (changed(global) && own !== undefined) {
      out.push({ key: global, message: `${global}: has no effect while the ${active} campaign is active (campaign.${active}.${campaignKey} = ${String(own)} applies)` });
    }
  }
  return out;
}
