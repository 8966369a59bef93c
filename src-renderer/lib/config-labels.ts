// Settings in words: each configuration key gets a label a rig hand reads, the unit it is kept
// in (oilfield units convert to the screen's units), and a group by what it is for. The raw key
// stays in a tooltip. A key not listed here still shows, under "Other", by its key.

export interface KeyLabel {
  label: string;
  /** Canonical unit ('gpm', 'bbl', 'ppg'... convert; '%', 's', 'σ'... do not); '' = none. */
  unit: string;
}

export interface ConfigGroup {
  id: string;
  title: string;
  /** What the group is for, one line. */
  purpose: string;
  keys: readonly string[];
}

const L = (label: string, unit = ''): KeyLabel => ({ label, unit });

const WC = 'thresholds.well_control.';
const HY = 'thresholds.hydraulics.';
const ME = 'thresholds.mechanical.';
const FO = 'thresholds.founder.';
const FM = 'thresholds.formation.';
const RS = 'thresholds.rig_state.';
const OD = 'thresholds.operation_detection.';
const SV = 'thresholds.strategic_verification.';
const PR = 'campaign.production.';
const PA = 'campaign.plug_abandonment.';

export const KEY_LABELS: Record<string, KeyLabel> = {
  'well.name': L('Well name'), 'well.field': L('Field'), 'well.rig': L('Rig'), 'well.operator': L('Operator'),
  'well.bit_diameter_inches': L('Bit diameter', 'in'),
  'well.bit_program': L('Bit program by depth (list of from_depth_ft, to_depth_ft, diameter_in)'),
  'acquisition.channel_map': L('WITS channel map'), 'acquisition.channel_overrides': L('Channel overrides (WITS code = channel)'),
  'acquisition.units': L('Units the rig sends'), 'acquisition.null_values': L('Extra "no reading" values'),
  'acquisition.packet_time': L('Packet time: on arrival, or the WITS frame\'s own date and time (0105/0106)'),
  'acquisition.feed_timeout_s': L('Feed offline after', 's'),
  'acquisition.listen_host': L('Listen on address (rig pushes WITS)', ''),
  'acquisition.listen_allow': L('Logger addresses allowed to push', ''),
  'acquisition.listen_max_connections': L('Most logger connections held open', ''),
  'acquisition.absent_channels': L('Channels not fitted on this rig (channel names)', ''),
  'acquisition.absent_after_s': L('A channel reading 0 all along is not fitted after', 's'),
  'trip.pipe_od_in': L('Pipe outside diameter', 'in'), 'trip.pipe_id_in': L('Pipe inside diameter', 'in'),
  'trip.pipe_closed_end': L('Pipe pulled wet / run closed-end'),
  'trip.gain_warning_bbl': L('Trip tank gain warning', 'bbl'), 'trip.gain_critical_bbl': L('Trip tank gain critical', 'bbl'),
  'trip.loss_warning_bbl': L('Trip tank loss warning', 'bbl'), 'trip.loss_critical_bbl': L('Trip tank loss critical', 'bbl'),
  'trip.window_s': L('Trip sheet adds up over', 's'), 'trip.transfer_rate_bbl_min': L('A tank moving faster is a transfer', 'bbl/min'),
  [`${WC}flow_imbalance_warning_gpm`]: L('Flow imbalance warning', 'gpm'), [`${WC}flow_imbalance_critical_gpm`]: L('Flow imbalance critical', 'gpm'),
  [`${WC}pit_gain_warning_bbl`]: L('Pit gain warning', 'bbl'), [`${WC}pit_gain_critical_bbl`]: L('Pit gain critical', 'bbl'),
  [`${WC}pit_rate_warning_bbl_hr`]: L('Pit rate warning', 'bbl/hr'), [`${WC}pit_rate_critical_bbl_hr`]: L('Pit rate critical', 'bbl/hr'),
  [`${WC}gas_units_warning`]: L('Gas warning', 'units'), [`${WC}gas_units_critical`]: L('Gas critical', 'units'),
  [`${WC}h2s_warning_ppm`]: L('H2S warning', 'ppm'), [`${WC}h2s_critical_ppm`]: L('H2S critical', 'ppm'),
  'thresholds.mse.efficiency_optimal_percent': L('MSE efficiency, optimal', '%'), 'thresholds.mse.efficiency_warning_percent': L('MSE efficiency warning (below)', '%'),
  'thresholds.mse.efficiency_poor_percent': L('MSE efficiency poor (below)', '%'),
  [`${HY}normal_mud_weight_ppg`]: L('Normal mud weight', 'ppg'), [`${HY}fracture_gradient_ppg`]: L('Fracture gradient', 'ppg'),
  [`${HY}ecd_margin_warning_ppg`]: L('ECD margin warning (below)', 'ppg'), [`${HY}ecd_margin_critical_ppg`]: L('ECD margin critical (below)', 'ppg'),
  [`${HY}spp_deviation_warning_psi`]: L('SPP deviation warning', 'psi'), [`${HY}spp_deviation_critical_psi`]: L('SPP deviation critical', 'psi'),
  [`${HY}annular_pressure_loss_coefficient`]: L('Annular pressure loss coefficient'),
  [`${ME}torque_increase_warning`]: L('Torque rise warning', 'fraction'), [`${ME}torque_increase_critical`]: L('Torque rise critical', 'fraction'),
  [`${ME}stick_slip_cv_warning`]: L('Stick-slip torque CV warning', 'fraction'), [`${ME}stick_slip_cv_critical`]: L('Stick-slip torque CV critical', 'fraction'),
  [`${ME}packoff_spp_increase_threshold`]: L('Pack-off: SPP rise', 'fraction'), [`${ME}packoff_rop_decrease_threshold`]: L('Pack-off: ROP drop', 'fraction'),
  [`${ME}stick_slip_min_samples`]: L('Stick-slip: samples needed', 'samples'),
  [`${FO}wob_increase_min`]: L('Founder: WOB rise at least', 'fraction/s'), [`${FO}rop_response_min`]: L('Founder: ROP response at least', 'fraction/s'),
  [`${FO}severity_warning`]: L('Founder severity warning', '0-1'), [`${FO}severity_high`]: L('Founder severity high', '0-1'),
  [`${FO}min_samples`]: L('Founder: samples needed', 'samples'), [`${FO}quick_wob_delta_percent`]: L('Founder: quick WOB step', 'fraction'),
  [`${FO}min_wob_klbs`]: L('Founder: WOB at least', 'klbf'), [`${FO}debounce_packets`]: L('Founder: packets to confirm', 'packets'),
  [`${FM}dexp_decrease_warning`]: L('d-exponent drop warning', 'fraction'), [`${FM}mse_change_significant`]: L('Significant MSE change', 'fraction'),
  [`${FM}dxc_trend_threshold`]: L('dxc trend threshold', 'fraction'), [`${FM}dxc_pressure_threshold`]: L('dxc trend meaning pressure', 'fraction'),
  [`${FM}mse_pressure_tolerance`]: L('Steady MSE tolerance', 'fraction'),
  [`${RS}idle_rpm_max`]: L('Idle: rotation below', 'rpm'), [`${RS}circulation_flow_min`]: L('Circulating: flow above', 'gpm'),
  [`${RS}drilling_wob_min`]: L('Drilling: WOB above', 'klbf'), [`${RS}drilling_rop_min`]: L('Drilling: ROP above', 'ft/hr'),
  [`${RS}reaming_depth_offset`]: L('Reaming: bit above bottom by', 'ft'), [`${RS}trip_out_hook_load_min`]: L('Tripping out: hook load above', 'klbf'),
  [`${RS}trip_in_hook_load_max`]: L('Tripping in: hook load below', 'klbf'), [`${RS}tripping_flow_max`]: L('Tripping: flow below', 'gpm'),
  [`${OD}milling_torque_min`]: L('Milling: torque at least', 'kft-lbf'), [`${OD}milling_rop_max`]: L('Milling: ROP at most', 'ft/hr'),
  [`${OD}cement_drillout_wob_min`]: L('Cement drill-out: WOB at least', 'klbf'), [`${OD}cement_drillout_torque_min`]: L('Cement drill-out: torque at least', 'kft-lbf'),
  [`${OD}cement_drillout_rop_max`]: L('Cement drill-out: ROP at most', 'ft/hr'), [`${OD}no_rotation_rpm_max`]: L('Not rotating: below', 'rpm'),
  [`${OD}off_bottom_wob_max`]: L('Off bottom: WOB below', 'klbf'),
  [`${SV}flow_balance_confirmation_gpm`]: L('Confirm kick: flow balance', 'gpm'), [`${SV}flow_balance_critical_gpm`]: L('Confirm kick: critical flow balance', 'gpm'),
  [`${SV}pit_rate_confirmation_bbl_hr`]: L('Confirm kick: pit rate', 'bbl/hr'), [`${SV}pit_rate_critical_bbl_hr`]: L('Confirm kick: critical pit rate', 'bbl/hr'),
  [`${SV}flow_balance_transient_gpm`]: L('Transient flow balance (ignored)', 'gpm'), [`${SV}pit_rate_transient_bbl_hr`]: L('Transient pit rate (ignored)', 'bbl/hr'),
  [`${SV}spp_deviation_sustained_psi`]: L('Sustained SPP deviation', 'psi'), [`${SV}spp_deviation_normal_psi`]: L('Normal SPP deviation', 'psi'),
  [`${SV}trend_consistency_threshold`]: L('Trend consistency needed', 'R²'), [`${SV}formation_trend_consistency`]: L('Formation trend consistency needed', 'R²'),
  [`${SV}dxc_change_threshold`]: L('dxc change to confirm', ''),
  'baseline_learning.enabled': L('Learn the rig baseline'), 'baseline_learning.warning_sigma': L('Learned warning at', 'σ'),
  'baseline_learning.critical_sigma': L('Learned critical at', 'σ'), 'baseline_learning.min_samples_for_lock': L('Samples before locking', 'samples'),
  'baseline_learning.min_std_floor': L('Smallest spread used'), 'baseline_learning.max_outlier_percentage': L('Outliers allowed', 'fraction'),
  'baseline_learning.outlier_sigma_threshold': L('Outlier beyond', 'σ'),
  'advisory.repeat_after_s': L('An advised fault is advised again after', 's'),
  'advisory.well_control_repeat_after_s': L('A well-control fault is advised again after', 's'),
  'advisory.advice_repeat_after_s': L('Drilling-optimisation advice is repeated after', 's'), 'advisory.repeat_after_depth_ft': L('... or after drilling', 'ft'),
  'advisory.retry_after_rejected_s': L('A rejected check is retried after', 's'), 'advisory.episode_gap_s': L('A fault is over after it is gone for', 's'),
  'advisory.critical_cooldown_seconds': L('Repeat a critical after', 's'), 'advisory.default_cooldown_seconds': L('Old category cooldown (no effect)', 's'),
  'advisory.packet_cooldown': L('Old packet cooldown (no effect)', 'packets'), 'advisory.critical_packet_cooldown': L('Old critical packet cooldown (no effect)', 'packets'),
  'advisory.depth_cooldown_ft': L('Old depth cooldown (no effect)', 'ft'), 'advisory.critical_depth_cooldown_ft': L('Old critical depth cooldown (no effect)', 'ft'),
  'alarms.clear_after_s': L('An event clears after its condition is gone for', 's'),
  'alarms.well_control_clear_after_s': L('A well-control event clears after', 's'),
  'alarms.reopen_window_s': L('A fault back within this reopens its event', 's'),
  'alarms.max_shelve_s': L('Longest shelving of a nuisance event', 's'),
  'ensemble_weights.mse': L('Weight: drilling efficiency'), 'ensemble_weights.hydraulic': L('Weight: hydraulics'),
  'ensemble_weights.well_control': L('Weight: well control'), 'ensemble_weights.formation': L('Weight: formation'), 'ensemble_weights.stuck_pipe': L('Weight: stuck pipe'),
  'physics.formation_hardness_base_psi': L('Formation hardness base', 'psi'), 'physics.formation_hardness_multiplier': L('Formation hardness multiplier', 'psi'),
  'physics.kick_min_indicators': L('Kick: indicators needed'), 'physics.loss_min_indicators': L('Loss: indicators needed'),
  'physics.kick_gas_increase_threshold': L('Kick: gas rise over background', 'units'), 'physics.kick_flow_severity_divisor': L('Kick severity: flow scale', 'gpm'),
  'physics.kick_pit_severity_divisor': L('Kick severity: pit scale', 'bbl'), 'physics.kick_gas_severity_divisor': L('Kick severity: gas scale', 'units'),
  'physics.confidence_full_window': L('Samples for full confidence', 'samples'), 'physics.min_rop_for_mse': L('MSE only above ROP', 'ft/hr'),
  'physics.history_size': L('Trend history', 'samples'), 'physics.pit_rate_window_s': L('Pit rate window', 's'),
  'physics.pit_gain_window_s': L('Pit gain window', 's'), 'physics.flowback_settle_s': L('Flow-back settles after', 's'),
  'campaign.active': L('Active campaign'),
  [`${PR}mse_efficiency_warning`]: L('Production: MSE efficiency warning (below)', '%'), [`${PR}mse_efficiency_poor`]: L('Production: MSE efficiency poor (below)', '%'),
  [`${PR}flow_imbalance_warning`]: L('Production: flow imbalance warning', 'gpm'), [`${PR}flow_imbalance_critical`]: L('Production: flow imbalance critical', 'gpm'),
  [`${PR}pressure_test_tolerance`]: L('Production: pressure-test tolerance', 'psi'),
  [`${PR}weight_mse`]: L('Production weight: efficiency'), [`${PR}weight_hydraulic`]: L('Production weight: hydraulics'),
  [`${PR}weight_well_control`]: L('Production weight: well control'), [`${PR}weight_formation`]: L('Production weight: formation'), [`${PR}weight_stuck_pipe`]: L('Production weight: stuck pipe'),
  [`${PA}mse_efficiency_warning`]: L('P&A: MSE efficiency warning (below)', '%'), [`${PA}mse_efficiency_poor`]: L('P&A: MSE efficiency poor (below)', '%'),
  [`${PA}flow_imbalance_warning`]: L('P&A: flow imbalance warning', 'gpm'), [`${PA}flow_imbalance_critical`]: L('P&A: flow imbalance critical', 'gpm'),
  [`${PA}pressure_test_tolerance`]: L('P&A: pressure-test tolerance', 'psi'), [`${PA}cement_pressure_hold`]: L('P&A: cement pressure hold', 'psi'),
  [`${PA}barrier_pressure_margin`]: L('P&A: barrier pressure margin', 'psi'), [`${PA}cement_returns_expected`]: L('P&A: cement returns expected'),
  [`${PA}plug_depth_tolerance`]: L('P&A: plug depth tolerance', 'ft'),
  [`${PA}weight_mse`]: L('P&A weight: efficiency'), [`${PA}weight_hydraulic`]: L('P&A weight: hydraulics'),
  [`${PA}weight_well_control`]: L('P&A weight: well control'), [`${PA}weight_formation`]: L('P&A weight: formation'), [`${PA}weight_stuck_pipe`]: L('P&A weight: stuck pipe'),
  'llm.enabled': L('Use the AI explainer'), 'llm.model_path': L('Model file (empty = find one)'), 'llm.timeout_cpu_s': L('Answer time limit on CPU', 's'),
  'llm.timeout_gpu_s': L('Answer time limit on GPU', 's'), 'llm.max_tokens': L('Longest answer', 'tokens'), 'llm.temperature': L('Creativity (temperature)'),
  'llm.max_consecutive_failures': L('Failures before template-only'), 'llm.relevance_s': L('Drop a request older than', 's'),
  'server.host': L('Listen address'), 'server.port': L('Port'), 'server.token': L('Access token'), 'server.open_reads': L('Reads without the token'),
  'server.body_limit_bytes': L('Largest request', 'bytes'),
  'server.max_connections': L('Most open API connections', ''),
  'ml.enabled': L('Hourly optimal-parameter analysis on', ''),
  'ml.interval_s': L('Optimal parameters analysed every', 's'),
  'ml.window_s': L('Each analysis looks back over', 's'),
  'storage.metrics_retention_days': L('Keep 1-second trends for', 'days'), 'storage.metrics_flush_ms': L('Write trends every', 'ms'),
  'storage.rollup_1min_retention_days': L('Keep 1-minute trends for', 'days'), 'storage.rollup_10min_retention_days': L('Keep 10-minute trends for', 'days'),
  'storage.max_data_dir_mb': L('Largest data folder (oldest trends pruned first)', 'MB'),
  'health.check_interval_s': L('Self-check and repair every', 's'), 'health.disk_low_mb': L('Low disk: pause trend writes below', 'MB'),
  'health.integrity_check_interval_s': L('Database structure checked every', 's'), 'health.integrity_check_timeout_s': L('Structure check gives up after', 's'),
  'health.llm_retry_after_s': L('Retry the AI explainer after', 's'), 'health.feed_reconnect_max_s': L('Longest wait between feed reconnects', 's'),
  'logging.max_file_mb': L('Log file rotates at', 'MB'), 'logging.keep_files': L('Old log files kept', 'files'),
  'storage.kind': L('Record kept in (sqlite or postgres)'), 'storage.postgres_url': L('PostgreSQL database (secret)'),
  'knowledge.recall_enabled': L('Precedents from past events (recall)'), 'knowledge.recall_capacity': L('Past events kept for recall', 'events'),
  'fleet.queue_capacity': L('Events kept for the fleet hub', 'events'),
  'fleet.hub_url': L('Fleet hub address'), 'fleet.rig_id': L('This rig at the hub'), 'fleet.key': L('Fleet hub key (secret)'),
  'fleet.sync_interval_s': L('Download the fleet library every', 's'),
  'reports.shift_start_hours': L('Shift changes at (hours, e.g. [6, 18])'), 'reports.auto_write': L('Write each shift report by itself'),
  'reports.units': L('Units of the automatic report'), 'reports.font_file': L('Report font file (empty = DejaVu Sans)'),
};

const prefixed = (p: string) => Object.keys(KEY_LABELS).filter((k) => k.startsWith(p));

/** Groups in the order a rig hand looks for them: alarm limits first. */
export const CONFIG_GROUPS: readonly ConfigGroup[] = [
  // The trip sheet is well control with the pumps off: its limits sit with the kick and loss ones.
  { id: 'kick', title: 'Kick, loss, gas & trip sheet', purpose: 'When flow, pit and gas readings warn and go critical; with the pumps off, the trip tank against the steel the pipe moves, and the pits (transfers left out).', keys: [...prefixed(WC), ...prefixed('trip.')] },
  { id: 'pressure', title: 'Pressure & ECD', purpose: 'Mud weight, fracture gradient, ECD margin and SPP deviation.', keys: prefixed(HY) },
  { id: 'string', title: 'Torque, stick-slip & pack-off', purpose: 'Drill-string warnings.', keys: [...prefixed(ME), ...prefixed(FO)] },
  { id: 'efficiency', title: 'Drilling efficiency, formation & optimum', purpose: 'MSE efficiency, d-exponent / dxc trends, and the hourly search for the best WOB, RPM and flow (ML).', keys: ['thresholds.mse.efficiency_optimal_percent', 'thresholds.mse.efficiency_warning_percent', 'thresholds.mse.efficiency_poor_percent', ...prefixed(FM), ...prefixed('ml.')] },
  { id: 'campaign-production', title: 'Production campaign', purpose: 'Limits and specialist weights while drilling for production.', keys: prefixed(PR) },
  { id: 'campaign-pa', title: 'Plug & Abandonment campaign', purpose: 'Tighter limits, cement and barrier checks, weights during P&A.', keys: prefixed(PA) },
  { id: 'verification', title: 'Verification', purpose: 'What the physics check needs before an advisory is confirmed.', keys: [...prefixed(SV), ...prefixed('physics.kick_'), 'physics.loss_min_indicators'] },
  { id: 'rig-state', title: 'Rig state & operation', purpose: 'How drilling, tripping, circulating, milling and cement drill-out are recognised.', keys: [...prefixed(RS), ...prefixed(OD)] },
  { id: 'timing', title: 'Advisory timing & alarm events', purpose: 'How soon an advisory may repeat; when an alarm event clears, reopens, or may be shelved.', keys: [...prefixed('advisory.'), ...prefixed('alarms.')] },
  { id: 'baseline', title: 'Learned baseline', purpose: 'Learning this rig\'s normal and the limits drawn from it.', keys: prefixed('baseline_learning.') },
  { id: 'physics', title: 'Physics & windows', purpose: 'Calculation windows and constants.', keys: [...prefixed('physics.').filter((k) => !k.startsWith('physics.kick_') && k !== 'physics.loss_min_indicators'), 'ensemble_weights.mse', 'ensemble_weights.hydraulic', 'ensemble_weights.well_control', 'ensemble_weights.formation', 'ensemble_weights.stuck_pipe'] },
  { id: 'well', title: 'Well & data feed', purpose: 'Names, bit size and how the WITS feed is read.', keys: [...prefixed('well.'), ...prefixed('acquisition.')] },
  { id: 'precedents', title: 'Precedents & fleet', purpose: 'Past events recalled as precedents, the fleet hub link, and events kept for the hub.', keys: [...prefixed('knowledge.'), ...prefixed('fleet.')] },
  { id: 'system', title: 'AI explainer, server, storage, self-checks & shift reports', purpose: 'The local model, the network API, where the record and trends are kept, the self-healer and the log, and when shifts change (a report is written at each).', keys: [...prefixed('llm.'), ...prefixed('server.'), ...prefixed('storage.'), ...prefixed('health.'), ...prefixed('logging.'), ...prefixed('reports.')] },
];

/** Keys shown elsewhere (the Campaign panel switches the active campaign). */
export const HIDDEN_KEYS: ReadonlySet<string> = new Set(['campaign.active']);

function humanize(key: string): string {
  const last = key.split('.').pop() ?? key;
  const s = last.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function labelOf(key: string): KeyLabel {
  return KEY_LABELS[key] ?? { label: humanize(key), unit: '' };
}

/** The group a key is shown in. */
export function groupOfKey(key: string): string {
  return CONFIG_GROUPS.find((g) => g.keys.includes(key))?.id ?? 'other';
}
