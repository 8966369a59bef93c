// The well configuration (well_config.toml). Keys mirror the TOML file one-to-one (snake_case)
// so an error can name the exact key a user typed. Every key is optional; defaults are the
// reference values in DOMAIN.md §11. Cross-field rules live in src-main/config/validate.ts.
import { z } from 'zod';
import { personText, plainText } from './text.js';

/**
 * A number within its physical range, in its unit. Out of range is an error naming the range,
 * e.g. "must be within 1 to 100 gpm (got -3)". Safety-relevant limits (feed timeout, well-control
 * thresholds, cooldowns) have hard maximums here that no configuration can exceed.
 */
const range = (d: number, min: number, max: number, unit: string) =>
  z
    .number()
    .refine((v) => Number.isFinite(v) && v >= min && v <= max, { error: (iss) => `must be within ${min} to ${max} ${unit} (got ${String(iss.input)})` })
    .default(d);
/** A whole number within its range (sample counts, packets). */
const count = (d: number, min: number, max: number, unit: string) =>
  z
    .number()
    .refine((v) => Number.isInteger(v) && v >= min && v <= max, { error: (iss) => `must be a whole number within ${min} to ${max} ${unit} (got ${String(iss.input)})` })
    .default(d);
const fraction = (d: number, min = 0, max = 1) => range(d, min, max, '(fraction)');
const percent = (d: number, min = 0) => range(d, min, 100, '%');
const weight = (d: number) => range(d, 0, 1, '(weight)');
/** Like range(), but unset means "not overridden" (campaign keys over the global thresholds). */
const optionalRange = (min: number, max: number, unit: string) =>
  z
    .number()
    .refine((v) => Number.isFinite(v) && v >= min && v <= max, { error: (iss) => `must be within ${min} to ${max} ${unit} (got ${String(iss.input)})` })
    .optional();
const section = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict().prefault({} as never);

export const WellConfigSchema = z
  .object({
    well: section({
      name: personText(120).default('DEFAULT'),
      field: personText(120).default('DEFAULT'),
      rig: personText(120).default('RIG'),
      operator: personText(120).default(''),
      bit_diameter_inches: range(8.5, 2, 36, 'in'),
      /** Bit per hole section, by depth; a packet's own bit diameter wins, then this, then bit_diameter_inches. */
      bit_program: z
        .array(z.object({ from_depth_ft: z.number().finite(), to_depth_ft: z.number().finite(), diameter_in: z.number().finite() }).strict())
        .default([]),
    }),
    acquisition: section({
      /** Channel map preset: the public WITS Record 01 layout or the reference system's. */
      channel_map: z.enum(['wits-record01', 'reference']).default('wits-record01'),
      /** Per-item overrides, e.g. { "0150" = "ecdPpg" }. */
      channel_overrides: z.record(z.string().regex(/^\d{4}$/), z.string().max(64)).default({}),
      units: z.enum(['imperial', 'metric']).default('imperial'),
      /**
       * A WITS packet's time: "receive" = when it arrived (DOMAIN §1.1); "frame" = the frame's own
       * Record 01 Date (0105, YYMMDD) and Time (0106, HHMMSS) items read as UTC, the receive time
       * for a frame without them (never with the reference map, where 0105 is block position).
       */
      packet_time: z.enum(['receive', 'frame']).default('receive'),
      /** Extra values that mean "no reading" besides -999.25 and -9999. */
      null_values: z.array(z.number().finite()).max(16).default([]),
      /** Seconds without a packet before the feed is reported offline (hard maximum: 5 min). */
      feed_timeout_s: range(30, 2, 300, 's'),
      /** Address a listen source binds ("0.0.0.0" = every interface; senders are still checked). */
      listen_host: z.union([z.ipv4(), z.ipv6()]).default('0.0.0.0'),
      /** Sender addresses besides loopback that may push WITS to a listen source: the rig's logger. */
      listen_allow: z.array(z.union([z.ipv4(), z.ipv6()])).max(16).default([]),
      /** Sockets a listen source holds open at most; more are closed on arrival. */
      listen_max_connections: count(8, 2, 64, 'connections'),
      /** Channels not fitted on this rig (channel names, checked against the channel list): null at ingest, whatever the feed sends for them. */
      absent_channels: z.array(z.string().max(64)).max(64).default([]),
      /** Seconds of pumping/drilling a channel must read exactly 0 (or one value) from the start before it is taken as not fitted. */
      absent_after_s: range(600, 60, 7200, 's'),
    }),
    thresholds: section({
      well_control: section({
        flow_imbalance_warning_gpm: range(10, 1, 100, 'gpm'),
        flow_imbalance_critical_gpm: range(20, 1, 200, 'gpm'),
        pit_gain_warning_bbl: range(5, 0.5, 25, 'bbl'),
        pit_gain_critical_bbl: range(10, 0.5, 50, 'bbl'),
        pit_rate_warning_bbl_hr: range(5, 0.5, 60, 'bbl/hr'),
        pit_rate_critical_bbl_hr: range(15, 0.5, 120, 'bbl/hr'),
        gas_units_warning: range(100, 1, 5000, 'gas units'),
        gas_units_critical: range(500, 1, 10000, 'gas units'),
        h2s_warning_ppm: range(10, 1, 20, 'ppm'),
        h2s_critical_ppm: range(20, 1, 50, 'ppm'),
      }),
      mse: section({
        efficiency_optimal_percent: percent(85, 1),
        efficiency_warning_percent: percent(70, 1),
        efficiency_poor_percent: percent(50),
      }),
      hydraulics: section({
        normal_mud_weight_ppg: range(8.6, 5, 25, 'ppg'),
        fracture_gradient_ppg: range(14, 5, 30, 'ppg'),
        ecd_margin_warning_ppg: range(0.3, 0.01, 2, 'ppg'),
        ecd_margin_critical_ppg: range(0.1, 0, 1, 'ppg'),
        spp_deviation_warning_psi: range(100, 10, 2000, 'psi'),
        spp_deviation_critical_psi: range(200, 10, 3000, 'psi'),
        annular_pressure_loss_coefficient: range(0.1, 0, 1, '(coefficient)'),
      }),
      mechanical: section({
        torque_increase_warning: fraction(0.15, 0.01),
        torque_increase_critical: fraction(0.25, 0.01, 2),
        stick_slip_cv_warning: fraction(0.1, 0.01, 2),
        stick_slip_cv_critical: fraction(0.2, 0.01, 3),
        packoff_spp_increase_threshold: fraction(0.1, 0.01),
        packoff_rop_decrease_threshold: fraction(0.2, 0.01),
        /** On-bottom torque samples (1 Hz) before stick-slip is judged (the detrended oscillation needs ~20 s). */
        stick_slip_min_samples: count(20, 10, 600, 'samples'),
      }),
      founder: section({
        wob_increase_min: fraction(0.02),
        rop_response_min: fraction(0.01),
        severity_warning: fraction(0.3),
        severity_high: fraction(0.7),
        min_samples: count(5, 2, 600, 'samples'),
        quick_wob_delta_percent: fraction(0.05),
        min_wob_klbs: range(3, 0, 100, 'klbf'),
        debounce_packets: count(3, 1, 100, 'packets'),
      }),
      formation: section({
        dexp_decrease_warning: fraction(-0.15, -1, 0),
        mse_change_significant: fraction(0.2, 0, 5),
        dxc_trend_threshold: fraction(0.05, -1, 1),
        dxc_pressure_threshold: fraction(-0.05, -1, 1),
        mse_pressure_tolerance: fraction(0.1),
      }),
      rig_state: section({
        idle_rpm_max: range(5, 0, 60, 'rpm'),
        circulation_flow_min: range(50, 0, 500, 'gpm'),
        drilling_wob_min: range(1, 0, 50, 'klbf'),
        drilling_rop_min: range(2, 0, 100, 'ft/hr'),
        reaming_depth_offset: range(5, 0, 500, 'ft'),
        trip_out_hook_load_min: range(200, 0, 2000, 'klbf'),
        trip_in_hook_load_max: range(50, 0, 2000, 'klbf'),
        tripping_flow_max: range(100, 0, 1000, 'gpm'),
      }),
      operation_detection: section({
        milling_torque_min: range(15, 0, 100, 'kft-lbf'),
        milling_rop_max: range(5, 0, 200, 'ft/hr'),
        cement_drillout_wob_min: range(15, 0, 100, 'klbf'),
        cement_drillout_torque_min: range(12, 0, 100, 'kft-lbf'),
        cement_drillout_rop_max: range(20, 0, 500, 'ft/hr'),
        no_rotation_rpm_max: range(10, 0, 60, 'rpm'),
        off_bottom_wob_max: range(5, 0, 100, 'klbf'),
      }),
      strategic_verification: section({
        flow_balance_confirmation_gpm: range(15, 1, 200, 'gpm'),
        flow_balance_critical_gpm: range(20, 1, 200, 'gpm'),
        pit_rate_confirmation_bbl_hr: range(10, 0.5, 120, 'bbl/hr'),
        pit_rate_critical_bbl_hr: range(15, 0.5, 120, 'bbl/hr'),
        flow_balance_transient_gpm: range(5, 0, 100, 'gpm'),
        pit_rate_transient_bbl_hr: range(3, 0, 60, 'bbl/hr'),
        spp_deviation_sustained_psi: range(150, 10, 3000, 'psi'),
        spp_deviation_normal_psi: range(50, 0, 2000, 'psi'),
        trend_consistency_threshold: fraction(0.5),
        formation_trend_consistency: fraction(0.6),
        dxc_change_threshold: fraction(0.1, 0, 2),
      }),
    }),
    baseline_learning: section({
      enabled: z.boolean().default(true),
      warning_sigma: range(3, 0.5, 10, 'sigma'),
      critical_sigma: range(5, 1, 20, 'sigma'),
      min_samples_for_lock: count(100, 10, 100_000, 'samples'),
      min_std_floor: range(0.001, 1e-9, 1000, '(channel units)'),
      max_outlier_percentage: fraction(0.05),
      outlier_sigma_threshold: range(3, 0.5, 20, 'sigma'),
    }),
    advisory: section({
      /** An advised fault is ticketed again after this many seconds (its event's numbers refresh). */
      repeat_after_s: range(600, 60, 3600, 's'),
      /** A well-control fault (kick, loss...) refreshes sooner: the event's numbers are what the crew acts on. */
      well_control_repeat_after_s: range(60, 10, 3600, 's'),
      /** Optimisation advice (efficiency, founder, torque rise, new rock) is repeated at most this often. */
      advice_repeat_after_s: range(1800, 300, 14400, 's'),
      /** ... or after this much new hole, ft. */
      repeat_after_depth_ft: range(100, 10, 2000, 'ft'),
      /** A ticket the physics check rejected is retried after this many seconds. */
      retry_after_rejected_s: range(60, 5, 900, 's'),
      /** Seconds without the detection that end a fault's episode. */
      episode_gap_s: range(120, 10, 1800, 's'),
      // Hard maximums: a longer cooldown would silence a returning critical advisory.
      critical_cooldown_seconds: range(30, 0, 600, 's'),
      default_cooldown_seconds: range(60, 0, 3600, 's'),
      packet_cooldown: count(50, 0, 3600, 'packets'),
      critical_packet_cooldown: count(20, 0, 600, 'packets'),
      depth_cooldown_ft: range(50, 0, 1000, 'ft'),
      critical_depth_cooldown_ft: range(10, 0, 200, 'ft'),
    }),
    /** Alarm events (ISA-18.2 states, EEMUA 191 rates). */
    alarms: section({
      /** Seconds a condition must be absent (while the detectors can judge it) before its event clears. */
      clear_after_s: range(120, 10, 3600, 's'),
      /** The same for well-control events, seconds. */
      well_control_clear_after_s: range(300, 30, 3600, 's'),
      /** A fault returning within this many seconds of clearing reopens its event (and sounds again). */
      reopen_window_s: range(600, 0, 7200, 's'),
      /** Longest a supervisor may shelve a nuisance event, seconds. */
      max_shelve_s: range(28_800, 60, 43_200, 's'),
    }),
    ensemble_weights: section({
      mse: weight(0.2),
      hydraulic: weight(0.2),
      well_control: weight(0.3),
      formation: weight(0.15),
      stuck_pipe: weight(0.15),
    }),
    physics: section({
      formation_hardness_base_psi: range(5000, 0, 100_000, 'psi'),
      formation_hardness_multiplier: range(8000, 1, 100_000, 'psi'),
      kick_min_indicators: count(2, 1, 4, 'indicators'),
      loss_min_indicators: count(2, 1, 4, 'indicators'),
      kick_gas_increase_threshold: range(50, 1, 5000, 'gas units'),
      kick_flow_severity_divisor: range(50, 1, 1000, 'gpm'),
      kick_pit_severity_divisor: range(20, 1, 1000, 'bbl'),
      kick_gas_severity_divisor: range(500, 1, 10_000, 'gas units'),
      confidence_full_window: count(60, 1, 3600, 'packets'),
      min_rop_for_mse: range(0.1, 0.01, 100, 'ft/hr'),
      history_size: count(60, 10, 3600, 'packets'),
      pit_rate_window_s: range(40, 20, 900, 's'),
      pit_gain_window_s: range(600, 20, 3600, 's'),
      flowback_settle_s: range(120, 10, 1800, 's'),
    }),
    /** Trip monitoring (the automated trip sheet) and the pit watch with the pumps off. */
    trip: section({
      /** Pipe outside diameter, in (the string being tripped). */
      pipe_od_in: range(5, 1, 20, 'in'),
      /** Pipe inside diameter, in. */
      pipe_id_in: range(4.276, 0, 19, 'in'),
      /** Pipe pulled wet / run closed-end: the mud inside moves with it (closed-end displacement). */
      pipe_closed_end: z.boolean().default(false),
      /** Trip tank: unexplained gain (more back, or less fill, than the pipe displaces) that warns, bbl. */
      gain_warning_bbl: range(1.5, 0.1, 50, 'bbl'),
      gain_critical_bbl: range(4, 0.1, 100, 'bbl'),
      /** Trip tank: unexplained loss (the hole takes more than the pipe displaces) that warns, bbl. */
      loss_warning_bbl: range(2, 0.1, 50, 'bbl'),
      loss_critical_bbl: range(5, 0.1, 100, 'bbl'),
      /** Gains and losses add up over this window, s. */
      window_s: range(900, 120, 7200, 's'),
      /** A tank moving faster than this with nothing else explaining it is a transfer, not the well, bbl/min. */
      transfer_rate_bbl_min: range(5, 1, 100, 'bbl/min'),
    }),
    campaign: section({
      active: z.enum(['production', 'plug_abandonment']).default('production'),
      /** Unset = the global thresholds apply (thresholds.mse, thresholds.well_control). */
      production: section({
        mse_efficiency_warning: optionalRange(1, 100, '%'),
        mse_efficiency_poor: optionalRange(0, 100, '%'),
        flow_imbalance_warning: optionalRange(1, 100, 'gpm'),
        flow_imbalance_critical: optionalRange(1, 200, 'gpm'),
        pressure_test_tolerance: range(50, 1, 1000, 'psi'),
        weight_mse: weight(0.2),
        weight_hydraulic: weight(0.2),
        weight_well_control: weight(0.3),
        weight_formation: weight(0.15),
        weight_stuck_pipe: weight(0.15),
      }),
      /** P&A's tighter tolerances (DOMAIN §8) override the global thresholds while P&A is active. */
      plug_abandonment: section({
        mse_efficiency_warning: percent(50, 1),
        mse_efficiency_poor: percent(30),
        flow_imbalance_warning: range(5, 1, 100, 'gpm'),
        flow_imbalance_critical: range(15, 1, 200, 'gpm'),
        pressure_test_tolerance: range(25, 1, 1000, 'psi'),
        /** Optional: well-control events clear after this many seconds in P&A (unset: alarms.well_control_clear_after_s). */
        alarm_well_control_clear_after_s: optionalRange(30, 3600, 's'),
        cement_pressure_hold: range(500, 0, 10_000, 'psi'),
        barrier_pressure_margin: range(100, 0, 5000, 'psi'),
        cement_returns_expected: z.boolean().default(true),
        plug_depth_tolerance: range(5, 0, 500, 'ft'),
        weight_mse: weight(0.1),
        weight_hydraulic: weight(0.3),
        weight_well_control: weight(0.4),
        weight_formation: weight(0.1),
        weight_stuck_pipe: weight(0.1),
      }),
    }),
    llm: section({
      enabled: z.boolean().default(true),
      /** Path to a GGUF file; empty = look in resources/models. */
      model_path: plainText().max(4096).default(''),
      timeout_cpu_s: range(60, 1, 600, 's'),
      timeout_gpu_s: range(15, 1, 300, 's'),
      max_tokens: count(320, 16, 4096, 'tokens'),
      temperature: range(0.3, 0, 2, '(sampling temperature)'),
      max_consecutive_failures: count(3, 1, 100, 'failures'),
      /** Drop a queued request once its advisory is older than this. */
      relevance_s: range(300, 10, 3600, 's'),
    }),
    server: section({
      host: plainText().max(255).default('127.0.0.1'),
      port: count(8080, 0, 65535, '(TCP port)'),
      /** Required for POST when bound to anything but loopback. */
      token: plainText().max(256).default(''),
      /** When bound off loopback, whether GETs work without the token. */
      open_reads: z.boolean().default(false),
      body_limit_bytes: count(65536, 1024, 10_485_760, 'bytes'),
      /** Open connections at most (HTTP and WebSocket); more are closed on arrival. */
      max_connections: count(256, 8, 4096, 'connections'),
    }),
    knowledge: section({
      /** Precedents by RAM recall of past episodes (this rig's and the fleet's); false = the static knowledge base. */
      recall_enabled: z.boolean().default(true),
      /** Episodes held for recall; past it the oldest non-critical go. Applied at start. */
      recall_capacity: count(10_000, 100, 100_000, 'episodes'),
    }),
    storage: section({
      /** The raw 1 Hz tier (one row per channel per packet, about 2 MB per hour). */
      metrics_retention_days: range(90, 1, 3650, 'days'),
      /** The 1-minute rollups (the trends over days). */
      rollup_1min_retention_days: range(365, 1, 3650, 'days'),
      /** The 10-minute rollups (the well's whole history). */
      rollup_10min_retention_days: range(3650, 1, 36_500, 'days'),
      /** The data directory stays under this: the oldest raw metrics are pruned first. */
      max_data_dir_mb: range(8192, 64, 10_000_000, 'MB'),
      metrics_flush_ms: count(1000, 100, 60_000, 'ms'),
      /** Where the engine's record lives: the SQLite file (default) or a PostgreSQL database for SQL reporting. */
      kind: z.enum(['sqlite', 'postgres']).default('sqlite'),
      /** Secret (never shown by the API or audit): postgres://user:password@host:5432/db, used when kind = "postgres". */
      postgres_url: z
        .string()
        .max(1000)
        .refine((s) => s === '' || /^postgres(ql)?:\/\/\S+$/.test(s), 'a postgres:// URL, or empty')
        .default(''),
    }),
    fleet: section({
      /** The fleet hub, e.g. https://hub.example.com; empty = no fleet (everything stays on the rig). */
      hub_url: z
        .string()
        .max(500)
        .refine((s) => s === '' || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(s), 'an http:// or https:// URL, or empty')
        .default(''),
      /** This rig's id at the hub (letters, digits, dot, dash, underscore). */
      rig_id: z
        .string()
        .max(120)
        .refine((s) => s === '' || /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s), 'letters, digits, dot, dash, underscore')
        .default(''),
      /** Secret: the rig's hub key, shown once by the hub at registration. */
      key: z.string().max(512).default(''),
      /** Seconds between library downloads (up to 30 min of jitter is added). */
      sync_interval_s: count(21_600, 600, 604_800, 's'),
      /** Confirmed AMBER/RED events kept on disk for the fleet hub. Applied at start. */
      queue_capacity: count(1000, 10, 100_000, 'events'),
    }),
    health: section({
      /** The self-healer's pass: every check, and a heal for what is down. */
      check_interval_s: range(30, 1, 600, 's'),
      /** Below this free space non-critical writes stop (raw metrics, tickets, routine log lines); degraded below twice it. */
      disk_low_mb: range(500, 1, 1_000_000, 'MB'),
      /** How often the database's structure is checked (PRAGMA quick_check, in a worker thread). */
      integrity_check_interval_s: range(21_600, 60, 604_800, 's'),
      /** A check that runs longer is abandoned (said in health, not counted as damage). */
      integrity_check_timeout_s: range(60, 1, 3600, 's'),
      /** The LLM, switched to templates after failures, is re-probed after this (doubling to 8 times it). */
      llm_retry_after_s: range(600, 10, 86_400, 's'),
      /** Longest wait between the self-healer's reconnects of a silent feed (it doubles up to this). */
      feed_reconnect_max_s: range(300, 5, 3600, 's'),
    }),
    logging: section({
      /** logs/sairen.log in the data directory rotates at this size. */
      max_file_mb: range(10, 1, 1000, 'MB'),
      /** Rotated files kept (sairen.log.1 ...); the oldest goes. */
      keep_files: count(5, 1, 100, 'files'),
    }),
    ml: section({
      /** Hourly optimal-parameter analysis (DOMAIN §10). */
      enabled: z.boolean().default(true),
      /** Data-time seconds between scheduled runs. */
      interval_s: range(3600, 300, 86_400, 's'),
      /** Data-time seconds looked back over (at most 7200 packets are analysed). */
      window_s: range(7200, 600, 14_400, 's'),
    }),
    reports: section({
      /** Local hours (0-23) at which a shift starts; the report of the shift that ended is written then. */
      shift_start_hours: z.array(z.number().int().min(0).max(23)).min(1).max(24).default([6, 18]),
      /** Write the shift report into <data dir>/reports at each shift change. */
      auto_write: z.boolean().default(true),
      /** Units of the automatic report (an export asks for its own). */
      units: z.enum(['imperial', 'metric']).default('imperial'),
      /** A TrueType font with the letters the reports need; empty = DejaVu Sans where installed. */
      font_file: z.string().default(''),
    }),
  })
  .strict();

export type WellConfig = z.output<typeof WellConfigSchema>;

/**
 * Keys whose values never leave the engine: GET /config, the Bridge's getConfig, audit entries
 * of config changes and logs show REDACTED_SECRET instead. Add any future secret here.
 */
export const SECRET_CONFIG_KEYS: readonly string[] = ['server.token', 'fleet.key', 'storage.postgres_url'];

/** How a set secret reads outside the engine. Sent back unchanged it means "keep the secret". */
export const REDACTED_SECRET = '(hidden)';

export const isSecretConfigKey = (dottedKey: string): boolean => SECRET_CONFIG_KEYS.includes(dottedKey);

/** A secret's value as it may be shown: REDACTED_SECRET when set, '' when not. */
export const redactedValue = (value: unknown): unknown => (value === '' || value === undefined || value === null ? value : REDACTED_SECRET);

function leafOf(obj: unknown, parts: string[]): { parent: Record<string, unknown>; key: string } | null {
  let node = obj;
  for (const p of parts.slice(0, -1)) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
    node = (node as Record<string, unknown>)[p];
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
  const key = parts[parts.length - 1];
  return Object.prototype.hasOwnProperty.call(node, key) ? { parent: node as Record<string, unknown>, key } : null;
}

/** A copy of the configuration safe to hand out: every secret replaced by REDACTED_SECRET. */
export function redactConfig(config: WellConfig): WellConfig {
  const copy = structuredClone(config);
  for (const k of SECRET_CONFIG_KEYS) {
    const leaf = leafOf(copy, k.split('.'));
    if (leaf) leaf.parent[leaf.key] = redactedValue(leaf.parent[leaf.key]);
  }
  return copy;
}

/**
 * A config update with every secret that still reads REDACTED_SECRET taken out: a form that
 * echoes what getConfig gave it must not overwrite the real secret with the placeholder.
 */
export function dropRedactedSecrets(update: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(update);
  for (const k of SECRET_CONFIG_KEYS) {
    const leaf = leafOf(copy, k.split('.'));
    if (leaf && leaf.parent[leaf.key] === REDACTED_SECRET) delete leaf.parent[leaf.key];
  }
  return copy;
}
export type WellConfigInput = z.input<typeof WellConfigSchema>;

export function defaultConfig(): WellConfig {
  return WellConfigSchema.parse({});
}

/** A validation problem, naming the key and the rule. */
export interface ConfigIssue {
  key: string;
  message: string;
}

export interface ConfigValidation {
  ok: boolean;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}
