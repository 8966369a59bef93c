// The well configuration (well_config.toml). Keys mirror the TOML file one-to-one (snake_case)
// so an error can name the exact key a user typed. Every key is optional; defaults are the
// reference values in DOMAIN.md §11. Cross-field rules live in src-main/config/validate.ts.
import { z } from 'zod';

const num = (d: number) => z.number().finite().default(d);
const optNum = z.number().finite().optional();
const section = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict().prefault({} as never);

export const WellConfigSchema = z
  .object({
    well: section({
      name: z.string().default('DEFAULT'),
      field: z.string().default('DEFAULT'),
      rig: z.string().default('RIG'),
      operator: z.string().default(''),
      bit_diameter_inches: num(8.5),
      /** Bit per hole section, by depth; a packet's own bit diameter wins, then this, then bit_diameter_inches. */
      bit_program: z
        .array(z.object({ from_depth_ft: z.number().finite(), to_depth_ft: z.number().finite(), diameter_in: z.number().finite() }).strict())
        .default([]),
    }),
    acquisition: section({
      /** Channel map preset: the public WITS Record 01 layout or the reference system's. */
      channel_map: z.enum(['wits-record01', 'reference']).default('wits-record01'),
      /** Per-item overrides, e.g. { "0150" = "ecdPpg" }. */
      channel_overrides: z.record(z.string().regex(/^\d{4}$/), z.string()).default({}),
      units: z.enum(['imperial', 'metric']).default('imperial'),
      /** Extra values that mean "no reading" besides -999.25 and -9999. */
      null_values: z.array(z.number()).default([]),
      /** Seconds without a packet before the feed is reported offline. */
      feed_timeout_s: num(30),
      /** Channels not fitted on this rig (channel names): null at ingest, whatever the feed sends for them. */
      absent_channels: z.array(z.string()).default([]),
      /** Seconds of pumping/drilling a channel must read exactly 0 (or one value) from the start before it is taken as not fitted. */
      absent_after_s: num(600),
    }),
    thresholds: section({
      well_control: section({
        flow_imbalance_warning_gpm: num(10),
        flow_imbalance_critical_gpm: num(20),
        pit_gain_warning_bbl: num(5),
        pit_gain_critical_bbl: num(10),
        pit_rate_warning_bbl_hr: num(5),
        pit_rate_critical_bbl_hr: num(15),
        gas_units_warning: num(100),
        gas_units_critical: num(500),
        h2s_warning_ppm: num(10),
        h2s_critical_ppm: num(20),
      }),
      mse: section({
        efficiency_optimal_percent: num(85),
        efficiency_warning_percent: num(70),
        efficiency_poor_percent: num(50),
      }),
      hydraulics: section({
        normal_mud_weight_ppg: num(8.6),
        fracture_gradient_ppg: num(14),
        ecd_margin_warning_ppg: num(0.3),
        ecd_margin_critical_ppg: num(0.1),
        spp_deviation_warning_psi: num(100),
        spp_deviation_critical_psi: num(200),
        annular_pressure_loss_coefficient: num(0.1),
      }),
      mechanical: section({
        torque_increase_warning: num(0.15),
        torque_increase_critical: num(0.25),
        stick_slip_cv_warning: num(0.15),
        stick_slip_cv_critical: num(0.25),
        packoff_spp_increase_threshold: num(0.1),
        packoff_rop_decrease_threshold: num(0.2),
        stick_slip_min_samples: num(5),
      }),
      founder: section({
        wob_increase_min: num(0.02),
        rop_response_min: num(0.01),
        severity_warning: num(0.3),
        severity_high: num(0.7),
        min_samples: num(5),
        quick_wob_delta_percent: num(0.05),
        min_wob_klbs: num(3),
        debounce_packets: num(3),
      }),
      formation: section({
        dexp_decrease_warning: num(-0.15),
        mse_change_significant: num(0.2),
        dxc_trend_threshold: num(0.05),
        dxc_pressure_threshold: num(-0.05),
        mse_pressure_tolerance: num(0.1),
      }),
      rig_state: section({
        idle_rpm_max: num(5),
        circulation_flow_min: num(50),
        drilling_wob_min: num(1),
        drilling_rop_min: num(2),
        reaming_depth_offset: num(5),
        trip_out_hook_load_min: num(200),
        trip_in_hook_load_max: num(50),
        tripping_flow_max: num(100),
      }),
      operation_detection: section({
        milling_torque_min: num(15),
        milling_rop_max: num(5),
        cement_drillout_wob_min: num(15),
        cement_drillout_torque_min: num(12),
        cement_drillout_rop_max: num(20),
        no_rotation_rpm_max: num(10),
        off_bottom_wob_max: num(5),
      }),
      strategic_verification: section({
        flow_balance_confirmation_gpm: num(15),
        flow_balance_critical_gpm: num(20),
        pit_rate_confirmation_bbl_hr: num(10),
        pit_rate_critical_bbl_hr: num(15),
        flow_balance_transient_gpm: num(5),
        pit_rate_transient_bbl_hr: num(3),
        spp_deviation_sustained_psi: num(150),
        spp_deviation_normal_psi: num(50),
        trend_consistency_threshold: num(0.5),
        formation_trend_consistency: num(0.6),
        dxc_change_threshold: num(0.1),
      }),
    }),
    baseline_learning: section({
      enabled: z.boolean().default(true),
      warning_sigma: num(3),
      critical_sigma: num(5),
      min_samples_for_lock: num(100),
      min_std_floor: num(0.001),
      max_outlier_percentage: num(0.05),
      outlier_sigma_threshold: num(3),
    }),
    advisory: section({
      critical_cooldown_seconds: num(30),
      default_cooldown_seconds: num(60),
      packet_cooldown: num(50),
      critical_packet_cooldown: num(20),
      depth_cooldown_ft: num(50),
      critical_depth_cooldown_ft: num(10),
    }),
    /** Alarm events (ISA-18.2 states, EEMUA 191 rates). */
    alarms: section({
      /** Seconds a condition must be absent (while the detectors can judge it) before its event clears. */
      clear_after_s: num(120),
      /** The same for well-control events, seconds. */
      well_control_clear_after_s: num(300),
      /** A fault returning within this many seconds of clearing reopens its event (and sounds again). */
      reopen_window_s: num(600),
      /** Longest a supervisor may shelve a nuisance event, seconds. */
      max_shelve_s: num(28_800),
    }),
    ensemble_weights: section({
      mse: num(0.2),
      hydraulic: num(0.2),
      well_control: num(0.3),
      formation: num(0.15),
      stuck_pipe: num(0.15),
    }),
    physics: section({
      formation_hardness_base_psi: num(5000),
      formation_hardness_multiplier: num(8000),
      kick_min_indicators: num(2),
      loss_min_indicators: num(2),
      kick_gas_increase_threshold: num(50),
      kick_flow_severity_divisor: num(50),
      kick_pit_severity_divisor: num(20),
      kick_gas_severity_divisor: num(500),
      confidence_full_window: num(60),
      min_rop_for_mse: num(0.1),
      history_size: num(60),
      pit_rate_window_s: num(90),
      pit_gain_window_s: num(600),
      flowback_settle_s: num(120),
    }),
    /** Trip monitoring (the automated trip sheet) and the pit watch with the pumps off. */
    trip: section({
      /** Pipe outside diameter, in (the string being tripped). */
      pipe_od_in: num(5),
      /** Pipe inside diameter, in. */
      pipe_id_in: num(4.276),
      /** Pipe pulled wet / run closed-end: the mud inside moves with it (closed-end displacement). */
      pipe_closed_end: z.boolean().default(false),
      /** Trip tank: unexplained gain (more back, or less fill, than the pipe displaces) that warns, bbl. */
      gain_warning_bbl: num(1.5),
      gain_critical_bbl: num(4),
      /** Trip tank: unexplained loss (the hole takes more than the pipe displaces) that warns, bbl. */
      loss_warning_bbl: num(2),
      loss_critical_bbl: num(5),
      /** Gains and losses add up over this window, s. */
      window_s: num(900),
      /** A tank moving faster than this with nothing else explaining it is a transfer, not the well, bbl/min. */
      transfer_rate_bbl_min: num(5),
    }),
    campaign: section({
      active: z.enum(['production', 'plug_abandonment']).default('production'),
      /** Unset = the global thresholds apply (thresholds.mse, thresholds.well_control). */
      production: section({
        mse_efficiency_warning: optNum,
        mse_efficiency_poor: optNum,
        flow_imbalance_warning: optNum,
        flow_imbalance_critical: optNum,
        pressure_test_tolerance: num(50),
        weight_mse: num(0.2),
        weight_hydraulic: num(0.2),
        weight_well_control: num(0.3),
        weight_formation: num(0.15),
        weight_stuck_pipe: num(0.15),
      }),
      /** P&A's tighter tolerances (DOMAIN §8) override the global thresholds while P&A is active. */
      plug_abandonment: section({
        mse_efficiency_warning: num(50),
        mse_efficiency_poor: num(30),
        flow_imbalance_warning: num(5),
        flow_imbalance_critical: num(15),
        pressure_test_tolerance: num(25),
        /** Optional: well-control events clear after this many seconds in P&A (unset: alarms.well_control_clear_after_s). */
        alarm_well_control_clear_after_s: optNum,
        cement_pressure_hold: num(500),
        barrier_pressure_margin: num(100),
        cement_returns_expected: z.boolean().default(true),
        plug_depth_tolerance: num(5),
        weight_mse: num(0.1),
        weight_hydraulic: num(0.3),
        weight_well_control: num(0.4),
        weight_formation: num(0.1),
        weight_stuck_pipe: num(0.1),
      }),
    }),
    llm: section({
      enabled: z.boolean().default(true),
      /** Path to a GGUF file; empty = look in resources/models. */
      model_path: z.string().default(''),
      timeout_cpu_s: num(60),
      timeout_gpu_s: num(15),
      max_tokens: num(320),
      temperature: num(0.3),
      max_consecutive_failures: num(3),
      /** Drop a queued request once its advisory is older than this. */
      relevance_s: num(300),
    }),
    server: section({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(8080),
      /** Required for POST when bound to anything but loopback. */
      token: z.string().default(''),
      /** When bound off loopback, whether GETs work without the token. */
      open_reads: z.boolean().default(false),
      body_limit_bytes: num(65536),
    }),
    knowledge: section({
      /** Precedents by RAM recall of past episodes (this rig's and the fleet's); false = the static knowledge base. */
      recall_enabled: z.boolean().default(true),
      /** Episodes held for recall; past it the oldest non-critical go. Applied at start. */
      recall_capacity: num(10_000),
    }),
    fleet: section({
      /** Confirmed AMBER/RED events kept on disk for the fleet hub. Applied at start. */
      queue_capacity: num(1000),
    }),
    storage: section({
      metrics_retention_days: num(90),
      metrics_flush_ms: num(1000),
    }),
  })
  .strict();

export type WellConfig = z.output<typeof WellConfigSchema>;
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
